package dev.skirmish.bench.transport;

import java.io.IOException;

/**
 * One transport carrying benchmark messages from a sender to a receiver in this process over
 * 127.0.0.1. The sending methods are called from one thread (the run's); the receiving side runs on
 * a thread of its own, started by {@link #open}, and reports every message to the check.
 */
interface LinkUnderTest extends AutoCloseable {

    /** Connects both ends and starts the receiving thread. */
    void open(DeliveryCheck check) throws IOException;

    /**
     * Queues or sends {@code message} (its stamp already written); false if the transport does not
     * accept it now (full send buffer), in which case it may be offered again.
     */
    boolean trySend(byte[] message) throws IOException;

    /** Pushes out what {@link #trySend} queued, without waiting. */
    void flush() throws IOException;

    /** Lets the transport make progress (acks, timers) for at most about {@code maxWaitNanos}. */
    void idle(long maxWaitNanos) throws IOException;

    /** Whether every message accepted by {@link #trySend} must arrive (false for best-effort UDP). */
    boolean reliable();

    /** Data retransmitted by the transport, or null where unknown. */
    Long retransmits();

    /** Bytes the transport wrote to its sockets in both directions, or null where unknown. */
    Long wireBytes();

    /** Stops the receiving thread and closes the sockets; idempotent. */
    @Override
    void close();
}
