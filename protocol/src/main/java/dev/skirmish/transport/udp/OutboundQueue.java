package dev.skirmish.transport.udp;

import dev.skirmish.transport.TransportConfig;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One channel's messages that application threads handed to a {@link NetworkThread} and the connection
 * has not accepted yet: many producers, one consumer (the network thread), first in first out.
 *
 * <p>Bounded in bytes, each message costing what it costs against flow control
 * ({@link TransportConfig#flowCost}: its length plus a fixed overhead), so a flood of empty messages is
 * bounded too. The bound is reserved before the message is added, so it holds under any number of
 * concurrent producers.
 */
final class OutboundQueue {

    private final ConcurrentLinkedQueue<byte[]> messages = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long capacityBytes;
    private volatile boolean closed;

    OutboundQueue(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /**
     * Copies {@code length} bytes of {@code source} from {@code offset} onto the tail. Any thread.
     *
     * @return false, copying nothing, when the message does not fit or the queue is closed
     */
    boolean offer(byte[] source, int offset, int length) {
        long cost = TransportConfig.flowCost(length);
        if (!reserve(cost)) {
            return false;
        }
        messages.add(Arrays.copyOfRange(source, offset, offset + length));
        if (closed) {
            // Lost the race with close(): leave nothing behind that would keep queuedBytes above zero.
            discardAll();
        }
        return true;
    }

    private boolean reserve(long cost) {
        while (!closed) {
            long queued = queuedBytes.get();
            if (queued + cost > capacityBytes) {
                return false;
            }
            if (queuedBytes.compareAndSet(queued, queued + cost)) {
                return true;
            }
        }
        return false;
    }

    /** The oldest message, or null. Network thread only. */
    byte[] peek() {
        return messages.peek();
    }

    /** Removes the message {@link #peek()} returned. Network thread only. */
    void removeHead() {
        byte[] head = messages.poll();
        if (head != null) {
            queuedBytes.addAndGet(-TransportConfig.flowCost(head.length));
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** What the queued messages cost against the bound; any thread. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Refuses every later offer and discards what is queued (the connection has ended). */
    void close() {
        closed = true;
        discardAll();
    }

    private void discardAll() {
        byte[] message;
        while ((message = messages.poll()) != null) {
            queuedBytes.addAndGet(-TransportConfig.flowCost(message.length));
        }
    }
}
