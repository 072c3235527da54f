package dev.skirmish.transport;

/**
 * Why a connection ended or could not be made. The ones with a wire code travel in REJECT packets
 * and CLOSE frames so the peer can show them; {@link #UNKNOWN} stands for a code this version does
 * not know.
 */
public enum DisconnectReason {
    /** This side called {@code close()}: reliable data was flushed first. */
    LOCAL_CLOSE(1),
    /** The peer closed the connection. */
    PEER_CLOSED(2),
    /** Nothing was heard from the peer for the idle timeout. */
    IDLE_TIMEOUT(3),
    /** The handshake did not complete within the connect timeout. */
    CONNECT_TIMEOUT(4),
    /** The server speaks another protocol version. */
    VERSION_MISMATCH(5),
    /** The server has no free player slot. */
    SERVER_FULL(6),
    /** Client and server configure different channels. */
    CHANNEL_MISMATCH(7),
    /** The peer broke the protocol (e.g. acknowledged a packet never sent, overran flow control). */
    PROTOCOL_VIOLATION(8),
    /** The local endpoint was shut down. */
    ENDPOINT_CLOSED(9),
    /** A reason code this version does not know. */
    UNKNOWN(0);

    private final int wireCode;

    DisconnectReason(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public static DisconnectReason fromWire(int code) {
        for (DisconnectReason reason : values()) {
            if (reason.wireCode == code) {
                return reason;
            }
        }
        return UNKNOWN;
    }
}
