package dev.skirmish.bench;

import dev.skirmish.bench.report.ReportCommand;
import dev.skirmish.bench.server.ServerBenchCommand;
import dev.skirmish.bench.transport.TransportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish bench}: the end-to-end benchmarks, one subcommand each. The launcher registers it;
 * the JMH micro-benchmarks are run separately from {@code bench/target/benchmarks.jar}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "skirmish bench 0.1.0",
        description = "End-to-end benchmarks, each printed beside its baseline.",
        subcommands = {TransportCommand.class, ServerBenchCommand.class, ReportCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: transport, server or report");
    }

    /** Runs the command standalone: {@code java -cp ... dev.skirmish.bench.BenchCommand transport ...}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
