package dev.skirmish.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A participant in a datagram network that performs no I/O of its own: it is fed datagrams
 * and the time, and hands back datagrams and the next instant it wants to be woken.
 *
 * <p>Drivers ({@code UdpHost} over real sockets, {@code SimulatedNetwork} in virtual time)
 * own the sockets, threads and clocks. Calling contract, repeated for every wake-up:
 * <ol>
 *   <li>{@link #receive} for each datagram that arrived (in arrival order);</li>
 *   <li>{@link #handleTimeout} once, when {@link #nextTimeoutNanos()} is due
 *       ({@code deadline - now <= 0});</li>
 *   <li>{@link #poll} to collect every datagram the node wants to send now;</li>
 *   <li>sleep until the next datagram arrives or {@link #nextTimeoutNanos()} is reached.</li>
 * </ol>
 *
 * <p>Time is monotonic nanoseconds from an origin the driver chooses, never negative
 * (drivers subtract their start instant from {@link System#nanoTime()}); a node never reads a
 * clock itself. Deadlines are compared wrap-safely as {@code deadline - now <= 0}.
 */
public interface NetworkNode {

    /** Returned by {@link #nextTimeoutNanos()} when nothing is scheduled. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /**
     * Takes one datagram. The buffer's remaining bytes are the datagram; the node copies what it
     * keeps and never holds the buffer after returning. Malformed input is dropped and counted,
     * never thrown.
     */
    void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram);

    /** Runs every timer whose deadline has passed (retransmission, ack delay, keepalive, idle). */
    void handleTimeout(long nowNanos);

    /**
     * Hands every datagram that is ready to go to {@code sink}, then returns. Pacing and
     * congestion control may hold some back until a later deadline.
     */
    void poll(long nowNanos, DatagramSink sink);

    /** The earliest instant at which {@link #handleTimeout} or {@link #poll} has work, or {@link #NO_DEADLINE}. */
    long nextTimeoutNanos();
}
