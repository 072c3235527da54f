package dev.skirmish.replay.cli;

import dev.skirmish.replay.run.ChannelResult;
import dev.skirmish.replay.run.DirectionResult;
import dev.skirmish.replay.run.ReplayReport;
import dev.skirmish.replay.run.ReplayReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The results of a loss sweep: one table row per loss step, JSON, and a latency-against-loss chart. */
final class LossSweep {
    private LossSweep() {
    }

    static String table(List<Double> steps, List<ReplayReport> reports) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%7s %9s %10s %8s %8s %12s %12s %12s%n", "loss %", "reliable", "retransm.",
                "wire/p", "missing", "rel p50 ms", "rel p99 ms", "rel max ms"));
        for (int i = 0; i < steps.size(); i++) {
            ReplayReport report = reports.get(i);
            long retransmitted = report.directions().stream().mapToLong(DirectionResult::retransmittedFragments).sum();
            long wire = report.directions().stream().mapToLong(DirectionResult::wireBytes).sum();
            long payload = report.directions().stream().mapToLong(DirectionResult::payloadBytes).sum();
            long missing = report.channels().stream().mapToLong(ChannelResult::notDelivered).sum();
            out.append(String.format(Locale.ROOT, "%7.2f %9s %10d %8.2f %8d %12.3f %12.3f %12.3f%n", steps.get(i) * 100,
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

    /** One series per direction and channel: its p99 latency (ms) against loss (%). */
    static void plot(List<Double> steps, List<ReplayReport> reports, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Delivery latency against loss (p99)")
                .xAxisTitle("loss %").yAxisTitle("p99 latency, ms").build();
        double[] x = steps.stream().mapToDouble(s -> s * 100).toArray();
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
