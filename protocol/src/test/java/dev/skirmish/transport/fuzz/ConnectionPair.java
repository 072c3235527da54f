package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.DeliveryMode;
import java.util.List;

/**
 * Both ends of one simulated connection (the client's and the server's {@link Connection}), with a
 * {@link DeliveryLedger} for each direction. The server end is learned once the server accepts.
 */
final class ConnectionPair {
    final String name;
    final Connection client;
    final DeliveryLedger toServer;
    final DeliveryLedger toClient;
    Connection server;

    ConnectionPair(String name, Connection client, List<DeliveryMode> channels) {
        this.name = name;
        this.client = client;
        this.toServer = new DeliveryLedger(name + " client->server", channels);
        this.toClient = new DeliveryLedger(name + " server->client", channels);
    }

    /** Whether both ends are connected. */
    boolean established() {
        return server != null && client.state() == Connection.State.CONNECTED
                && server.state() == Connection.State.CONNECTED;
    }

    /** Whether either end has left the handshake or the connected state for good. */
    boolean broken() {
        Connection.State clientState = client.state();
        if (clientState != Connection.State.HANDSHAKING && clientState != Connection.State.CONNECTED) {
            return true;
        }
        return server != null && server.state() != Connection.State.CONNECTED;
    }

    /** Whether both ends that exist are CLOSED with a reason: a clean end. */
    boolean cleanlyClosed() {
        return closedWithReason(client) && (server == null || closedWithReason(server));
    }

    private static boolean closedWithReason(Connection connection) {
        return connection.state() == Connection.State.CLOSED && connection.closeReason() != null;
    }

    String describe() {
        return name + " [client " + describe(client) + "; server " + (server == null ? "never accepted" : describe(server))
                + "]";
    }

    private static String describe(Connection connection) {
        return connection.state() + (connection.closeReason() == null ? "" : " (" + connection.closeReason() + ")")
                + " " + connection.stats();
    }
}
