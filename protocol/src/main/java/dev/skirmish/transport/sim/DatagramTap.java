package dev.skirmish.transport.sim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Observes the traffic of a {@link SimulatedNetwork}, e.g. to write a capture file. Called
 * synchronously, in virtual-time order, once when a node sends a datagram (bytes as sent) and
 * once for every copy handed to a node (bytes as delivered, possibly corrupted). Datagrams put on
 * the wire by {@link SimulatedNetwork#inject} are seen only as deliveries.
 */
@FunctionalInterface
public interface DatagramTap {

    /** Which side of the link the tap saw the datagram on. */
    enum Event {
        /** Leaving the sender, before the link model acts on it. */
        SENT,
        /** Reaching the node at {@code to}. */
        DELIVERED
    }

    /**
     * Sees one datagram: the buffer's remaining bytes. The buffer is only valid during the call
     * and must not be modified; copy what you keep.
     */
    void observe(long nowNanos, Event event, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram);
}
