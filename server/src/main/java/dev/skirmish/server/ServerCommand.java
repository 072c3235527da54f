package dev.skirmish.server;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.transport.capture.CaptureTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish server}: runs the game server over UDP until interrupted (SIGINT/SIGTERM) or for
 * {@code --duration}, printing a status line every few seconds and a summary at the end. The
 * launcher registers it as a subcommand.
 *
 * <p>Exit codes: 0 after a clean run, 1 when the server cannot start (bad map, port in use), 2 for
 * invalid options (picocli's usage error). Every failure is one line on standard error, never a stack
 * trace.
 */
@Command(name = "server", mixinStandardHelpOptions = true, version = "skirmish server 0.1.0",
        sortOptions = false,
        description = "Runs the authoritative Skirmish game server over UDP.")
public final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7777", paramLabel = "PORT",
            description = "UDP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDR",
            description = "Local address to listen on (default: ${DEFAULT-VALUE}; :: for IPv6).")
    String bind;

    @Option(names = "--tick", defaultValue = "60", paramLabel = "HZ",
            description = "Simulation ticks per second, " + ServerConfig.MIN_TICK_RATE_HZ + ".."
                    + ServerConfig.MAX_TICK_RATE_HZ + " (default: ${DEFAULT-VALUE}).")
    int tickRateHz;

    @Option(names = "--snapshot-every", defaultValue = "1", paramLabel = "TICKS",
            description = "Send a snapshot every this many ticks (default: ${DEFAULT-VALUE}).")
    int snapshotIntervalTicks;

    @Option(names = "--max-players", defaultValue = "32", paramLabel = "N",
            description = "Most players at once, 1.." + GameConstants.MAX_PLAYERS + " (default: ${DEFAULT-VALUE}).")
    int maxPlayers;

    @Option(names = "--map", defaultValue = "arena", paramLabel = "NAME|FILE",
            description = "A shipped map (arena, warehouse) or a map file (default: ${DEFAULT-VALUE}).")
    String map;

    @Option(names = "--match-seconds", defaultValue = "300", paramLabel = "N",
            description = "Length of a match; then scores reset (default: ${DEFAULT-VALUE}).")
    int matchSeconds;

    @Option(names = "--max-rewind-ms", defaultValue = "200", paramLabel = "MS",
            description = "Lag compensation limit, 0..1000; 0 turns it off (default: ${DEFAULT-VALUE}).")
    int maxRewindMillis;

    @Option(names = "--status-seconds", defaultValue = "5", paramLabel = "N",
            description = "Print a status line this often (default: ${DEFAULT-VALUE}).")
    int statusSeconds;

    @Option(names = "--record", paramLabel = "FILE.pcapng",
            description = "Record every datagram received and sent to this pcapng file (Wireshark opens it; "
                    + "`skirmish replay` replays it).")
    Path record;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 5m (default: run until interrupted).")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        InetSocketAddress address = bindAddress();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GameMap gameMap = MapSource.loadOrExplain(map, err);
        if (gameMap == null) {
            return 1;
        }
        String unwritable = CaptureTarget.problem(record);
        if (unwritable != null) {
            err.println("error: cannot record to " + record + ": " + unwritable);
            return 1;
        }
        RunningServer server;
        try {
            server = RunningServer.start(config, gameMap, address, stats -> {
                out.println(stats.statusLine());
                out.flush();
            }, record);
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                err.println("error: port " + port + " is already in use" + (address.getAddress().isAnyLocalAddress()
                        ? "" : " on " + address.getAddress().getHostAddress()));
            } else {
                err.println("error: cannot listen on " + format(address) + ": " + e.getMessage());
            }
            return 1;
        } catch (IOException e) {
            err.println("error: cannot listen on " + format(address) + ": " + e.getMessage());
            return 1;
        }
        AtomicBoolean finished = new AtomicBoolean();
        Thread hook = new Thread(() -> finish(server, finished, out), "skirmish-server-shutdown");
        // Before announcing the address: whoever reads it may signal us at once.
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("skirmish server listening on %s: map %s, %d Hz, up to %d players%n",
                format(server.address()), gameMap.name(), config.tickRateHz(), config.maxPlayers());
        out.flush();
        if (duration == null) {
            server.awaitStop(Duration.ofNanos(Long.MAX_VALUE));
        } else {
            server.awaitStop(duration);
        }
        finish(server, finished, out);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has run or is running, and finished once.
        }
        return 0;
    }

    /**
     * Stops the server and prints the summary, once, whether called by the main thread or the shutdown
     * hook. Printing holds the lock, so the hook does not return (and let the JVM halt) while the main
     * thread is still writing the summary.
     */
    private static void finish(RunningServer server, AtomicBoolean finished, PrintWriter out) {
        ServerSummary summary = server.stop();
        synchronized (finished) {
            if (!finished.get()) {
                out.print(summary.format());
                if (server.capture() != null) {
                    out.println(CaptureTarget.describe(server.capture()));
                }
                out.flush();
                finished.set(true);
            }
        }
    }

    private ServerConfig config() {
        requireRange("--port", port, 0, 65_535);
        requireRange("--tick", tickRateHz, ServerConfig.MIN_TICK_RATE_HZ, ServerConfig.MAX_TICK_RATE_HZ);
        requireRange("--snapshot-every", snapshotIntervalTicks, 1, tickRateHz);
        requireRange("--max-players", maxPlayers, 1, GameConstants.MAX_PLAYERS);
        requireRange("--match-seconds", matchSeconds, 5, 86_400);
        requireRange("--max-rewind-ms", maxRewindMillis, 0, 1_000);
        requireRange("--status-seconds", statusSeconds, 1, 3_600);
        return ServerConfig.builder()
                .tickRateHz(tickRateHz)
                .snapshotIntervalTicks(snapshotIntervalTicks)
                .maxPlayers(maxPlayers)
                .matchSeconds(matchSeconds)
                .maxRewindMillis(maxRewindMillis)
                .statusIntervalSeconds(statusSeconds)
                .build();
    }

    private void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + ".." + max + ", got " + value);
        }
    }

    private InetSocketAddress bindAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
    }

    private static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Runs the command standalone: {@code java -cp ... dev.skirmish.server.ServerCommand --help}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerCommand()).execute(args));
    }
}
