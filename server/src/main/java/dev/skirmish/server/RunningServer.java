package dev.skirmish.server;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.server.stats.ServerStats;
import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.transport.udp.NanoClock;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A {@link GameServer} running over a real UDP socket on a thread of its own, for the command line
 * and for demos that start a server in-process:
 * <pre>{@code
 * RunningServer server = RunningServer.start(ServerConfig.defaults(), ShippedMaps.load("arena"),
 *         new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
 * InetSocketAddress address = server.address();       // the port actually bound
 * ...
 * ServerSummary summary = server.stop();              // graceful: clients are told, then the socket closes
 * }</pre>
 * The server's thread is a {@link UdpHost} service loop: it sleeps until a datagram arrives or the
 * server's next deadline (a tick, or a transport timer between ticks), so acknowledgements and
 * retransmissions are handled within a millisecond, not once per tick. The game's clock is the host's
 * monotonic clock, read once per wake-up; tick work is measured in the server thread's CPU time
 * ({@link #tickWorkClock()}). Methods are safe from any thread.
 */
public final class RunningServer implements AutoCloseable {

    private static final long STOP_WAIT_MILLIS = GameServer.SHUTDOWN_FLUSH_MILLIS + 1_000;

    private final GameServer server;
    private final UdpHost host;
    private final CaptureFile capture;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServerSummary summary;

    private RunningServer(GameServer server, UdpHost host, CaptureFile capture) {
        this.server = server;
        this.host = host;
        this.capture = capture;
    }

    /** Starts a server whose status reports are logged. */
    public static RunningServer start(ServerConfig config, GameMap map, InetSocketAddress bindAddress)
            throws IOException {
        return start(config, map, bindAddress, null);
    }

    /**
     * Binds {@code bindAddress} (port 0 picks a free port) and starts serving on a new daemon thread.
     * {@code statusListener}, if not null, receives the statistics every status interval on the
     * server's thread instead of the log.
     *
     * @throws java.net.BindException if the address is in use
     * @throws IOException if the socket cannot be opened
     */
    public static RunningServer start(ServerConfig config, GameMap map, InetSocketAddress bindAddress,
                                      Consumer<ServerStats> statusListener) throws IOException {
        return start(config, map, bindAddress, statusListener, null);
    }

    /**
     * As {@link #start(ServerConfig, GameMap, InetSocketAddress, Consumer)}, and if {@code recordTo} is
     * not null, records every datagram received and sent to that pcapng file (on a writer thread of its
     * own, so recording never stalls the tick loop; see {@link CaptureFile}).
     */
    public static RunningServer start(ServerConfig config, GameMap map, InetSocketAddress bindAddress,
                                      Consumer<ServerStats> statusListener, Path recordTo) throws IOException {
        NanoClock clock = NanoClock.startingNow();
        GameServer server = new GameServer(config, map, new SecureRandom(), tickWorkClock());
        if (statusListener != null) {
            server.setStatusListener(statusListener);
        }
        CaptureFile capture = recordTo == null ? null : CaptureFile.create(recordTo);
        CapturingNode capturing = capture == null ? null : new CapturingNode(server, capture);
        UdpHost host;
        try {
            host = UdpHost.bind(Objects.requireNonNull(bindAddress, "bindAddress"),
                    capturing == null ? server : capturing, UdpHostOptions.builder().clock(clock).build());
        } catch (IOException e) {
            if (capture != null) {
                capture.close();
            }
            throw e;
        }
        if (capturing != null) {
            capturing.localAddress(host.localAddress());
        }
        RunningServer running = new RunningServer(server, host, capture);
        host.start("skirmish-server");
        return running;
    }

    /** The capture being written, or null when not recording. */
    public CaptureFile capture() {
        return capture;
    }

    /**
     * The clock tick work is measured with: the CPU time of the thread that reads it (the server's),
     * so time the thread spends preempted by other processes is not blamed on the tick; the monotonic
     * clock where the JVM cannot tell a thread's CPU time.
     */
    static NanoClock tickWorkClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return threads::getCurrentThreadCpuTime;
        }
        return NanoClock.startingNow();
    }

    /** The bound address, with the real port. */
    public InetSocketAddress address() {
        return host.localAddress();
    }

    /** Whether {@link #stop()} has not finished yet. */
    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** The statistics of the last status interval (null before the first). */
    public ServerStats latestStats() {
        return server.latestStats();
    }

    /** Statistics taken now on the server's thread; null if it is stopped or does not answer within a second. */
    public ServerStats stats() {
        return onServerThread(server::stats);
    }

    /**
     * A summary of the run so far, taken on the server's thread without stopping it (for example while
     * the players are still present); null if it is stopped or does not answer within a second.
     */
    public ServerSummary summary() {
        return onServerThread(server::summary);
    }

    /**
     * Restarts the tick-work percentiles of {@link #summary()} (see {@link GameServer#restartTickTimes()});
     * false if the server is stopped or does not answer within a second.
     */
    public boolean restartTickTimes() {
        return onServerThread(() -> {
            server.restartTickTimes();
            return Boolean.TRUE;
        }) != null;
    }

    private <T> T onServerThread(Supplier<T> query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            host.execute(() -> answer.complete(query.get()));
            return answer.get(1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Shuts down gracefully (every client is told; at most {@link GameServer#SHUTDOWN_FLUSH_MILLIS} ms
     * are given to flush), closes the socket and returns the final summary. Idempotent: later calls
     * return the same summary.
     */
    public synchronized ServerSummary stop() {
        if (summary != null) {
            return summary;
        }
        CountDownLatch shutDown = new CountDownLatch(1);
        try {
            host.execute(() -> {
                server.setShutdownListener(shutDown::countDown);
                server.requestShutdown();
            });
            shutDown.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The host is already closed: nothing left to flush.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        host.close();
        closeCapture();
        summary = server.summary();
        stopped.countDown();
        return summary;
    }

    private void closeCapture() {
        if (capture == null) {
            return;
        }
        try {
            capture.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(RunningServer.class).warn("closing capture {}: {}", capture.path(), e.getMessage());
        }
    }

    /** Waits until {@link #stop()} finished or {@code timeout} passed; returns whether it finished. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
