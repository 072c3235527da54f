package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.PacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Wraps a node so every datagram it sends claims another protocol version (byte 0 rewritten, checksum
 * redone): a peer built from a different release, as far as the other side can tell.
 */
final class VersionRewritingNode implements NetworkNode {

    private final NetworkNode inner;
    private final int version;
    private final DatagramChecksum checksum = new DatagramChecksum();
    private final ByteBuffer rewritten = ByteBuffer.allocate(UdpHostOptions.MAX_DATAGRAM_BYTES_LIMIT);

    VersionRewritingNode(NetworkNode inner, int version) {
        this.inner = inner;
        this.version = version;
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        inner.receive(nowNanos, from, datagram);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        inner.handleTimeout(nowNanos);
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        inner.poll(nowNanos, (to, datagram) -> sink.send(to, rewrite(datagram)));
    }

    @Override
    public long nextTimeoutNanos() {
        return inner.nextTimeoutNanos();
    }

    private ByteBuffer rewrite(ByteBuffer datagram) {
        rewritten.clear();
        ByteBuffer body = datagram.duplicate();
        body.limit(body.limit() - DatagramChecksum.LENGTH);
        rewritten.put(body);
        rewritten.put(PacketType.VERSION_OFFSET, (byte) version);
        checksum.append(rewritten, 0);
        return rewritten.flip();
    }
}
