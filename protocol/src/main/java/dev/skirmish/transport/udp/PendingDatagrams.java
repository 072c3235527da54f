package dev.skirmish.transport.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A bounded FIFO of datagrams the kernel had no room for, held until the socket is writable again.
 *
 * <p>Each slot owns a direct buffer, allocated the first time the slot is used and grown only when a
 * longer datagram arrives, so a queue that fills and drains over and over allocates nothing. Offering
 * to a full queue fails instead of growing: the transport above retransmits what matters, and an
 * unbounded send queue is how UDP libraries run out of memory.
 */
final class PendingDatagrams {

    // Big enough for any datagram within a typical path MTU, so slots rarely need to grow.
    private static final int MIN_SLOT_BYTES = 2_048;

    private final InetSocketAddress[] destinations;
    private final ByteBuffer[] slots;
    private int headIndex;
    private int size;

    PendingDatagrams(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, got " + capacity);
        }
        this.destinations = new InetSocketAddress[capacity];
        this.slots = new ByteBuffer[capacity];
    }

    /**
     * Copies the datagram's remaining bytes into the tail slot, leaving the datagram's position as it
     * was. Returns false, copying nothing, when the queue is full.
     */
    boolean offer(InetSocketAddress to, ByteBuffer datagram) {
        if (size == slots.length) {
            return false;
        }
        int tailIndex = (headIndex + size) % slots.length;
        int lengthBytes = datagram.remaining();
        ByteBuffer slot = slotWithRoom(tailIndex, lengthBytes);
        slot.clear();
        slot.put(0, datagram, datagram.position(), lengthBytes);
        slot.limit(lengthBytes);
        destinations[tailIndex] = to;
        size++;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return slots.length;
    }

    /** Where the oldest datagram goes; only when not empty. */
    InetSocketAddress headDestination() {
        requireNotEmpty();
        return destinations[headIndex];
    }

    /** The oldest datagram, positioned at its first byte; valid until {@link #removeHead()}. */
    ByteBuffer headDatagram() {
        requireNotEmpty();
        return slots[headIndex].rewind();
    }

    /** Forgets the oldest datagram, keeping its slot's buffer for reuse. */
    void removeHead() {
        requireNotEmpty();
        destinations[headIndex] = null;
        headIndex = (headIndex + 1) % slots.length;
        size--;
    }

    private ByteBuffer slotWithRoom(int index, int lengthBytes) {
        ByteBuffer slot = slots[index];
        if (slot == null || slot.capacity() < lengthBytes) {
            slot = ByteBuffer.allocateDirect(Math.max(MIN_SLOT_BYTES, lengthBytes));
            slots[index] = slot;
        }
        return slot;
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("no pending datagram");
        }
    }
}
