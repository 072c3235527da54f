package dev.skirmish.client.bot;

import dev.skirmish.client.ClientFailure;
import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientStats;
import dev.skirmish.client.GameClient;
import dev.skirmish.transport.udp.NanoClock;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless bots playing on a real server over UDP, in this process: the programmatic face of the
 * {@code bot} command, for the launcher's demo and the benchmarks.
 *
 * <pre>{@code
 * try (BotFleet fleet = BotFleet.start(BotFleetConfig.of(server, 8, "bot", 1))) {
 *     if (!fleet.awaitJoined(10_000)) {
 *         System.err.println(fleet.firstFailure());    // e.g. SERVER_FULL
 *     }
 *     fleet.awaitEnded(30_000);                        // play for 30 s (returns early if every bot ended)
 *     BotReport report = fleet.stop();                 // leave, collect statistics, release sockets
 * }
 * }</pre>
 *
 * <p>Each bot is a {@link GameClient} driven by a {@link BotBrain} (seed {@code seed + index}), on a
 * {@link UdpHost} of its own bound to an ephemeral port, serviced by a thread of its own; all hosts share
 * one clock. Connection ids come from {@link SecureRandom}: they must not collide with other processes'
 * bots, so they cannot follow the seed (the bots' decisions do). All methods are safe from any thread.
 */
public final class BotFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotFleet.class);

    /** Longest wait for final statistics from each bot's network thread. */
    static final long STATS_TIMEOUT_MILLIS = 2_000;
    /** Longest wait for the bots' graceful leave before their sockets are closed anyway. */
    static final long CLOSE_TIMEOUT_MILLIS = 3_000;

    /** One bot: its brain, client and host. Signal flags belong to the bot's network thread. */
    private static final class Bot {
        final String name;
        final BotBrain brain;
        final GameClient client;
        UdpHost host;
        boolean settledSignalled;
        boolean endedSignalled;

        Bot(String name, BotBrain brain, GameClient client) {
            this.name = name;
            this.brain = brain;
            this.client = client;
        }
    }

    /** A bot's failure, named. */
    public record BotFailure(String botName, ClientFailure failure) {
    }

    private final BotFleetConfig config;
    private CaptureFile capture;
    private final NanoClock clock = NanoClock.startingNow();
    private final List<Bot> bots = new ArrayList<>();
    private final CountDownLatch settled;
    private final CountDownLatch ended;
    private BotReport report;

    private BotFleet(BotFleetConfig config) {
        this.config = config;
        this.settled = new CountDownLatch(config.count());
        this.ended = new CountDownLatch(config.count());
        for (int i = 0; i < config.count(); i++) {
            BotBrain brain = new BotBrain(config.botSeed(i));
            bots.add(new Bot(config.botName(i), brain, new GameClient(config.clientConfig(i), brain, new SecureRandom())));
        }
    }

    /**
     * Binds a socket per bot, starts their threads and starts connecting.
     *
     * @throws IOException if a socket cannot be opened (every socket opened so far is closed)
     */
    public static BotFleet start(BotFleetConfig config) throws IOException {
        return start(config, null);
    }

    /**
     * As {@link #start(BotFleetConfig)}, and if {@code capture} is not null every bot records each
     * datagram it receives and sends into it (one file for the whole fleet; the caller closes it).
     */
    public static BotFleet start(BotFleetConfig config, CaptureFile capture) throws IOException {
        BotFleet fleet = new BotFleet(config);
        fleet.capture = capture;
        try {
            fleet.launch();
        } catch (IOException | RuntimeException e) {
            fleet.closeHosts();
            throw e;
        }
        return fleet;
    }

    private void launch() throws IOException {
        UdpHostOptions options = UdpHostOptions.defaults().toBuilder().clock(clock).build();
        InetSocketAddress local = wildcardFor(config.server());
        for (Bot bot : bots) {
            CapturingNode capturing = capture == null ? null : new CapturingNode(bot.client, capture);
            bot.host = UdpHost.bind(local, capturing == null ? bot.client : capturing, options);
            if (capturing != null) {
                capturing.localAddress(bot.host.localAddress(), config.server());
            }
            bot.host.start("skirmish-" + bot.name, () -> signal(bot));
            bot.host.execute(() -> bot.client.connect(clock.nowNanos(), config.server()));
        }
        LOG.info("{} bots connecting to {}", bots.size(), config.server());
    }

    /** Runs on the bot's network thread after each service call. */
    private void signal(Bot bot) {
        ClientPhase phase = bot.client.phase();
        if (!bot.settledSignalled && (phase == ClientPhase.PLAYING || phase.isFinal())) {
            bot.settledSignalled = true;
            settled.countDown();
        }
        if (!bot.endedSignalled && phase.isFinal()) {
            bot.endedSignalled = true;
            ended.countDown();
        }
    }

    /** The configuration. */
    public BotFleetConfig config() {
        return config;
    }

    /**
     * Waits until every bot plays or has failed, at most {@code timeoutMillis}; true if every bot plays.
     * A bot that cannot connect fails after the transport's connect timeout, one never welcomed after
     * the join timeout, so a timeout of their sum plus a margin always settles.
     */
    public boolean awaitJoined(long timeoutMillis) throws InterruptedException {
        settled.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return bots.stream().allMatch(bot -> bot.client.phase() == ClientPhase.PLAYING);
    }

    /** Waits at most {@code timeoutMillis} for every bot's session to end; true if they all ended. */
    public boolean awaitEnded(long timeoutMillis) throws InterruptedException {
        return ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The first bot (in bot order) whose session failed, if any. */
    public Optional<BotFailure> firstFailure() {
        for (Bot bot : bots) {
            ClientFailure failure = bot.client.failure();
            if (failure != null) {
                return Optional.of(new BotFailure(bot.name, failure));
            }
        }
        return Optional.empty();
    }

    /** Number of bots whose session failed so far. */
    public int failureCount() {
        int failed = 0;
        for (Bot bot : bots) {
            failed += bot.client.failure() == null ? 0 : 1;
        }
        return failed;
    }

    /** Number of bots. */
    public int size() {
        return bots.size();
    }

    /**
     * Ends the run: takes every bot's statistics, has each leave the server gracefully (waiting at most
     * {@link #CLOSE_TIMEOUT_MILLIS}), closes the sockets and returns the report. Later calls return the
     * same report.
     */
    public synchronized BotReport stop() throws InterruptedException {
        if (report != null) {
            return report;
        }
        List<CompletableFuture<ClientStats>> stats = new ArrayList<>();
        for (Bot bot : bots) {
            stats.add(onNetworkThread(bot, () -> bot.client.stats(clock.nowNanos())));
        }
        List<BotResult> results = new ArrayList<>();
        for (int i = 0; i < bots.size(); i++) {
            Bot bot = bots.get(i);
            results.add(new BotResult(bot.name, bot.client.localPlayerId(), await(stats.get(i), bot),
                    bot.client.failure()));
        }
        for (Bot bot : bots) {
            onNetworkThread(bot, () -> {
                bot.client.close(clock.nowNanos());
                return null;
            });
        }
        if (!ended.await(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            LOG.warn("not every bot finished leaving {} within {} ms", config.server(), CLOSE_TIMEOUT_MILLIS);
        }
        closeHosts();
        report = new BotReport(config.server(), config.seed(), results);
        return report;
    }

    /** Stops the fleet if it is running (see {@link #stop()}). */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeHosts();
        }
    }

    /** The bots' brains, in bot order (for tests and diagnostics; read them only after {@link #stop()}). */
    List<BotBrain> brains() {
        return bots.stream().map(bot -> bot.brain).toList();
    }

    /** A task to run where the bot's client lives; on a closed host the client is idle and it runs here. */
    private static <T> CompletableFuture<T> onNetworkThread(Bot bot, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            bot.host.execute(() -> result.complete(task.get()));
        } catch (RejectedExecutionException e) {
            result.complete(task.get());
        }
        return result;
    }

    private ClientStats await(CompletableFuture<ClientStats> stats, Bot bot) throws InterruptedException {
        try {
            return stats.get(STATS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("no statistics from bot {}: {}", bot.name, e.toString());
            return ClientStats.EMPTY;
        }
    }

    private void closeHosts() {
        for (Bot bot : bots) {
            if (bot.host != null) {
                bot.host.close();
            }
        }
    }

    /** The wildcard address of the server's family, so the socket can reach it. */
    private static InetSocketAddress wildcardFor(InetSocketAddress server) throws IOException {
        String wildcard = server.getAddress() instanceof Inet4Address ? "0.0.0.0" : "::";
        return new InetSocketAddress(InetAddress.getByName(wildcard), 0);
    }
}
