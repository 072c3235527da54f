package dev.skirmish.bench.report;

import dev.skirmish.bench.server.ServerRunResult;
import dev.skirmish.bench.transport.TransportKind;
import dev.skirmish.bench.transport.TransportRunResult;
import dev.skirmish.bench.transport.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the targets, checked against a report: what was measured, the baseline from the
 * same report, and whether it is met ("n/a" when the report lacks a run it needs).
 */
public record TargetCheck(String target, String measured, String baseline, String verdict) {

    /** Every target the report has runs for. */
    public static List<TargetCheck> evaluate(BenchReport report) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(latencyUnderLoss(report));
        checks.add(throughputRatio(report, 64, 6.0));
        checks.add(bandwidthRatio(report, 1024, 0.8));
        checks.add(throughputUnderLoss(report));
        checks.add(server16(report));
        checks.add(server64(report));
        return checks;
    }

    private static TargetCheck latencyUnderLoss(BenchReport report) {
        String target = "latency 64 B, 1000 msg/s, 5 % loss: p99 <= 2 ms, p99.9 <= 5 ms, all in order";
        Optional<TransportRunResult> run = report.find(TransportKind.SKIRMISH, Workload.LATENCY, 64, 0.05);
        Optional<TransportRunResult> udp = report.find(TransportKind.UDP, Workload.LATENCY, 64, 0.05);
        if (run.isEmpty()) {
            return missing(target);
        }
        TransportRunResult r = run.get();
        boolean met = r.p99Nanos() <= 2_000_000 && r.p999Nanos() <= 5_000_000 && r.lost() == 0
                && r.misordered() == 0 && r.duplicates() == 0;
        return new TargetCheck(target, String.format(Locale.ROOT, "p99 %.2f ms, p99.9 %.2f ms, %d/%d delivered, %d misordered",
                r.p99Nanos() / 1e6, r.p999Nanos() / 1e6, r.delivered(), r.sent(), r.misordered()),
                udp.map(u -> String.format(Locale.ROOT, "udp p99 %.2f ms, %d lost", u.p99Nanos() / 1e6, u.lost()))
                        .orElse("-"), met ? "yes" : "no");
    }

    private static TargetCheck throughputRatio(BenchReport report, int size, double factor) {
        String target = String.format(Locale.ROOT, "throughput %d B, no loss: >= %.0fx raw UDP msgs/s", size, factor);
        Optional<TransportRunResult> run = report.find(TransportKind.SKIRMISH, Workload.THROUGHPUT, size, 0);
        Optional<TransportRunResult> udp = report.find(TransportKind.UDP, Workload.THROUGHPUT, size, 0);
        if (run.isEmpty() || udp.isEmpty()) {
            return missing(target);
        }
        double ratio = run.get().messagesPerSecond() / udp.get().messagesPerSecond();
        return new TargetCheck(target, String.format(Locale.ROOT, "%.0f msgs/s (%.1fx)", run.get().messagesPerSecond(), ratio),
                String.format(Locale.ROOT, "udp %.0f msgs/s", udp.get().messagesPerSecond()), ratio >= factor ? "yes" : "no");
    }

    private static TargetCheck bandwidthRatio(BenchReport report, int size, double share) {
        String target = String.format(Locale.ROOT, "throughput %d B, no loss: >= %.0f %% of raw UDP MB/s", size, share * 100);
        Optional<TransportRunResult> run = report.find(TransportKind.SKIRMISH, Workload.THROUGHPUT, size, 0);
        Optional<TransportRunResult> udp = report.find(TransportKind.UDP, Workload.THROUGHPUT, size, 0);
        if (run.isEmpty() || udp.isEmpty()) {
            return missing(target);
        }
        double ratio = run.get().megabytesPerSecond() / udp.get().megabytesPerSecond();
        return new TargetCheck(target, String.format(Locale.ROOT, "%.1f MB/s (%.0f %%)", run.get().megabytesPerSecond(), ratio * 100),
                String.format(Locale.ROOT, "udp %.1f MB/s", udp.get().megabytesPerSecond()), ratio >= share ? "yes" : "no");
    }

    private static TargetCheck throughputUnderLoss(BenchReport report) {
        String target = "throughput 64 B at 5 % loss: >= half of skirmish without loss";
        Optional<TransportRunResult> lossy = report.find(TransportKind.SKIRMISH, Workload.THROUGHPUT, 64, 0.05);
        Optional<TransportRunResult> clean = report.find(TransportKind.SKIRMISH, Workload.THROUGHPUT, 64, 0);
        if (lossy.isEmpty() || clean.isEmpty()) {
            return missing(target);
        }
        double ratio = lossy.get().messagesPerSecond() / clean.get().messagesPerSecond();
        return new TargetCheck(target, String.format(Locale.ROOT, "%.0f msgs/s (%.0f %%)", lossy.get().messagesPerSecond(), ratio * 100),
                String.format(Locale.ROOT, "no loss %.0f msgs/s", clean.get().messagesPerSecond()), ratio >= 0.5 ? "yes" : "no");
    }

    private static TargetCheck server16(BenchReport report) {
        String target = "16 bots at 60 Hz: <= 48 kbit/s down per client, tick p99 <= 1 ms";
        Optional<ServerRunResult> run = report.serverRuns().stream().filter(s -> s.bots() == 16).findFirst();
        if (run.isEmpty()) {
            return missing(target);
        }
        ServerRunResult s = run.get();
        boolean met = s.downKilobitsPerClient() <= 48 && s.tickP99Micros() <= 1_000;
        return new TargetCheck(target, String.format(Locale.ROOT, "%.1f kbit/s, tick p99 %d µs", s.downKilobitsPerClient(),
                s.tickP99Micros()), "target 48 kbit/s, 1000 µs", met ? "yes" : "no");
    }

    private static TargetCheck server64(BenchReport report) {
        String target = "64 bots at 60 Hz: tick p99 <= 4 ms, no disconnects";
        Optional<ServerRunResult> run = report.serverRuns().stream().filter(s -> s.bots() == 64).findFirst();
        if (run.isEmpty()) {
            return missing(target);
        }
        ServerRunResult s = run.get();
        boolean met = s.tickP99Micros() <= 4_000 && s.disconnects() == 0;
        return new TargetCheck(target, String.format(Locale.ROOT, "tick p99 %d µs, %d disconnects", s.tickP99Micros(),
                s.disconnects()), "target 4000 µs, 0", met ? "yes" : "no");
    }

    private static TargetCheck missing(String target) {
        return new TargetCheck(target, "-", "-", "n/a (run missing)");
    }
}
