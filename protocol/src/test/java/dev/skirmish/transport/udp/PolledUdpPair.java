package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A server and a client {@link Endpoint}, each on its own {@link UdpHost} bound to loopback, pumped in
 * turn by the test thread with {@code service(...)}: the ENet-style polled mode, the way a game loop
 * drives the network between ticks. Events and messages are collected per side as the hosts run.
 *
 * <p>Loss comes from {@link RandomDatagramDropper}s in front of both sockets, inbound and outbound, each
 * with its own seed split from the pair's, so a failure can be replayed decision for decision.
 */
final class PolledUdpPair implements AutoCloseable {

    /** Service rounds before a scenario is declared stuck; the test's timeout usually comes first. */
    static final int MAX_ROUNDS = 100_000;
    private static final long SERVICE_TIMEOUT_MILLIS = 1;

    /** One message as the application received it. */
    record Received(int channel, byte[] payload) {
    }

    final long seed;
    /** The client host's clock: the instants the client endpoint is called with. */
    final NanoClock clientClock;
    final Endpoint server;
    final Endpoint client;
    final UdpHost serverHost;
    final UdpHost clientHost;
    final List<ConnectionEvent> serverEvents = new ArrayList<>();
    final List<ConnectionEvent> clientEvents = new ArrayList<>();
    final List<Received> serverReceived = new ArrayList<>();
    final List<Received> clientReceived = new ArrayList<>();
    Connection clientConnection;
    Connection serverConnection;

    private PolledUdpPair(long seed, NanoClock clientClock, Endpoint server, Endpoint client, UdpHost serverHost,
                          UdpHost clientHost) {
        this.seed = seed;
        this.clientClock = clientClock;
        this.server = server;
        this.client = client;
        this.serverHost = serverHost;
        this.clientHost = clientHost;
    }

    /**
     * Binds both hosts on {@code loopback} (port 0), dropping each datagram with probability
     * {@code dropRate} in each direction at each socket.
     */
    static PolledUdpPair open(InetSocketAddress loopback, TransportConfig config, long seed, double dropRate)
            throws IOException {
        SplittableRandom droppers = new SplittableRandom(~seed);
        return open(loopback, config, seed, lossy(dropRate, droppers), lossy(dropRate, droppers));
    }

    /**
     * Binds both hosts on {@code loopback} (port 0) with the given options; a host whose options name no
     * clock reads one shared clock started now.
     */
    static PolledUdpPair open(InetSocketAddress loopback, TransportConfig config, long seed,
                              UdpHostOptions serverOptions, UdpHostOptions clientOptions) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Endpoint server = Endpoint.server(config, random.split());
        Endpoint client = Endpoint.client(config, random.split());
        NanoClock shared = NanoClock.startingNow();
        NanoClock clientClock = clientOptions.clock().orElse(shared);
        UdpHost serverHost = UdpHost.bind(loopback, server,
                serverOptions.toBuilder().clock(serverOptions.clock().orElse(shared)).build());
        try {
            UdpHost clientHost = UdpHost.bind(loopback, client, clientOptions.toBuilder().clock(clientClock).build());
            return new PolledUdpPair(seed, clientClock, server, client, serverHost, clientHost);
        } catch (IOException | RuntimeException e) {
            serverHost.close();
            throw e;
        }
    }

    private static UdpHostOptions lossy(double dropRate, SplittableRandom random) {
        return UdpHostOptions.builder()
                .inboundDropper(new RandomDatagramDropper(dropRate, random.nextLong()))
                .outboundDropper(new RandomDatagramDropper(dropRate, random.nextLong()))
                .build();
    }

    /** Connects the client to the server and pumps until both sides report the connection. */
    void connect() {
        clientConnection = client.connect(clientClock.nowNanos(), serverHost.localAddress());
        pumpUntil(() -> serverConnection != null && clientConnection.state() == Connection.State.CONNECTED,
                "both sides connected");
    }

    /** Services client and server in turn, collecting what they deliver, until {@code done} holds. */
    void pumpUntil(BooleanSupplier done, String what) {
        pumpUntil(done, what, () -> { });
    }

    /**
     * Like {@link #pumpUntil(BooleanSupplier, String)}, running {@code step} (e.g. sending more, as a game
     * tick would) before each round of service calls.
     */
    void pumpUntil(BooleanSupplier done, String what, Runnable step) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            collect();
            if (done.getAsBoolean()) {
                return;
            }
            step.run();
            clientHost.service(SERVICE_TIMEOUT_MILLIS);
            serverHost.service(SERVICE_TIMEOUT_MILLIS);
        }
        fail("not done after " + MAX_ROUNDS + " service rounds: " + what + "; " + describe());
    }

    /** Moves both sides' events and delivered messages into the lists. */
    void collect() {
        ConnectionEvent event;
        while ((event = server.pollEvent()) != null) {
            serverEvents.add(event);
            if (event.type() == ConnectionEvent.Type.CONNECTED) {
                serverConnection = event.connection();
            }
        }
        while ((event = client.pollEvent()) != null) {
            clientEvents.add(event);
        }
        if (serverConnection != null) {
            serverConnection.receive((connection, channel, payload) -> serverReceived.add(received(channel, payload)));
        }
        if (clientConnection != null) {
            clientConnection.receive((connection, channel, payload) -> clientReceived.add(received(channel, payload)));
        }
    }

    /** The payloads received on {@code channel}, in arrival order. */
    static List<byte[]> payloads(List<Received> received, int channel) {
        List<byte[]> payloads = new ArrayList<>();
        for (Received message : received) {
            if (message.channel() == channel) {
                payloads.add(message.payload());
            }
        }
        return payloads;
    }

    private static Received received(int channel, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        return new Received(channel, copy);
    }

    /** Everything a failure message needs to be understood and replayed. */
    String describe() {
        return "seed " + seed
                + "\n client " + (clientConnection == null ? "-" : clientConnection + " " + clientConnection.stats())
                + "\n server " + (serverConnection == null ? "-" : serverConnection + " " + serverConnection.stats())
                + "\n client host " + clientHost.stats() + "\n server host " + serverHost.stats()
                + "\n client endpoint " + client.stats() + "\n server endpoint " + server.stats();
    }

    @Override
    public void close() {
        clientHost.close();
        serverHost.close();
    }
}
