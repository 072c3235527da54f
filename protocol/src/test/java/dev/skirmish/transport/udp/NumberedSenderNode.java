package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake node that sends numbered datagrams to one peer, {@code datagramBytes} long with the number in
 * the first four bytes (big-endian), and records the numbers of the datagrams it receives.
 */
final class NumberedSenderNode implements NetworkNode {

    private final InetSocketAddress peer;
    private final ByteBuffer outgoing;
    private final AtomicInteger toSend = new AtomicInteger();
    private final List<Integer> receivedNumbers = new CopyOnWriteArrayList<>();
    private int nextNumber;

    NumberedSenderNode(InetSocketAddress peer, int datagramBytes) {
        if (datagramBytes < Integer.BYTES) {
            throw new IllegalArgumentException("datagramBytes must hold the number, got " + datagramBytes);
        }
        this.peer = peer;
        this.outgoing = ByteBuffer.allocate(datagramBytes);
    }

    /** Sends {@code count} more datagrams at the next poll. */
    NumberedSenderNode queue(int count) {
        toSend.addAndGet(count);
        return this;
    }

    /** The numbers received so far, in arrival order; readable from any thread. */
    List<Integer> receivedNumbers() {
        return receivedNumbers;
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        receivedNumbers.add(datagram.getInt(datagram.position()));
    }

    @Override
    public void handleTimeout(long nowNanos) {
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        for (int pending = toSend.getAndSet(0); pending > 0; pending--) {
            outgoing.clear();
            outgoing.putInt(0, nextNumber++);
            sink.send(peer, outgoing);
        }
    }

    @Override
    public long nextTimeoutNanos() {
        return NO_DEADLINE;
    }
}
