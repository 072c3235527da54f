package dev.skirmish.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Receives the datagrams a {@link NetworkNode} wants sent; implemented by drivers. */
@FunctionalInterface
public interface DatagramSink {

    /**
     * Sends one datagram: the buffer's remaining bytes. The buffer is only valid during the call,
     * so a sink that defers sending must copy it.
     */
    void send(InetSocketAddress to, ByteBuffer datagram);
}
