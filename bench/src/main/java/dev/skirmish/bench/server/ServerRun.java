package dev.skirmish.bench.server;

import dev.skirmish.client.bot.BotFleet;
import dev.skirmish.client.bot.BotFleetConfig;
import dev.skirmish.client.bot.BotReport;
import dev.skirmish.client.bot.BotStatsLine;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.server.RunningServer;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.server.stats.ServerSummary;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Runs a real server and {@code bots} headless bots on the loopback interface: waits until every bot
 * joined, lets them play for {@code warmup} (JIT compilation, first respawns), measures for
 * {@code duration}, then stops bots and server. At most
 * {@link GameConstants#MAX_PLAYERS} bots (the width of the snapshot format's player ids).
 */
public final class ServerRun {
    private static final long JOIN_TIMEOUT_MILLIS = 20_000;
    private static final String SERVER_THREAD_NAME = "skirmish-server";
    private static final int TARGET_BOTS = 16;
    private static final int TARGET_TICK_HZ = 60;
    private static final double TARGET_DOWN_KILOBITS = 48;
    private static final long TARGET_TICK_P99_MICROS = 1_000;

    private ServerRun() {
    }

    /**
     * @throws IllegalArgumentException for more bots than the game allows
     * @throws IOException if the server or a bot cannot open its socket, or the bots do not join
     */
    public static ServerRunResult run(int bots, int tickRateHz, Duration warmup, Duration duration, long seed)
            throws IOException, InterruptedException {
        if (bots < 1 || bots > GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("--bots must be 1.." + GameConstants.MAX_PLAYERS + ", got " + bots
                    + (bots > GameConstants.MAX_PLAYERS ? ": the game allows at most " + GameConstants.MAX_PLAYERS
                    + " players" : ""));
        }
        ServerConfig config = ServerConfig.builder().tickRateHz(tickRateHz).maxPlayers(bots).build();
        RunningServer server = RunningServer.start(config, ShippedMaps.load("arena"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (server) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
            try (BotFleet fleet = BotFleet.start(BotFleetConfig.of(address, bots, "bench", seed))) {
                if (!fleet.awaitJoined(JOIN_TIMEOUT_MILLIS)) {
                    throw new IOException("the bots did not join: "
                            + fleet.firstFailure().map(Object::toString).orElse("timed out"));
                }
                fleet.awaitEnded(warmup.toMillis());
                if (!server.restartTickTimes()) {
                    throw new IOException("the server did not answer after the warm-up");
                }
                return measure(server, fleet, bots, tickRateHz, duration);
            }
        }
    }

    private static ServerRunResult measure(RunningServer server, BotFleet fleet, int bots, int tickRateHz,
                                           Duration duration) throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long serverThreadId = serverThreadId();
        ServerSummary before = requireSummary(server.summary());
        long cpuBefore = threads.getThreadCpuTime(serverThreadId);
        long gcBefore = gcMillis();
        long startNanos = System.nanoTime();
        fleet.awaitEnded(duration.toMillis());
        ServerSummary after = requireSummary(server.summary());
        long cpuAfter = threads.getThreadCpuTime(serverThreadId);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long gcAfter = gcMillis();
        BotReport report = fleet.stop();
        long ticks = after.ticksRun() - before.ticksRun();
        long snapshots = after.snapshotsSent() - before.snapshotsSent();
        long snapshotBytes = after.snapshotBytes() - before.snapshotBytes();
        double downKilobits = (after.bytesOut() - before.bytesOut()) * 8 / 1000.0 / seconds / bots;
        double upKilobits = (after.bytesIn() - before.bytesIn()) * 8 / 1000.0 / seconds / bots;
        double botDown = 0;
        double botUp = 0;
        for (BotStatsLine line : report.lines()) {
            botDown += line.kilobitsPerSecondDown() / bots;
            botUp += line.kilobitsPerSecondUp() / bots;
        }
        boolean targetCase = bots == TARGET_BOTS && tickRateHz == TARGET_TICK_HZ;
        return new ServerRunResult(bots, tickRateHz, seconds, ticks, after.ticksSkipped() - before.ticksSkipped(),
                after.tickP50Micros(), after.tickP99Micros(), after.tickMaxMicros(),
                cpuBefore < 0 || cpuAfter < 0 || ticks == 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e3 / ticks,
                snapshots, snapshots == 0 ? 0 : (double) snapshotBytes / snapshots, downKilobits, upKilobits,
                botDown, botUp, gcAfter - gcBefore, report.failures(),
                targetCase ? TARGET_DOWN_KILOBITS : null, targetCase ? TARGET_TICK_P99_MICROS : null);
    }

    private static ServerSummary requireSummary(ServerSummary summary) throws IOException {
        if (summary == null) {
            throw new IOException("the server did not answer");
        }
        return summary;
    }

    private static long serverThreadId() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(SERVER_THREAD_NAME)) {
                return thread.getId();
            }
        }
        return -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
