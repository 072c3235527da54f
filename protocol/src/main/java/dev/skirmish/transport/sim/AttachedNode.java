package dev.skirmish.transport.sim;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;

/**
 * A node attached to a {@link SimulatedNetwork}: its current address, its sink, whether it has
 * received datagrams it has not yet been polled after, and how often it has been woken at the
 * current instant (to catch a node that never makes progress).
 */
final class AttachedNode {

    final NetworkNode node;
    final DatagramSink sink;
    InetSocketAddress address;
    boolean receivedSinceWake;

    private long countedInstantNanos;
    private int wakeupsAtInstant;

    AttachedNode(NetworkNode node, InetSocketAddress address, SimulatedNetwork network) {
        this.node = node;
        this.address = address;
        this.sink = (to, datagram) -> network.send(this, to, datagram);
    }

    /**
     * Counts one wake-up at {@code nowNanos}.
     *
     * @throws IllegalStateException if this is more than {@code limit} wake-ups at the same instant
     */
    void countWakeup(long nowNanos, int limit) {
        if (wakeupsAtInstant == 0 || countedInstantNanos != nowNanos) {
            countedInstantNanos = nowNanos;
            wakeupsAtInstant = 0;
        }
        if (++wakeupsAtInstant > limit) {
            throw new IllegalStateException("node " + node + " at " + address + " makes no progress: woken "
                    + limit + " times at the same instant " + nowNanos + " ns (deadline "
                    + node.nextTimeoutNanos() + " ns); a node must move its deadline past now once it has run");
        }
    }
}
