package dev.skirmish.transport;

import java.util.ArrayDeque;

/**
 * The ack-eliciting packets in flight, indexed by packet number in a power-of-two ring, with their
 * records recycled through a free list so that sending allocates nothing in steady state.
 *
 * <p>Packet numbers are consecutive for all packets, but only ack-eliciting ones get a record
 * (ack-only packets are neither retransmitted nor counted in flight, RFC 9002 §2). A slot is
 * therefore looked up by number and checked: a slot holding another number means "no record".
 */
final class SentPacketWindow {
    private final SentPacket[] slots;
    private final int mask;
    private final ArrayDeque<SentPacket> spare = new ArrayDeque<>();
    private long oldestInFlight = Long.MAX_VALUE;
    private long newestInFlight = -1;
    private int count;
    private long bytesInFlight;

    SentPacketWindow(int capacity) {
        this.slots = new SentPacket[capacity];
        this.mask = capacity - 1;
    }

    /**
     * The record to fill for a new packet. If its slot still holds a packet from {@code capacity}
     * packet numbers ago, that one is returned through {@code evicted} first (the caller declares
     * it lost) — it only happens after a very long run of ack-only packets.
     */
    SentPacket add(long packetNumber, long nowNanos, int sizeBytes, java.util.function.Consumer<SentPacket> evicted) {
        int index = (int) packetNumber & mask;
        SentPacket old = slots[index];
        if (old != null) {
            evicted.accept(old);
        }
        SentPacket record = spare.pollLast();
        if (record == null) {
            record = new SentPacket();
        }
        record.reset(packetNumber, nowNanos);
        record.sizeBytes = sizeBytes;
        slots[index] = record;
        count++;
        bytesInFlight += sizeBytes;
        oldestInFlight = Math.min(oldestInFlight, packetNumber);
        newestInFlight = Math.max(newestInFlight, packetNumber);
        return record;
    }

    /** The record for {@code packetNumber}, or null if none is in flight. */
    SentPacket get(long packetNumber) {
        if (packetNumber < oldestInFlight || packetNumber > newestInFlight) {
            return null;
        }
        SentPacket record = slots[(int) packetNumber & mask];
        return record != null && record.packetNumber == packetNumber ? record : null;
    }

    /** Removes a record (acknowledged or lost) and recycles it. */
    void remove(SentPacket record) {
        int index = (int) record.packetNumber & mask;
        if (slots[index] != record) {
            return;
        }
        slots[index] = null;
        count--;
        bytesInFlight -= record.sizeBytes;
        spare.addLast(record);
        if (count == 0) {
            oldestInFlight = Long.MAX_VALUE;
            newestInFlight = -1;
        } else if (record.packetNumber == oldestInFlight) {
            advanceOldest();
        }
    }

    private void advanceOldest() {
        long pn = oldestInFlight + 1;
        while (pn <= newestInFlight && get(pn) == null) {
            pn++;
        }
        oldestInFlight = pn;
    }

    long oldestInFlight() {
        return oldestInFlight;
    }

    long newestInFlight() {
        return newestInFlight;
    }

    int count() {
        return count;
    }

    long bytesInFlight() {
        return bytesInFlight;
    }

    boolean isEmpty() {
        return count == 0;
    }
}
