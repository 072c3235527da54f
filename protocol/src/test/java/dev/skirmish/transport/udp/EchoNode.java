package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake node that sends every datagram back to its source on the next poll. */
final class EchoNode implements NetworkNode {

    private final Queue<InetSocketAddress> replyTo = new ArrayDeque<>();
    private final Queue<byte[]> replies = new ArrayDeque<>();
    private final AtomicInteger received = new AtomicInteger();
    private int receivesToFail;

    /** Makes the next {@code count} calls to {@link #receive} throw after counting the datagram. */
    EchoNode failingFirstReceives(int count) {
        this.receivesToFail = count;
        return this;
    }

    /** Datagrams handed to this node so far; readable from any thread. */
    int received() {
        return received.get();
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        received.incrementAndGet();
        if (receivesToFail > 0) {
            receivesToFail--;
            throw new IllegalStateException("planted failure in EchoNode.receive");
        }
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        replyTo.add(from);
        replies.add(copy);
    }

    @Override
    public void handleTimeout(long nowNanos) {
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        while (!replies.isEmpty()) {
            sink.send(replyTo.remove(), ByteBuffer.wrap(replies.remove()));
        }
    }

    @Override
    public long nextTimeoutNanos() {
        return NO_DEADLINE;
    }
}
