package dev.skirmish.replay.cli;

import dev.skirmish.replay.run.ChannelResult;
import dev.skirmish.replay.run.DirectionResult;
import dev.skirmish.replay.run.ReplayReport;
import dev.skirmish.replay.run.ReplayReportFormat;
import dev.skirmish.transport.sim.LinkConditions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * {@code replay run --sweep KEY=A,B,...}: one impairment varied over steps, the other options held;
 * one table row per step, JSON, and a chart of p99 delivery latency against the swept value.
 */
final class ImpairmentSweep {
    private final SweptImpairment impairment;
    private final List<String> steps;

    private ImpairmentSweep(SweptImpairment impairment, List<String> steps) {
        this.impairment = impairment;
        this.steps = steps;
    }

    /** Parses {@code KEY=A,B,...}; an {@link IllegalArgumentException} says what is wrong. */
    static ImpairmentSweep parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + text + "' is not KEY=A,B,...; e.g. loss=0,1,5,10,20 or latency=0,50ms,200ms");
        }
        SweptImpairment impairment = SweptImpairment.byKey(text.substring(0, equals));
        List<String> steps = new ArrayList<>();
        for (String step : text.substring(equals + 1).split(",")) {
            if (step.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has an empty step");
            }
            steps.add(step.strip());
        }
        return new ImpairmentSweep(impairment, List.copyOf(steps));
    }

    SweptImpairment impairment() {
        return impairment;
    }

    /** The conditions of each step: the other options as given, the swept impairment set to the step's value. */
    List<LinkConditions> conditions(ImpairmentOptions options) {
        List<LinkConditions> conditions = new ArrayList<>();
        for (String step : steps) {
            LinkConditions.Builder builder = options.conditions();
            impairment.apply(builder, step);
            conditions.add(options.build(builder));
        }
        return conditions;
    }

    /** The value of each step on the sweep's axis (percent, milliseconds or kbit/s). */
    private double[] axis() {
        LinkConditions.Builder scratch = LinkConditions.builder();
        return steps.stream().mapToDouble(step -> impairment.apply(scratch, step)).toArray();
    }

    String table(List<ReplayReport> reports) {
        double[] axis = axis();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%16s %9s %10s %8s %8s %12s %12s %12s%n", impairment.axisLabel,
                "reliable", "retransm.", "wire/p", "missing", "rel p50 ms", "rel p99 ms", "rel max ms"));
        for (int i = 0; i < steps.size(); i++) {
            ReplayReport report = reports.get(i);
            long retransmitted = report.directions().stream().mapToLong(DirectionResult::retransmittedFragments).sum();
            long wire = report.directions().stream().mapToLong(DirectionResult::wireBytes).sum();
            long payload = report.directions().stream().mapToLong(DirectionResult::payloadBytes).sum();
            long missing = report.channels().stream().mapToLong(ChannelResult::notDelivered).sum();
            out.append(String.format(Locale.ROOT, "%16.2f %9s %10d %8.2f %8d %12.3f %12.3f %12.3f%n", axis[i],
                    report.reliableExact() ? "exact" : "FAILED", retransmitted, payload == 0 ? 0.0 : (double) wire / payload,
                    missing, reliable(report, ChannelResult::latencyP50Micros) / 1e3,
                    reliable(report, ChannelResult::latencyP99Micros) / 1e3,
                    reliable(report, ChannelResult::latencyMaxMicros) / 1e3));
        }
        out.append("(missing counts unreliable messages too, which may be lost by design;"
                + " latencies are the worst reliable channel's)\n");
        return out.toString();
    }

    private static long reliable(ReplayReport report, ToLongFunction<ChannelResult> latency) {
        return report.channels().stream().filter(c -> c.mode().startsWith("reliable")).mapToLong(latency).max().orElse(0);
    }

    static String json(List<ReplayReport> reports) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < reports.size(); i++) {
            out.append(ReplayReportFormat.json(reports.get(i)).stripTrailing());
            out.append(i + 1 < reports.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    /** One series per direction and channel: its p99 latency (ms) against the swept value. */
    void plot(List<ReplayReport> reports, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Delivery latency against " + impairment.key + " (p99)")
                .xAxisTitle(impairment.axisLabel).yAxisTitle("p99 latency, ms").build();
        double[] x = axis();
        List<ChannelResult> first = reports.get(0).channels();
        for (int c = 0; c < first.size(); c++) {
            double[] y = new double[reports.size()];
            for (int i = 0; i < reports.size(); i++) {
                List<ChannelResult> channels = reports.get(i).channels();
                y[i] = c < channels.size() ? channels.get(c).latencyP99Micros() / 1e3 : 0;
            }
            ChannelResult channel = first.get(c);
            chart.addSeries(channel.direction() + " ch" + channel.channel() + " " + channel.mode(), x, y);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
