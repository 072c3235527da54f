package dev.skirmish.client;

import dev.skirmish.transport.DisconnectReason;

/**
 * Why a {@link GameClient}'s session ended without the client asking for it.
 *
 * @param reason what went wrong, in the game's terms
 * @param detail human-readable detail: the server's refusal or close text, or the client's finding ("" if none)
 */
public record ClientFailure(Reason reason, String detail) {

    /** The ways a session can fail. */
    public enum Reason {
        /** The server did not answer the transport handshake in time (down, unreachable, filtered). */
        CONNECT_TIMEOUT("no answer from the server"),
        /** The server has no free slot. */
        SERVER_FULL("the server is full"),
        /** The server runs another protocol or game version (or another channel layout). */
        VERSION_MISMATCH("the server runs another protocol version"),
        /** The server closed the connection before welcoming the player (it refused the join). */
        REFUSED("the server refused the join"),
        /** Connected, but no Welcome came within the join timeout. */
        JOIN_TIMEOUT("the server did not welcome the player in time"),
        /** The server sent something the client cannot use (a map that does not parse, for instance). */
        BAD_SERVER_DATA("the server sent unusable data"),
        /** The server closed the connection during play. */
        CLOSED_BY_SERVER("the server closed the connection"),
        /** Nothing was heard from the server for the idle timeout, or the transport gave up. */
        CONNECTION_LOST("the connection was lost");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A short human-readable description. */
        public String description() {
            return description;
        }
    }

    /** Validates fields; a null detail becomes "". */
    public ClientFailure {
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
        detail = detail == null ? "" : detail;
    }

    /**
     * The failure for a transport-level end of the connection, or null when this side closed it.
     *
     * @param welcomed whether the server had welcomed the player (a close before that is a refusal)
     */
    static ClientFailure fromTransport(DisconnectReason transportReason, String detail, boolean welcomed) {
        switch (transportReason) {
            case LOCAL_CLOSE:
            case ENDPOINT_CLOSED:
                return null;
            case CONNECT_TIMEOUT:
                return new ClientFailure(Reason.CONNECT_TIMEOUT, detail);
            case SERVER_FULL:
                return new ClientFailure(Reason.SERVER_FULL, detail);
            case VERSION_MISMATCH:
            case CHANNEL_MISMATCH:
                return new ClientFailure(Reason.VERSION_MISMATCH, transportReason + ": " + detail);
            case PEER_CLOSED:
                return new ClientFailure(welcomed ? Reason.CLOSED_BY_SERVER : Reason.REFUSED, detail);
            default:
                return new ClientFailure(Reason.CONNECTION_LOST, transportReason + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    /** One line: reason, description and detail. */
    public String describe() {
        return reason + " (" + reason.description + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }
}
