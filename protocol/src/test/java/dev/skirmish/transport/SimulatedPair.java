package dev.skirmish.transport;

import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A server and a client endpoint on a {@link SimulatedNetwork}, with helpers to connect, exchange
 * messages and run virtual time. Received messages are collected per side; events are drained into
 * lists as time runs, so tests can assert on both.
 */
final class SimulatedPair {
    static final long MS = 1_000_000L;
    static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("127.0.0.1", 7777);
    static final InetSocketAddress CLIENT_ADDRESS = new InetSocketAddress("127.0.0.2", 50000);

    /** One received message. */
    record Received(int channel, byte[] payload, long atNanos) {
    }

    final long seed;
    final SimulatedNetwork network;
    final Endpoint server;
    final Endpoint client;
    final List<ConnectionEvent> serverEvents = new ArrayList<>();
    final List<ConnectionEvent> clientEvents = new ArrayList<>();
    final List<Received> serverReceived = new ArrayList<>();
    final List<Received> clientReceived = new ArrayList<>();
    Connection clientConnection;
    Connection serverConnection;

    SimulatedPair(long seed, TransportConfig serverConfig, TransportConfig clientConfig) {
        this.seed = seed;
        this.network = new SimulatedNetwork(seed);
        SplittableRandom random = new SplittableRandom(seed);
        this.server = Endpoint.server(serverConfig, random.split());
        this.client = Endpoint.client(clientConfig, random.split());
        network.attach(SERVER_ADDRESS, server);
        network.attach(CLIENT_ADDRESS, client);
    }

    SimulatedPair(long seed, TransportConfig config) {
        this(seed, config, config);
    }

    void setLinks(LinkConditions clientToServer, LinkConditions serverToClient) {
        network.setLink(CLIENT_ADDRESS, SERVER_ADDRESS, clientToServer);
        network.setLink(SERVER_ADDRESS, CLIENT_ADDRESS, serverToClient);
    }

    /** Starts the handshake; returns the client's connection. */
    Connection startConnect() {
        clientConnection = client.connect(network.nowNanos(), SERVER_ADDRESS);
        return clientConnection;
    }

    /** Connects and runs until both sides have seen CONNECTED; false if that took longer than {@code timeoutNanos}. */
    boolean connect(long timeoutNanos) {
        startConnect();
        return runUntil(() -> serverConnection != null && clientConnection.state() == Connection.State.CONNECTED,
                timeoutNanos);
    }

    /**
     * Runs virtual time until {@code done} or the timeout, draining events and messages after every
     * instant (so arrival times are exact). Never steps past the timeout.
     */
    boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        return network.runUntil(() -> {
            drain();
            return done.getAsBoolean();
        }, timeoutNanos);
    }

    /** Runs exactly {@code nanos} of virtual time. */
    void runFor(long nanos) {
        runUntil(() -> false, nanos);
    }

    void drain() {
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
        long now = network.nowNanos();
        for (Connection connection : server.connections()) {
            connection.receive((c, channel, payload) -> serverReceived.add(new Received(channel, copy(payload), now)));
        }
        if (clientConnection != null) {
            clientConnection.receive((c, channel, payload) -> clientReceived.add(new Received(channel, copy(payload), now)));
        }
    }

    static byte[] copy(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return bytes;
    }

    /** A payload that names its channel and sequence, padded to {@code length} (at least 12). */
    static byte[] numbered(int channel, int sequence, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(length, 12));
        buffer.putInt(channel).putInt(sequence).putInt(length);
        for (int i = 12; i < buffer.capacity(); i++) {
            buffer.put((byte) (sequence * 31 + i));
        }
        return buffer.array();
    }

    static int channelOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(0);
    }

    static int sequenceOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(4);
    }

    /** Whether the payload is intact (its filler bytes are what {@link #numbered} wrote). */
    static boolean intact(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int sequence = buffer.getInt(4);
        int length = buffer.getInt(8);
        if (payload.length != Math.max(length, 12)) {
            return false;
        }
        for (int i = 12; i < payload.length; i++) {
            if (payload[i] != (byte) (sequence * 31 + i)) {
                return false;
            }
        }
        return true;
    }

    String describe() {
        return "seed " + seed + " at " + network.nowNanos() / MS + " ms; network " + network.totalStats()
                + "; client " + (clientConnection == null ? "-" : clientConnection.stats())
                + "; server endpoint " + server.stats();
    }
}
