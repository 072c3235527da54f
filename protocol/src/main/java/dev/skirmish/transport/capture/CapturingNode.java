package dev.skirmish.transport.capture;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A {@link NetworkNode} decorator that records every datagram its node receives and sends into a
 * {@link CaptureFile}, then passes it on unchanged; the driver ({@code UdpHost}) drives this instead of
 * the node. The local address is usually known only once the socket is bound, so it is set afterwards
 * with {@link #localAddress(InetSocketAddress)}; until then the wildcard address 0.0.0.0:0 is recorded.
 * Used on the driver's thread only, like the node itself.
 */
public final class CapturingNode implements NetworkNode {
    private static final InetSocketAddress UNBOUND = new InetSocketAddress("0.0.0.0", 0);

    private final NetworkNode node;
    private final CaptureFile capture;
    private final RecordingSink recordingSink = new RecordingSink();
    private volatile InetSocketAddress localAddress = UNBOUND;

    public CapturingNode(NetworkNode node, CaptureFile capture) {
        this.node = Objects.requireNonNull(node, "node");
        this.capture = Objects.requireNonNull(capture, "capture");
    }

    /** Sets the address recorded as this side of every datagram (the bound socket's). */
    public void localAddress(InetSocketAddress address) {
        this.localAddress = Objects.requireNonNull(address, "address");
    }

    /**
     * Sets the recorded address from the socket's bound address and the peer it talks to: a socket bound
     * to the wildcard address and talking to a loopback peer is recorded on that loopback address, so the
     * capture shows where the datagrams really went.
     */
    public void localAddress(InetSocketAddress bound, InetSocketAddress peer) {
        boolean onLoopback = bound.getAddress().isAnyLocalAddress() && peer.getAddress().isLoopbackAddress();
        localAddress(onLoopback ? new InetSocketAddress(peer.getAddress(), bound.getPort()) : bound);
    }

    public CaptureFile capture() {
        return capture;
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        capture.record(nowNanos, from, localAddress, datagram);
        node.receive(nowNanos, from, datagram);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        node.handleTimeout(nowNanos);
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        recordingSink.nowNanos = nowNanos;
        recordingSink.sink = sink;
        try {
            node.poll(nowNanos, recordingSink);
        } finally {
            recordingSink.sink = null;
        }
    }

    @Override
    public long nextTimeoutNanos() {
        return node.nextTimeoutNanos();
    }

    /** Records each datagram on its way to the driver's sink; reused across polls, so nothing is allocated. */
    private final class RecordingSink implements DatagramSink {
        long nowNanos;
        DatagramSink sink;

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            capture.record(nowNanos, localAddress, to, datagram);
            sink.send(to, datagram);
        }
    }
}
