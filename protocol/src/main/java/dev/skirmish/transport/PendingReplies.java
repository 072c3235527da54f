package dev.skirmish.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Stateless handshake replies (CHALLENGE, REJECT) produced while receiving and sent at the next
 * poll. Bounded: a flood of CONNECTs beyond the bound is dropped and counted rather than queued, so
 * it cannot grow memory. Buffers are reused.
 */
final class PendingReplies {
    private static final class Reply {
        InetSocketAddress to;
        final byte[] data;
        int length;

        Reply(int capacity) {
            data = new byte[capacity];
        }
    }

    private final ArrayDeque<Reply> queued = new ArrayDeque<>();
    private final ArrayDeque<Reply> spare = new ArrayDeque<>();
    private final int maxReplies;
    private final int maxDatagramBytes;

    PendingReplies(int maxReplies, int maxDatagramBytes) {
        this.maxReplies = maxReplies;
        this.maxDatagramBytes = maxDatagramBytes;
    }

    /** Copies a reply in; false if the queue is full. */
    boolean add(InetSocketAddress to, byte[] data, int length) {
        if (queued.size() >= maxReplies) {
            return false;
        }
        Reply reply = spare.pollLast();
        if (reply == null) {
            reply = new Reply(maxDatagramBytes);
        }
        reply.to = to;
        System.arraycopy(data, 0, reply.data, 0, length);
        reply.length = length;
        queued.addLast(reply);
        return true;
    }

    /** Sends every queued reply through {@code sink}, staging each in {@code buffer}. */
    void drain(ByteBuffer buffer, DatagramSink sink) {
        Reply reply;
        while ((reply = queued.pollFirst()) != null) {
            buffer.clear();
            buffer.put(reply.data, 0, reply.length).flip();
            sink.send(reply.to, buffer);
            reply.to = null;
            spare.addLast(reply);
        }
    }

    boolean isEmpty() {
        return queued.isEmpty();
    }
}
