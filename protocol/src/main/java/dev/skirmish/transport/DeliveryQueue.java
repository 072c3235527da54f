package dev.skirmish.transport;

import java.util.ArrayDeque;

/**
 * A connection's received messages: the queue of complete ones waiting for the application, the
 * pool they are recycled through, and the two budgets that bound the memory they take.
 *
 * <ul>
 *   <li><b>Flow control</b> for reliable messages: the peer may send reliable messages whose total
 *       {@link TransportConfig#flowCost cost} stays within the limit we advertised
 *       (MAX_DATA frames). The limit moves forward only when the application consumes messages, so a
 *       slow reader throttles the sender instead of growing our buffers.</li>
 *   <li><b>Unreliable budget</b>: unreliable messages held (reassembling or waiting) never exceed a
 *       fixed number of bytes; beyond it new ones are dropped and counted.</li>
 * </ul>
 */
final class DeliveryQueue {
    private static final int KEPT_BUFFER_BYTES = 4096;

    private final ArrayDeque<IncomingMessage> ready = new ArrayDeque<>();
    private final ArrayDeque<IncomingMessage> spare = new ArrayDeque<>();
    private final ByteArrayPool pool;
    private final long windowBytes;
    private final long unreliableLimitBytes;
    private long reliableChargedBytes;
    private long reliableConsumedBytes;
    private long advertisedLimitBytes;
    private long unreliableHeldBytes;
    private long readyBytes;

    long messagesDelivered;
    long duplicateMessages;
    long staleMessages;
    long bufferFullDrops;

    DeliveryQueue(ByteArrayPool pool, long windowBytes, long unreliableLimitBytes) {
        this.pool = pool;
        this.windowBytes = windowBytes;
        this.unreliableLimitBytes = unreliableLimitBytes;
        this.advertisedLimitBytes = windowBytes;
    }

    /** Charges a new reliable message against the advertised limit; false means the peer overran it. */
    boolean chargeReliable(long cost) {
        if (reliableChargedBytes + cost > advertisedLimitBytes) {
            return false;
        }
        reliableChargedBytes += cost;
        return true;
    }

    /** Reserves room for an unreliable message; false (and counted) when the budget is spent. */
    boolean reserveUnreliable(long bytes) {
        if (unreliableHeldBytes + bytes > unreliableLimitBytes) {
            bufferFullDrops++;
            return false;
        }
        unreliableHeldBytes += bytes;
        return true;
    }

    IncomingMessage obtain(int channel, long sequence, boolean reliable, int length, int fragmentSize, long budgetBytes) {
        IncomingMessage message = spare.pollLast();
        if (message == null) {
            message = new IncomingMessage();
        }
        message.channel = channel;
        message.sequence = sequence;
        message.reliable = reliable;
        message.length = length;
        message.fragmentSize = fragmentSize == 0 ? Math.max(length, 1) : fragmentSize;
        message.fragmentCount = fragmentSize == 0 ? 1 : (length + fragmentSize - 1) / fragmentSize;
        message.received.reset(message.fragmentCount);
        message.budgetBytes = budgetBytes;
        if (message.data == null || message.data.length < length) {
            pool.release(message.data);
            message.data = pool.acquire(length);
            message.view = java.nio.ByteBuffer.wrap(message.data);
        }
        return message;
    }

    /** Discards a message that will never be delivered (an evicted partial unreliable message). */
    void discard(IncomingMessage message) {
        release(message);
    }

    /** Hands a complete message to the application's queue. */
    void deliver(IncomingMessage message) {
        ready.addLast(message);
        readyBytes += message.length;
    }

    /** Gives up to {@code max} ready messages to {@code handler}; returns how many. */
    int drain(Connection connection, MessageHandler handler, int max) {
        int delivered = 0;
        while (delivered < max) {
            IncomingMessage message = ready.pollFirst();
            if (message == null) {
                break;
            }
            readyBytes -= message.length;
            message.view.limit(message.length).position(0);
            try {
                handler.onMessage(connection, message.channel, message.view);
            } finally {
                release(message);
                messagesDelivered++;
                delivered++;
            }
        }
        return delivered;
    }

    private void release(IncomingMessage message) {
        if (message.reliable) {
            reliableConsumedBytes += message.budgetBytes;
        } else {
            unreliableHeldBytes -= message.budgetBytes;
        }
        // Small buffers stay with their message object (no re-wrapping, no allocation on reuse);
        // large ones go back to the shared pool so idle connections do not pin them.
        if (message.data.length > KEPT_BUFFER_BYTES) {
            pool.release(message.data);
            message.data = null;
            message.view = null;
        }
        spare.addLast(message);
    }

    /**
     * The flow-control limit to advertise. It is raised to consumed + window once less than half the
     * window is left, so updates go out in batches rather than one per message.
     */
    long advertisedLimit() {
        if (advertisedLimitBytes - reliableConsumedBytes < windowBytes / 2) {
            advertisedLimitBytes = reliableConsumedBytes + windowBytes;
        }
        return advertisedLimitBytes;
    }

    int readyCount() {
        return ready.size();
    }

    long readyBytes() {
        return readyBytes;
    }

    /** Bytes of the flow-control window currently taken by reliable messages not yet consumed. */
    long reliableHeldBytes() {
        return reliableChargedBytes - reliableConsumedBytes;
    }

    long unreliableHeldBytes() {
        return unreliableHeldBytes;
    }
}
