package dev.skirmish.transport.udp;

import dev.skirmish.transport.DisconnectReason;

/**
 * Completes the future of {@link NetworkThread#connect} when the connection could not be made: the
 * server refused it (version, channels, full), the handshake timed out, or the thread shut down first.
 */
public final class ConnectFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DisconnectReason reason;

    public ConnectFailedException(DisconnectReason reason, String detail) {
        super(reason + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.reason = reason;
    }

    /** Why the connection was not made. */
    public DisconnectReason reason() {
        return reason;
    }
}
