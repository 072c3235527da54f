package dev.skirmish.launcher;

import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.bot.BotFleet;
import dev.skirmish.client.bot.BotFleetConfig;
import dev.skirmish.client.bot.BotReport;
import dev.skirmish.client.bot.BotReportTable;
import dev.skirmish.client.bot.DurationConverter;
import dev.skirmish.client.window.WindowClient;
import dev.skirmish.client.window.WindowOptions;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.server.MapSource;
import dev.skirmish.server.RunningServer;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.server.stats.ServerSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./skirmish demo}: a server and headless bots on this machine, playing for a while, then a
 * match summary. When a display exists (and {@code --no-window} is not given) the window client opens
 * too, with you as a player beside the bots; closing it ends the demo early. Others on the LAN can join
 * the same server with {@code ./skirmish bot} or {@code ./skirmish client}. Ctrl-C ends the demo early
 * and still prints the summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a server with bots on this machine and prints a match summary.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bots", defaultValue = "3", paramLabel = "N", description = "headless bots (1..31; default ${DEFAULT-VALUE})")
    private int bots;

    @Option(names = "--duration", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long to play, e.g. 30s or 2m (default ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--port", defaultValue = "7777", paramLabel = "PORT",
            description = "UDP port of the server (0 = any free port; default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--map", defaultValue = "arena", paramLabel = "NAME|FILE", description = "map (default ${DEFAULT-VALUE})")
    private String map;

    @Option(names = "--tick", defaultValue = "60", paramLabel = "HZ", description = "server tick rate, 10..128 (default ${DEFAULT-VALUE})")
    private int tickRateHz;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed of the bots' decisions (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--no-window", description = "Stay headless even when a display exists.")
    private boolean noWindow;

    @Option(names = "--name", defaultValue = "you", paramLabel = "NAME",
            description = "your player name in the window (default ${DEFAULT-VALUE})")
    private String playerName;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GameMap gameMap = MapSource.loadOrExplain(map, err);
        if (gameMap == null) {
            return 1;
        }
        ServerConfig config = ServerConfig.builder().tickRateHz(tickRateHz).build();
        RunningServer server;
        try {
            server = RunningServer.start(config, gameMap, new InetSocketAddress(port), stats -> {
                out.println(stats.statusLine());
                out.flush();
            });
        } catch (BindException e) {
            err.println("error: port " + port + " is already in use (try --port 0 for any free port)");
            return 1;
        } catch (IOException e) {
            err.println("error: cannot start the server on port " + port + ": " + e.getMessage());
            return 1;
        }
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", server.address().getPort());
        out.printf("skirmish demo: server on port %d (map %s, %d Hz) with %d bots for %s%n",
                local.getPort(), gameMap.name(), tickRateHz, bots, DemoCommand.describe(duration));
        boolean window = !noWindow && WindowClient.displayAvailable();
        out.println(windowLine(window, noWindow));
        out.flush();
        BotFleet fleet;
        try {
            fleet = BotFleet.start(BotFleetConfig.of(local, bots, "bot", seed));
        } catch (IOException e) {
            server.stop();
            err.println("error: cannot start the bots: " + e.getMessage());
            return 1;
        }
        AtomicBoolean finished = new AtomicBoolean();
        int[] exitCode = {0};
        Thread hook = new Thread(() -> exitCode[0] = finish(server, fleet, finished, out, err), "skirmish-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!fleet.awaitJoined(10_000)) {
            err.println("error: the bots could not join: " + fleet.firstFailure().map(Object::toString).orElse("timed out"));
        } else if (window) {
            int windowCode = WindowClient.play(GameClientConfig.builder(playerName).build(), local,
                    WindowOptions.playing("127.0.0.1:" + local.getPort(), duration.toMillis()), out, err);
            if (windowCode != 0) {
                err.println("the window closed with exit code " + windowCode + "; the bots play on headless");
                fleet.awaitEnded(duration.toMillis());
            }
        } else {
            fleet.awaitEnded(duration.toMillis());
        }
        int code = finish(server, fleet, finished, out, err);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return exitCode[0];
        }
        return code;
    }

    private void validate() {
        if (bots < 1 || bots > 31) {
            throw new ParameterException(spec.commandLine(), "--bots must be 1..31, got " + bots);
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        if (tickRateHz < ServerConfig.MIN_TICK_RATE_HZ || tickRateHz > ServerConfig.MAX_TICK_RATE_HZ) {
            throw new ParameterException(spec.commandLine(), "--tick must be " + ServerConfig.MIN_TICK_RATE_HZ
                    + ".." + ServerConfig.MAX_TICK_RATE_HZ + ", got " + tickRateHz);
        }
    }

    /** Stops bots then server, once, and prints the summary; returns the exit code. */
    private static int finish(RunningServer server, BotFleet fleet, AtomicBoolean finished, PrintWriter out,
                              PrintWriter err) {
        if (!finished.compareAndSet(false, true)) {
            return 0;
        }
        // Scores are taken while the bots are still in the game; leaving removes them from the standings.
        ServerSummary live = server.summary();
        BotReport report;
        try {
            report = fleet.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report = null;
        }
        ServerSummary last = server.stop();
        ServerSummary summary = live != null ? live : last;
        out.println();
        out.println("Match summary");
        out.println(summary.format());
        if (report != null) {
            out.println("Bots (as the clients saw it)");
            out.print(BotReportTable.render(report));
        }
        out.flush();
        return report != null && report.failures() > 0 ? 1 : 0;
    }

    /** One line saying whether the window opens. */
    private static String windowLine(boolean window, boolean refused) {
        if (window) {
            return "display found: opening the window client (WASD move, mouse aim, left button fires, Tab scores,"
                    + " F3 net graph, Esc menu); closing it ends the demo";
        }
        return refused ? "--no-window: running headless" : "no display: running headless";
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
