package dev.skirmish.transport;

import java.nio.ByteBuffer;

/**
 * One channel's incoming side: duplicate suppression, ordering, reassembly, and each delivery mode's
 * rules.
 *
 * <ul>
 *   <li>Reliable channels keep a window of sequence numbers starting at {@code base} (ordered: the
 *       next to deliver; unordered: the lowest not yet delivered). A slot array indexed by
 *       {@code sequence & mask} holds partial and out-of-order messages; it grows on demand up to
 *       the channel window. Anything below the base is a duplicate; anything beyond the window is a
 *       protocol violation (a compliant sender never goes there).</li>
 *   <li>Unreliable channels hold at most {@link #UNRELIABLE_PARTIALS} partially reassembled
 *       messages, evicting the oldest; sequenced channels also drop anything not newer than the
 *       newest delivered.</li>
 * </ul>
 *
 * Methods return null when the frame was accepted (or harmlessly ignored), or the {@link DropReason}
 * of a violation, after which the caller stops processing the packet and does not acknowledge it.
 */
final class ReceiveChannel {
    static final int UNRELIABLE_PARTIALS = 4;

    /** Marks a slot whose message was delivered out of order (unordered channels). */
    private static final IncomingMessage DELIVERED = new IncomingMessage();

    final int id;
    final DeliveryMode mode;
    private final DeliveryQueue queue;
    private final int windowMessages;
    private final int maxMessageBytes;

    private long base;
    /** Counts progress at the head of a reliable channel: the base advancing or a piece of its message arriving. */
    private long headProgress;
    /** Occupied slots (partial, out-of-order, or delivered-out-of-order markers) of a reliable channel. */
    private int occupiedSlots;
    private IncomingMessage[] slots = new IncomingMessage[16];
    private long newestDelivered = -1;
    /** Unreliable-sequenced messages of this channel dropped as older than one delivered. */
    long staleMessages;
    private final IncomingMessage[] partials = new IncomingMessage[UNRELIABLE_PARTIALS];

