package dev.skirmish.transport.udp;

import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DisconnectReason;

/**
 * What a {@link NetworkThread} hands to the application, one at a time from {@link NetworkThread#poll()}:
 * a received message or a connection coming or going, in the order the network thread saw them.
 *
 * <p>For each connection the order is: {@link ConnectionEvent.Type#CONNECTED}, its messages, then one
 * {@link ConnectionEvent.Type#DISCONNECTED}; or a lone {@link ConnectionEvent.Type#CONNECT_FAILED}.
 * Messages the connection delivered before it ended are queued before its end, so none is lost to
 * the race between a last message and a close.
 */
public sealed interface NetworkEvent permits NetworkEvent.Received, NetworkEvent.ConnectionChange {

    /** The connection this happened on. */
    ConnectionHandle connection();

    /**
     * One delivered message, copied out of the transport.
     *
     * @param connection where it came from
     * @param channel    the channel it was sent on
     * @param payload    the message; the application's to keep (records compare arrays by identity)
     */
    record Received(ConnectionHandle connection, int channel, byte[] payload) implements NetworkEvent {

        @Override
        public String toString() {
            return "Received[" + connection + ", channel " + channel + ", " + payload.length + " bytes]";
        }
    }

    /**
     * A connection came or went, as {@link ConnectionEvent} reports it on the network thread.
     *
     * @param type       what happened
     * @param connection the connection it happened to
     * @param reason     why it ended (null for {@link ConnectionEvent.Type#CONNECTED})
     * @param detail     human-readable detail, e.g. the peer's close text ("" if none)
     */
    record ConnectionChange(ConnectionEvent.Type type, ConnectionHandle connection, DisconnectReason reason,
                            String detail) implements NetworkEvent {
    }
}
