package dev.skirmish.replay.analysis;

import dev.skirmish.transport.DeliveryMode;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One connection seen in a capture: its client and server addresses, the channels the client
 * announced in its CONNECT (or, when the capture has no CONNECT, the game's channels), and the trace
 * of each direction.
 */
public final class TracedConnection {
    private final int index;
    private final InetSocketAddress client;
    private final InetSocketAddress server;
    private final DirectionTrace clientToServer = new DirectionTrace();
    private final DirectionTrace serverToClient = new DirectionTrace();
    List<DeliveryMode> channels;
    boolean handshakeSeen;
    long clientConnectionId = -1;
    long firstMicros = -1;
    long lastMicros;

    TracedConnection(int index, InetSocketAddress client, InetSocketAddress server, List<DeliveryMode> channels) {
        this.index = index;
        this.client = client;
        this.server = server;
        this.channels = channels;
    }

    public int index() {
        return index;
    }

    public InetSocketAddress client() {
        return client;
    }

    public InetSocketAddress server() {
        return server;
    }

    public List<DeliveryMode> channels() {
        return channels;
    }

    /** Whether the capture holds this connection's CONNECT (else its channels are assumed to be the game's). */
    public boolean handshakeSeen() {
        return handshakeSeen;
    }

    public DirectionTrace trace(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }

    /** Microseconds (epoch) of the first and last datagram of this connection. */
    public long firstMicros() {
        return firstMicros;
    }

    public long lastMicros() {
        return lastMicros;
    }

    Direction directionFrom(InetSocketAddress source) {
        return source.equals(client) ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }
}
