package dev.skirmish.transport;

/**
 * The timers of one connection. Each has one deadline in the connection's timer table; the
 * connection's next wake-up is the earliest of them (the quinn-proto {@code TimerTable} pattern).
 */
enum ConnectionTimer {
    /** Time-threshold loss check or probe timeout ({@link LossDetection}). */
    LOSS_DETECTION,
    /** Send the delayed acknowledgement now. */
    ACK_DELAY,
    /** Nothing sent for the keepalive interval: send a PING. */
    KEEPALIVE,
    /** Nothing heard for the idle timeout: the connection is dead. */
    IDLE,
    /** A path challenge went unanswered: forget the candidate address. */
    PATH_VALIDATION,
    /** Resend the client's CONNECT. */
    HANDSHAKE_RESEND,
    /** Give up connecting. */
    CONNECT_TIMEOUT,
    /** Closing or draining period over (or flushing took too long). */
    CLOSE,
    /** Send the CLOSE frame again: the peer may have lost it and may have nothing to send that would prompt us. */
    CLOSE_RESEND,
    /** Pacing holds the next packet until then. */
    PACING;

    static final ConnectionTimer[] ALL = values();
}
