package dev.skirmish.client;

/**
 * Where a {@link GameClient} is in its session.
 * <pre>
 *  IDLE --connect--> CONNECTING --transport CONNECTED, Join sent--> JOINING --Welcome--> PLAYING
 *  CONNECTING / JOINING / PLAYING --refused, timed out, lost, closed by the server--> FAILED
 *  any --close()--> CLOSING --connection gone--> CLOSED
 * </pre>
 */
public enum ClientPhase {
    /** Constructed; {@code connect} not called yet. */
    IDLE,
    /** The transport handshake is running. */
    CONNECTING,
    /** Connected; Join sent, waiting for Welcome. */
    JOINING,
    /** Welcome received: ticking, sending input, receiving snapshots. */
    PLAYING,
    /** {@code close} was called; the connection is flushing its reliable data. */
    CLOSING,
    /** Closed by this side. */
    CLOSED,
    /** The session ended for a reason other than this side's close; see {@link ClientFailure}. */
    FAILED;

    /** Whether the session is over (nothing more will happen). */
    public boolean isFinal() {
        return this == CLOSED || this == FAILED;
    }
}
