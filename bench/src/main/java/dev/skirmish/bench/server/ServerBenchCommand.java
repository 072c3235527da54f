package dev.skirmish.bench.server;

import dev.skirmish.client.bot.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish bench server}: a real server and headless bots on loopback; prints tick time,
 * snapshot size, per-client bandwidth, CPU per tick, GC pauses and disconnects, as text or one JSON
 * line. Exit codes: 0 after a run, 1 if it could not run, 2 for invalid options.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A real server and N headless bots on loopback; tick time and bandwidth.")
public final class ServerBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bots", defaultValue = "16", paramLabel = "N",
            description = "Headless bots, 1..64 (default: ${DEFAULT-VALUE}).")
    int bots;

    @Option(names = "--tick", defaultValue = "60", paramLabel = "HZ",
            description = "Server tick rate (default: ${DEFAULT-VALUE}).")
    int tickRateHz;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to measure after every bot joined (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Play before measuring, for JIT compilation and the first respawns (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the bots' decisions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON line instead of text.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerRunResult result;
        try {
            result = ServerRun.run(bots, tickRateHz, warmup, duration, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        out.print(json ? result.toJson() + System.lineSeparator() : result.format());
        out.flush();
        return 0;
    }
}
