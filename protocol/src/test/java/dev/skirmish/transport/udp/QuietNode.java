package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A fake node that ignores what it receives, sends nothing and never wants waking; tests override a part. */
class QuietNode implements NetworkNode {

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
    }

    @Override
    public void handleTimeout(long nowNanos) {
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
    }

    @Override
    public long nextTimeoutNanos() {
        return NO_DEADLINE;
    }
}
