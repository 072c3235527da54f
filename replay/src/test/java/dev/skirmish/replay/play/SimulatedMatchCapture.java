package dev.skirmish.replay.play;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.InputSource;
import dev.skirmish.client.bot.BotBrain;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.pcapng.PcapngReader;
import dev.skirmish.server.GameServer;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A real {@link GameServer} and a few bots (real {@link GameClient}s with the bot brain) playing in
 * virtual time on a simulated network, recorded into a pcapng file as {@code --record} does: at the
 * server, or at the first bot (as {@code skirmish client --record}). Keeps, per player id, every snapshot
 * that player's client decoded.
 */
public final class SimulatedMatchCapture {
    public static final long MS = 1_000_000L;
    public static final long SECOND = 1_000 * MS;
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.7.0.1", 7777);
    private static final int EARLY_LEAVER_SNAPSHOT_INTERVAL_TICKS = 4;

    public final Path file;
    public final SessionTrace trace;
    /** Player id -> tick -> the snapshot that player's client decoded. */
    public final Map<Integer, TreeMap<Integer, Snapshot>> decodedByPlayer;

    private SimulatedMatchCapture(Path file, SessionTrace trace, Map<Integer, TreeMap<Integer, Snapshot>> decoded) {
        this.file = file;
        this.trace = trace;
        this.decodedByPlayer = decoded;
    }

    /** Records, at the server, {@code bots} bots playing {@code playNanos} of virtual time over links with {@code link}. */
    public static SimulatedMatchCapture record(Path file, long seed, int bots, long playNanos, LinkConditions link)
            throws Exception {
        return record(file, seed, bots, playNanos, link, false, false);
    }

    /**
     * As {@link #record}, but first a client joins and closes the moment it is welcomed, over perfect
     * links: the capture's first connection shows a Welcome and nothing to play, the bots' connections
     * follow it. The server sends a snapshot only every {@value #EARLY_LEAVER_SNAPSHOT_INTERVAL_TICKS}
     * ticks here, so that the leaver is gone before the first one after its Welcome.
     */
    public static SimulatedMatchCapture recordAfterAnEarlyLeaver(Path file, long seed, int bots, long playNanos)
            throws Exception {
        return record(file, seed, bots, playNanos, LinkConditions.PERFECT, false, true);
    }

    /** As {@link #record}, but recorded at the first bot's end. */
    public static SimulatedMatchCapture recordAtClient(Path file, long seed, int bots, long playNanos, LinkConditions link)
            throws Exception {
        return record(file, seed, bots, playNanos, link, true, false);
    }

    private static SimulatedMatchCapture record(Path file, long seed, int bots, long playNanos, LinkConditions link,
                                                boolean atClient, boolean earlyLeaver) throws Exception {
        SimulatedNetwork network = new SimulatedNetwork(seed);
        SplittableRandom random = new SplittableRandom(seed);
        ServerConfig config = earlyLeaver
                ? ServerConfig.builder().snapshotIntervalTicks(EARLY_LEAVER_SNAPSHOT_INTERVAL_TICKS).build()
                : ServerConfig.defaults();
        GameServer server = new GameServer(config, ShippedMaps.load("arena"), random.split(), () -> 0L);
        List<GameClient> clients = new ArrayList<>();
        List<TreeMap<Integer, Snapshot>> decoded = new ArrayList<>();
        try (CaptureFile capture = CaptureFile.create(file, 1 << 14, 1_700_000_000_000_000L)) {
            if (atClient) {
                network.attach(SERVER, server);
            } else {
                CapturingNode capturing = new CapturingNode(server, capture);
                capturing.localAddress(SERVER);
                network.attach(SERVER, capturing);
            }
            network.setDefaultLink(link);
            if (earlyLeaver) {
                leaveOnWelcome(network, random);
            }
            for (int i = 0; i < bots; i++) {
                GameClient client = new GameClient(GameClientConfig.builder("bot-" + i).build(), new BotBrain(seed + i),
                        random.split());
                TreeMap<Integer, Snapshot> seen = new TreeMap<>();
                client.setSnapshotListener(s -> seen.put(s.tick(), new Snapshot().copyFrom(s)));
                InetSocketAddress address = new InetSocketAddress("10.7.1." + (i + 1), 40_000 + i);
                if (atClient && i == 0) {
                    CapturingNode capturing = new CapturingNode(client, capture);
                    capturing.localAddress(address);
                    network.attach(address, capturing);
                } else {
                    network.attach(address, client);
                }
                client.connect(network.nowNanos(), SERVER);
                clients.add(client);
                decoded.add(seen);
                network.runFor(50 * MS);
            }
            if (!network.runUntil(() -> clients.stream().allMatch(c -> c.phase() == ClientPhase.PLAYING), 5 * SECOND)) {
                throw new AssertionError("seed " + seed + ": the bots did not all join");
            }
            network.runFor(playNanos);
            if (capture.droppedDatagrams() > 0) {
                throw new AssertionError("the capture dropped " + capture.droppedDatagrams() + " datagrams");
            }
        }
        Map<Integer, TreeMap<Integer, Snapshot>> byPlayer = new HashMap<>();
        for (int i = 0; i < bots; i++) {
            byPlayer.put(clients.get(i).localPlayerId(), decoded.get(i));
        }
        return new SimulatedMatchCapture(file, SessionTrace.of(PcapngReader.read(file)), byPlayer);
    }

    private static void leaveOnWelcome(SimulatedNetwork network, SplittableRandom random) {
        GameClient leaver = new GameClient(GameClientConfig.builder("leaver").build(), InputSource.IDLE, random.split());
        network.attach(new InetSocketAddress("10.7.2.1", 39_000), leaver);
        leaver.connect(network.nowNanos(), SERVER);
        if (!network.runUntil(() -> leaver.phase() == ClientPhase.PLAYING, 5 * SECOND)) {
            throw new AssertionError("the leaver was not welcomed: " + leaver.phase());
        }
        leaver.close(network.nowNanos());
        if (!network.runUntil(() -> leaver.phase().isFinal(), 5 * SECOND)) {
            throw new AssertionError("the leaver did not leave: " + leaver.phase());
        }
    }
}
