package dev.skirmish.replay.cli;

import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.run.ReplayReport;
import dev.skirmish.replay.run.ReplayReportFormat;
import dev.skirmish.replay.run.ReplayRun;
import dev.skirmish.transport.sim.LinkConditions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish replay run FILE [impairments] [--seed N] [--json] [--sweep KEY=...] [--plot FILE.png]}:
 * replays a capture through the real transport over a simulated network (see {@link ReplayRun}).
 * Impairments ({@link ImpairmentOptions}) apply to every link, both ways. The report is deterministic;
 * how much faster than real time the run was goes to standard error, so {@code --json} output is
 * byte-identical for the same capture, options and seed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays what each side sent in a capture through the real transport over a simulated"
                + " network with the impairments asked for, and reports delivery per channel.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcapng capture.")
    Path file;

    @Mixin
    ImpairmentOptions impairments;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--sweep", paramLabel = "KEY=A,B,...",
            description = "Run once per value of one impairment and print a table; KEY is loss, latency, jitter,"
                    + " reorder, duplicate or bandwidth, e.g. loss=0,1,5,10,20 or latency=0,50ms,200ms.")
    String sweep;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "With --sweep: draw p99 latency against the swept value.")
    Path plot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LinkConditions conditions = impairments.build(impairments.conditions());
        ImpairmentSweep sweepPlan = sweep();
        List<LinkConditions> steps = sweepPlan == null ? null : sweepConditions(sweepPlan);
        if (plot != null && sweepPlan == null) {
            throw new ParameterException(spec.commandLine(), "--plot needs --sweep");
        }
        SessionTrace trace = CaptureLoading.load(file, err);
        if (trace == null) {
            return 1;
        }
        int status = CaptureLoading.reportProblems(trace, err);
        if (trace.messages().isEmpty()) {
            err.println("error: " + file + ": no application messages to replay");
            return 1;
        }
        if (sweepPlan == null) {
            ReplayRun run = ReplayRun.run(trace, conditions, seed);
            ReplayReport report = run.report();
            out.print(json ? ReplayReportFormat.json(report) : ReplayReportFormat.table(report));
            out.flush();
            err.println(speed(trace, run.wallNanos()));
            err.flush();
        } else {
            List<ReplayReport> reports = new ArrayList<>();
            long wall = 0;
            for (LinkConditions step : steps) {
                ReplayRun run = ReplayRun.run(trace, step, seed);
                reports.add(run.report());
                wall += run.wallNanos();
            }
            out.print(json ? ImpairmentSweep.json(reports) : sweepPlan.table(reports));
            out.flush();
            err.println(speed(trace, wall / steps.size()) + " (mean per run)");
            if (plot != null) {
                try {
                    sweepPlan.plot(reports, plot);
                    err.println("plot written to " + plot);
                } catch (IOException | RuntimeException e) {
                    err.println("error: " + plot + ": cannot draw the plot: " + e.getMessage());
                    status = 1;
                }
            }
        }
        err.flush();
        return status;
    }

    private static String speed(SessionTrace trace, long wallNanos) {
        double factor = wallNanos == 0 ? 0 : trace.durationMicros() * 1000.0 / wallNanos;
        return String.format(Locale.ROOT, "replayed %.3f s of capture in %.3f s of wall time: %.1fx real time",
                trace.durationMicros() / 1e6, wallNanos / 1e9, factor);
    }

    private List<LinkConditions> sweepConditions(ImpairmentSweep plan) {
        try {
            return plan.conditions(impairments);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sweep: " + e.getMessage());
        }
    }

    private ImpairmentSweep sweep() {
        if (sweep == null) {
            return null;
        }
        ImpairmentSweep parsed;
        try {
            parsed = ImpairmentSweep.parse(sweep);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sweep: " + e.getMessage());
        }
        if (impairments.given(parsed.impairment())) {
            throw new ParameterException(spec.commandLine(), "--sweep " + parsed.impairment().key + "=... replaces --"
                    + parsed.impairment().key + "; give one of them");
        }
        return parsed;
    }
}
