package dev.skirmish.server;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A {@link GameServer} and any number of {@link ScriptedClient}s on a {@link SimulatedNetwork}, in
 * virtual time, from one seed. The server's work clock is a fake that never moves.
 */
final class SimulatedGame {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("10.0.0.1", 7777);

    final long seed;
    final SimulatedNetwork network;
    final GameServer server;
    final List<ScriptedClient> clients = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private final SplittableRandom random;
    private LinkConditions clientLinks = LinkConditions.PERFECT;

    SimulatedGame(long seed, ServerConfig config, GameMap map) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.network = new SimulatedNetwork(seed);
        this.server = new GameServer(config, map, random.split(), () -> 0);
        network.attach(SERVER_ADDRESS, server);
    }

    /** Conditions for the links of clients added from now on, each direction. */
    SimulatedGame links(LinkConditions conditions) {
        this.clientLinks = conditions;
        return this;
    }

    /** Attaches a client that connects at once, from a host of its own. */
    ScriptedClient addClient(String name, ScriptedClient.Script script) {
        return addClient(name, script, new InetSocketAddress("10.0.1." + (clients.size() + 1), 50_000 + clients.size()));
    }

    /** Attaches a client at {@code address} that connects at once. */
    ScriptedClient addClient(String name, ScriptedClient.Script script, InetSocketAddress address) {
        ScriptedClient client = new ScriptedClient(name, SERVER_ADDRESS, random.split(), script);
        network.attach(address, client);
        network.setLinkBothWays(address, SERVER_ADDRESS, clientLinks);
        clients.add(client);
        addresses.add(address);
        return client;
    }

    InetSocketAddress addressOf(ScriptedClient client) {
        return addresses.get(clients.indexOf(client));
    }

    /** Pulls the client's cable: it vanishes from the network without a word. */
    void unplug(ScriptedClient client) {
        network.detach(addresses.get(clients.indexOf(client)));
    }

    /** Runs until {@code done} holds (checked after every step) or {@code timeoutNanos} of virtual time pass. */
    boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        return network.runUntil(done, timeoutNanos);
    }

    void runFor(long nanos) {
        network.runFor(nanos);
    }

    /** Adds idle clients with these names and runs until every client has joined; fails the test if they cannot. */
    List<ScriptedClient> joinIdle(String... names) {
        List<ScriptedClient> added = new ArrayList<>();
        for (String name : names) {
            added.add(addClient(name, ScriptedClient.IDLE));
        }
        if (!runUntilAllJoined(2 * SECOND)) {
            throw new AssertionError("clients did not join: " + describe());
        }
        return added;
    }

    /** Runs until every client has its welcome and has seen a snapshot with every client in it. */
    boolean runUntilAllJoined(long timeoutNanos) {
        return runUntil(() -> clients.stream().allMatch(c -> c.newest() != null
                && c.newest().playerCount() == clients.size()), timeoutNanos);
    }

    String describe() {
        return "seed " + seed + " at " + network.nowNanos() / MS + " ms, tick " + server.tick() + "; "
                + server.stats().statusLine() + "; network " + network.totalStats();
    }
}