    ReceiveChannel(int id, DeliveryMode mode, DeliveryQueue queue, int windowMessages, int maxMessageBytes) {
        this.id = id;
        this.mode = mode;
        this.queue = queue;
        this.windowMessages = windowMessages;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** A whole message (MESSAGE or MESSAGE_NEXT frame). */
    DropReason onMessage(long sequence, ByteBuffer source, int offset, int length) {
        if (length > maxMessageBytes) {
            return DropReason.MESSAGE_TOO_LARGE;
        }
        return onPiece(sequence, length, 0, 0, source, offset, length);
    }

    /** One fragment of a larger message (FRAGMENT frame). */
    DropReason onFragment(long sequence, long messageLength, int fragmentSize, int index, ByteBuffer source,
                          int offset, int length) {
        if (messageLength > maxMessageBytes) {
            return DropReason.MESSAGE_TOO_LARGE;
        }
        return onPiece(sequence, (int) messageLength, fragmentSize, index, source, offset, length);
    }

    private DropReason onPiece(long sequence, int messageLength, int fragmentSize, int index, ByteBuffer source,
                               int offset, int length) {
        return mode.isReliable()
                ? onReliable(sequence, messageLength, fragmentSize, index, source, offset, length)
                : onUnreliable(sequence, messageLength, fragmentSize, index, source, offset, length);
    }

    private DropReason onReliable(long sequence, int messageLength, int fragmentSize, int index, ByteBuffer source,
                                  int offset, int length) {
        if (sequence < base) {
            queue.duplicateMessages++;
            return null;
        }
        if (sequence - base >= windowMessages) {
            return DropReason.BEYOND_CHANNEL_WINDOW;
        }
        ensureCapacity(sequence);
        int slot = (int) sequence & (slots.length - 1);
        IncomingMessage message = slots[slot];
        if (message == DELIVERED || (message != null && message.complete())) {
            queue.duplicateMessages++;
            return null;
        }
        if (message == null) {
            long cost = TransportConfig.flowCost(messageLength);
            if (!queue.chargeReliable(cost)) {
                return DropReason.FLOW_CONTROL_VIOLATION;
            }
            message = queue.obtain(id, sequence, true, messageLength, fragmentSize, cost);
            slots[slot] = message;
            occupiedSlots++;
        } else if (message.length != messageLength || message.fragmentSize != effectiveFragmentSize(fragmentSize, messageLength)) {
            return DropReason.MALFORMED_FRAME;
        }
        if (!message.store(index, source, offset, length)) {
            queue.duplicateMessages++;
            return null;
        }
        if (sequence == base) {
            headProgress++;
        }
        if (message.complete()) {
            if (mode == DeliveryMode.RELIABLE_ORDERED) {
                deliverInOrder();
            } else {
                queue.deliver(message);
                slots[slot] = DELIVERED;
                advanceUnorderedBase();
            }
        }
        return null;
    }

    private static int effectiveFragmentSize(int fragmentSize, int messageLength) {
        return fragmentSize == 0 ? Math.max(messageLength, 1) : fragmentSize;
    }

    private void deliverInOrder() {
        while (true) {
            int slot = (int) base & (slots.length - 1);
            IncomingMessage message = slots[slot];
            if (message == null || !message.complete()) {
                return;
            }
            slots[slot] = null;
            occupiedSlots--;
            queue.deliver(message);
            base++;
            headProgress++;
        }
    }

    private void advanceUnorderedBase() {
        while (true) {
            int slot = (int) base & (slots.length - 1);
            if (slots[slot] != DELIVERED) {
                return;
            }
            slots[slot] = null;
            occupiedSlots--;
            base++;
            headProgress++;
        }
    }

    /** A number that changes whenever the channel's head makes progress (see {@link #isWaiting()}). */
    long headProgress() {
        return headProgress;
    }

    /** Whether a reliable channel holds messages that cannot be delivered until its head message arrives. */
    boolean isWaiting() {
        return occupiedSlots > 0;
    }

    /** Grows the slot array (re-indexing its entries) until {@code sequence} has a slot of its own. */
    private void ensureCapacity(long sequence) {
        if (sequence - base < slots.length) {
            return;
        }
        int capacity = slots.length;
        while (sequence - base >= capacity) {
            capacity <<= 1;
        }
        IncomingMessage[] grown = new IncomingMessage[capacity];
        for (long s = base; s < base + slots.length; s++) {
            grown[(int) s & (capacity - 1)] = slots[(int) s & (slots.length - 1)];
        }
        slots = grown;
    }

    private DropReason onUnreliable(long sequence, int messageLength, int fragmentSize, int index, ByteBuffer source,
                                    int offset, int length) {
        if (mode == DeliveryMode.UNRELIABLE_SEQUENCED && sequence <= newestDelivered) {
            queue.staleMessages++;
            staleMessages++;
            return null;
        }
        IncomingMessage message = fragmentSize == 0 ? null : findPartial(sequence);
        if (message == null) {
            if (!queue.reserveUnreliable(messageLength)) {
                return null;
            }
            message = queue.obtain(id, sequence, false, messageLength, fragmentSize, messageLength);
            if (fragmentSize != 0) {
                keepPartial(message);
            }
        } else if (message.length != messageLength || message.fragmentSize != fragmentSize) {
            return DropReason.MALFORMED_FRAME;
        }
        if (!message.store(index, source, offset, length)) {
            queue.duplicateMessages++;
            return null;
        }
        if (message.complete()) {
            removePartial(message);
            if (mode == DeliveryMode.UNRELIABLE_SEQUENCED) {
                newestDelivered = sequence;
                evictPartialsNotNewerThan(sequence);
            }
            queue.deliver(message);
        }
        return null;
    }

    private IncomingMessage findPartial(long sequence) {
        for (IncomingMessage partial : partials) {
            if (partial != null && partial.sequence == sequence) {
                return partial;
            }
        }
        return null;
    }

    private void keepPartial(IncomingMessage message) {
        int victim = 0;
        for (int i = 0; i < partials.length; i++) {
            if (partials[i] == null) {
                partials[i] = message;
                return;
            }
            if (partials[i].sequence < partials[victim].sequence) {
                victim = i;
            }
        }
        queue.discard(partials[victim]);
        queue.bufferFullDrops++;
        partials[victim] = message;
    }

    private void removePartial(IncomingMessage message) {
        for (int i = 0; i < partials.length; i++) {
            if (partials[i] == message) {
                partials[i] = null;
            }
        }
    }

    private void evictPartialsNotNewerThan(long sequence) {
        for (int i = 0; i < partials.length; i++) {
            if (partials[i] != null && partials[i].sequence <= sequence) {
                queue.discard(partials[i]);
                queue.staleMessages++;
                staleMessages++;
                partials[i] = null;
            }
        }
    }

    /** Messages held here (reassembling or waiting for an earlier one), for statistics. */
    int heldMessages() {
        int held = 0;
        for (IncomingMessage slot : slots) {
            if (slot != null && slot != DELIVERED) {
                held++;
            }
        }
        for (IncomingMessage partial : partials) {
            if (partial != null) {
                held++;
            }
        }
        return held;
    }
}
