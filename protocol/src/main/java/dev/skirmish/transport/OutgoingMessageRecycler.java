package dev.skirmish.transport;

import java.util.ArrayDeque;

/**
 * Recycles {@link OutgoingMessage} objects and their payload arrays for one endpoint. Recycling bumps
 * a message's generation so that packet records still pointing at it see it as gone.
 */
final class OutgoingMessageRecycler {
    private final ArrayDeque<OutgoingMessage> spare = new ArrayDeque<>();
    private final ByteArrayPool pool;

    OutgoingMessageRecycler(ByteArrayPool pool) {
        this.pool = pool;
    }

    OutgoingMessage obtain() {
        OutgoingMessage message = spare.pollLast();
        return message != null ? message : new OutgoingMessage();
    }

    /** Returns a message with its payload array. */
    void recycle(OutgoingMessage message) {
        pool.release(message.data);
        message.data = null;
        recycleAcknowledged(message);
    }

    /** Returns a message whose payload array was already released. */
    void recycleAcknowledged(OutgoingMessage message) {
        message.generation++;
        message.queuedForRetransmission = false;
        spare.addLast(message);
    }
}
