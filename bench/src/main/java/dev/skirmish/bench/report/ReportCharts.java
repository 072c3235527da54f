package dev.skirmish.bench.report;

import dev.skirmish.bench.server.ServerRunResult;
import dev.skirmish.bench.transport.TransportKind;
import dev.skirmish.bench.transport.TransportRunResult;
import dev.skirmish.bench.transport.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The report's PNG charts, drawn headless with XChart. */
final class ReportCharts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private ReportCharts() {
    }

    /** Writes every chart the report has data for into {@code directory}; returns the files written. */
    static List<Path> write(BenchReport report, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        writeLossChart(report, Workload.THROUGHPUT, "Throughput, 64 B messages", "messages per second",
                TransportRunResult::messagesPerSecond, directory.resolve("throughput_64b.png"), written);
        writeLossChart(report, Workload.LATENCY, "One-way latency p99, 64 B at 1000 msg/s", "p99 (µs)",
                r -> r.p99Nanos() / 1e3, directory.resolve("latency_p99.png"), written);
        writeServerChart(report, directory.resolve("server_tick.png"), written);
        return written;
    }

    private static void writeLossChart(BenchReport report, Workload workload, String title, String yTitle,
                                       ToDoubleFunction<TransportRunResult> figure, Path file, List<Path> written)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("loss each way").yAxisTitle(yTitle).build();
        boolean any = false;
        for (TransportKind transport : new TransportKind[] {TransportKind.SKIRMISH, TransportKind.UDP}) {
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (double loss : StandardMatrix.LOSS_RATES) {
                report.find(transport, workload, 64, loss).ifPresent(r -> {
                    labels.add(BenchReport.percent(loss));
                    values.add(figure.applyAsDouble(r));
                });
            }
            if (!values.isEmpty()) {
                chart.addSeries(transport.label(), labels, values);
                any = true;
            }
        }
        if (any) {
            save(chart, file, written);
        }
    }

    private static void writeServerChart(BenchReport report, Path file, List<Path> written) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        for (ServerRunResult run : report.serverRuns()) {
            labels.add(run.bots() + " bots");
            p50.add((double) run.tickP50Micros());
            p99.add((double) run.tickP99Micros());
        }
        if (labels.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Server tick work at " + StandardMatrix.TICK_RATE_HZ + " Hz").xAxisTitle("bots")
                .yAxisTitle("µs").build();
        chart.addSeries("p50", labels, p50);
        chart.addSeries("p99", labels, p99);
        save(chart, file, written);
    }

    private static void save(CategoryChart chart, Path file, List<Path> written) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(file);
    }
}
