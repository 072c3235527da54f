package dev.skirmish.client;

import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A {@link StandInServer} and any number of {@link GameClient}s on one {@link SimulatedNetwork}, in
 * virtual time. Every client-server link gets the conditions set with {@link #setLinks}.
 */
public final class SimulatedGame {

    public static final long MS = 1_000_000L;
    public static final long SECOND = 1_000 * MS;
    public static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("10.0.0.1", 7777);

    public final long seed;
    public final SimulatedNetwork network;
    public final StandInServer server;
    public final List<GameClient> clients = new ArrayList<>();
    private final SplittableRandom random;

    public SimulatedGame(long seed, StandInServer server) {
        this.seed = seed;
        this.network = new SimulatedNetwork(seed);
        this.server = server;
        this.random = new SplittableRandom(seed);
        network.attach(SERVER_ADDRESS, server);
    }

    public SimulatedGame(long seed, TestWorlds.World world) {
        this(seed, new StandInServer(seed, world.map(), world.text()));
    }

    /** Sets the conditions of every link (both directions) not set otherwise. */
    public SimulatedGame setLinks(LinkConditions conditions) {
        network.setDefaultLink(conditions);
        return this;
    }

    /** Adds a client at its own address and starts connecting it now. */
    public GameClient addClient(GameClientConfig config, InputSource input) {
        GameClient client = new GameClient(config, input, random.split());
        InetSocketAddress address = new InetSocketAddress("10.0.1." + (clients.size() + 1), 50_000);
        network.attach(address, client);
        client.connect(network.nowNanos(), SERVER_ADDRESS);
        clients.add(client);
        return client;
    }

    /** Adds a client with default settings under {@code name}. */
    public GameClient addClient(String name, InputSource input) {
        return addClient(GameClientConfig.builder(name).build(), input);
    }

    /** Runs until {@code done} or {@code timeoutNanos} of virtual time; true if done. */
    public boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        return network.runUntil(done, timeoutNanos);
    }

    /** Runs {@code nanos} of virtual time. */
    public void runFor(long nanos) {
        network.runFor(nanos);
    }

    /** Runs until every client plays; true if they all did within {@code timeoutNanos}. */
    public boolean runUntilAllPlaying(long timeoutNanos) {
        return runUntil(() -> clients.stream().allMatch(c -> c.phase() == ClientPhase.PLAYING
                && c.view().map() != null && c.view().localKnown()), timeoutNanos);
    }

    public long nowNanos() {
        return network.nowNanos();
    }

    /** Seed and network state, for failure messages. */
    public String describe() {
        return "seed " + seed + " at " + network.nowNanos() / MS + " ms; " + network.totalStats();
    }
}
