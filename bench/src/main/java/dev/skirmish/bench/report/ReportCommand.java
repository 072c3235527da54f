package dev.skirmish.bench.report;

import dev.skirmish.bench.server.ServerRun;
import dev.skirmish.bench.server.ServerRunResult;
import dev.skirmish.bench.transport.TransportRun;
import dev.skirmish.bench.transport.TransportRunResult;
import dev.skirmish.bench.transport.TransportRunSettings;
import dev.skirmish.client.bot.DurationConverter;
import dev.skirmish.game.GameConstants;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish bench report --out DIR}: runs the {@link StandardMatrix} and writes
 * {@code results.json}, {@code results.md} (tables and the target check) and PNG charts into DIR,
 * printing each run's JSON line as it finishes. Exit codes: 0 after the report, 1 if a run or a file
 * failed, 2 for invalid options.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the standard matrix and writes results.json, results.md and PNG charts.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report (created).")
    Path out;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each transport run (default: ${DEFAULT-VALUE} s).")
    Duration duration;

    @Option(names = "--server-duration", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each server run (default: ${DEFAULT-VALUE}).")
    Duration serverDuration;

    @Option(names = "--server-warmup", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Play before each server run measures (default: ${DEFAULT-VALUE}).")
    Duration serverWarmup;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Warm-up of each transport run, not measured (default: ${DEFAULT-VALUE} s).")
    Duration warmup;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(out);
            List<TransportRunResult> transportRuns = new ArrayList<>();
            for (TransportRunSettings settings : StandardMatrix.transportRuns(duration, warmup, seed)) {
                TransportRunResult result = TransportRun.run(settings);
                transportRuns.add(result);
                stdout.println(result.toJson());
                stdout.flush();
            }
            List<ServerRunResult> serverRuns = new ArrayList<>();
            List<String> notPossible = new ArrayList<>();
            for (int bots : StandardMatrix.BOT_COUNTS) {
                if (bots > GameConstants.MAX_PLAYERS) {
                    notPossible.add("server with " + bots + " bots: the game allows at most "
                            + GameConstants.MAX_PLAYERS + " players");
                    continue;
                }
                ServerRunResult result = ServerRun.run(bots, StandardMatrix.TICK_RATE_HZ, serverWarmup, serverDuration, seed);
                serverRuns.add(result);
                stdout.println(result.toJson());
                stdout.flush();
            }
            BenchReport report = new BenchReport(transportRuns, serverRuns, notPossible);
            Files.writeString(out.resolve("results.json"), report.toJson(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("results.md"), report.toMarkdown(), StandardCharsets.UTF_8);
            List<Path> charts = ReportCharts.write(report, out);
            stdout.println("report written to " + out.toAbsolutePath() + ": results.json, results.md and "
                    + charts.size() + " charts");
            stdout.flush();
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
