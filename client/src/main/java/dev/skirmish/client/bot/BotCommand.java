package dev.skirmish.client.bot;

import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CaptureTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code skirmish bot}: runs headless bots against a server over UDP for a while, then prints each
 * bot's and the total network and game statistics, as a table or (with {@code --json}) as one JSON
 * object ({@link BotReportJson} documents the fields). The launcher registers it as a subcommand; the
 * work is {@link BotFleet}'s.
 *
 * <p>Output goes to the command line's out and err writers, so tests can capture it. A bot that cannot
 * join (no answer, server full, version mismatch, refused) ends the run with one line on err naming the
 * server and the reason, and exit code 1; bad arguments are usage errors with exit code 2.
 */
@Command(name = "bot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs headless bots against a Skirmish server over UDP, then prints per-bot and total"
                + " statistics: RTT, loss, snapshots per second, kbps down and up, prediction corrections,"
                + " kills and deaths.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every bot joined and played to the end",
            "1:a bot could not join (unreachable, full, version mismatch, refused) or lost the server",
            "2:invalid arguments"})
public final class BotCommand implements Callable<Integer> {

    /** Exit code when a bot could not join or lost the server. */
    public static final int EXIT_FAILED = 1;

    /** Extra wait for joining beyond the connect and join timeouts, for slow machines. */
    private static final long JOIN_MARGIN_MILLIS = 2_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", converter = ServerAddressConverter.class,
            description = "The server's UDP address, e.g. 127.0.0.1:7777 or [::1]:7777.")
    InetSocketAddress server;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Number of bots, 1.." + BotFleetConfig.MAX_BOTS + " (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long the bots play once joined, e.g. 500ms, 30s, 2m or 1h (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--name", paramLabel = "PREFIX", defaultValue = "bot",
            description = "Bots are named PREFIX-1, PREFIX-2, ... (default: ${DEFAULT-VALUE}).")
    String namePrefix;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the bots' decisions; bot i uses seed + i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the statistics as one JSON object instead of a table.")
    boolean json;

    @Option(names = "--record", paramLabel = "FILE.pcapng",
            description = "Record every datagram the bots receive and send to this pcapng file.")
    Path record;

    @Override
    public Integer call() {
        BotFleetConfig config = validatedConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String serverName = server.getHostString() + ":" + server.getPort();
        String unwritable = CaptureTarget.problem(record);
        if (unwritable != null) {
            err.println("skirmish bot: cannot record to " + record + ": " + unwritable);
            err.flush();
            return EXIT_FAILED;
        }
        CaptureFile capture = null;
        try (BotFleet fleet = BotFleet.start(config, capture = record == null ? null : CaptureFile.create(record))) {
            Thread leaveOnExit = new Thread(fleet::close, "skirmish-bot-leave");
            Runtime.getRuntime().addShutdownHook(leaveOnExit);
            try {
                return run(fleet, config, serverName, out, err);
            } finally {
                removeHook(leaveOnExit);
            }
        } catch (IOException e) {
            err.println("skirmish bot: cannot open a UDP socket to reach " + serverName + ": " + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        } finally {
            closeCapture(capture, err);
        }
    }

    /** Closes the capture after the bots have left, and says on stderr (stdout may carry JSON) where it went. */
    private static void closeCapture(CaptureFile capture, PrintWriter err) {
        if (capture == null) {
            return;
        }
        try {
            capture.close();
            err.println(CaptureTarget.describe(capture));
        } catch (IOException e) {
            err.println("skirmish bot: writing the capture " + capture.path() + " failed: " + e.getMessage());
        }
        err.flush();
    }

    private int run(BotFleet fleet, BotFleetConfig config, String serverName, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        long joinWaitMillis = config.transport().connectTimeoutMillis() + config.clientConfig(0).joinTimeoutMillis()
                + JOIN_MARGIN_MILLIS;
        if (!fleet.awaitJoined(joinWaitMillis)) {
            err.println(joinFailure(fleet, serverName));
            err.flush();
            return EXIT_FAILED;
        }
        fleet.awaitEnded(duration.toMillis());
        BotReport report = fleet.stop();
        out.print(json ? BotReportJson.render(report, duration) + System.lineSeparator() : BotReportTable.render(report));
        out.flush();
        if (report.failures() > 0) {
            err.println("skirmish bot: " + report.failures() + " of " + count + " bots lost the server " + serverName);
            err.flush();
            return EXIT_FAILED;
        }
        return CommandLine.ExitCode.OK;
    }

    /** Ctrl-C still lets the bots leave the server cleanly; a normal end removes the hook again. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and runs the hook itself.
        }
    }

    private BotFleetConfig validatedConfig() {
        if (count < 1 || count > BotFleetConfig.MAX_BOTS) {
            throw usage("--count must be 1.." + BotFleetConfig.MAX_BOTS + ", got " + count);
        }
        try {
            BotFleetConfig.requirePrefix(namePrefix);
        } catch (IllegalArgumentException e) {
            throw usage("--name: " + e.getMessage());
        }
        return BotFleetConfig.of(server, count, namePrefix, seed);
    }

    private static String joinFailure(BotFleet fleet, String serverName) {
        return fleet.firstFailure()
                .map(first -> "skirmish bot: cannot join " + serverName + ": " + first.failure().describe()
                        + (fleet.size() > 1 ? " [" + fleet.failureCount() + " of " + fleet.size() + " bots]" : ""))
                .orElse("skirmish bot: cannot join " + serverName + ": the bots did not get in within the join timeout");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
