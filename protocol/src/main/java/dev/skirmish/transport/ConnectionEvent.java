package dev.skirmish.transport;

/**
 * Something that happened to a connection, taken from {@link Endpoint#pollEvent()}.
 *
 * @param type       what happened
 * @param connection the connection it happened to
 * @param reason     why it ended (null for {@link Type#CONNECTED})
 * @param detail     human-readable detail, e.g. the peer's close text or a reject message ("" if none)
 */
public record ConnectionEvent(Type type, Connection connection, DisconnectReason reason, String detail) {

    /** Kinds of connection event. */
    public enum Type {
        /** The handshake completed (client: ACCEPT received; server: a client's cookie verified). */
        CONNECTED,
        /** A client's connection attempt failed: refused (with the server's reason) or timed out. */
        CONNECT_FAILED,
        /** An established connection ended. */
        DISCONNECTED
    }

    @Override
    public String toString() {
        return type + " " + connection + (reason == null ? "" : " " + reason + (detail.isEmpty() ? "" : ": " + detail));
    }
}
