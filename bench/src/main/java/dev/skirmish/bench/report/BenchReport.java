package dev.skirmish.bench.report;

import dev.skirmish.bench.server.ServerRunResult;
import dev.skirmish.bench.transport.TransportKind;
import dev.skirmish.bench.transport.TransportRunResult;
import dev.skirmish.bench.transport.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results of a standard matrix and what they say about the targets: as JSON (every run's
 * line, plus the server counts that were not possible) and as a markdown page with tables and a
 * target check, each figure beside the baseline measured in the same report.
 */
public record BenchReport(List<TransportRunResult> transportRuns, List<ServerRunResult> serverRuns,
                          List<String> notPossible) {

    public BenchReport {
        transportRuns = List.copyOf(transportRuns);
        serverRuns = List.copyOf(serverRuns);
        notPossible = List.copyOf(notPossible);
    }

    /** One transport result, if the matrix has it. */
    public Optional<TransportRunResult> find(TransportKind transport, Workload workload, int size, double loss) {
        return transportRuns.stream()
                .filter(r -> r.settings().transport() == transport && r.settings().workload() == workload
                        && r.settings().sizeBytes() == size && Math.abs(r.settings().lossRate() - loss) < 1e-9)
                .findFirst();
    }

    /** {@code {"transport": [...], "server": [...], "not_possible": [...]}}, one run per line. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n\"transport\": [\n");
        appendLines(json, transportRuns.stream().map(r -> r.toJson().toString()).toList());
        json.append("],\n\"server\": [\n");
        appendLines(json, serverRuns.stream().map(r -> r.toJson().toString()).toList());
        json.append("],\n\"not_possible\": [\n");
        appendLines(json, notPossible.stream().map(BenchReport::quoted).toList());
        return json.append("]\n}\n").toString();
    }

    private static void appendLines(StringBuilder json, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            json.append("  ").append(lines.get(i)).append(i + 1 < lines.size() ? ",\n" : "\n");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The markdown page. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Skirmish benchmark report\n\n");
        md.append("## Throughput\n\n| transport | size | loss | sent | delivered | misordered | msgs/s | MB/s | retransmits |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TransportRunResult r : transportRuns) {
            if (r.settings().workload() == Workload.THROUGHPUT) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d | %d | %.0f | %.2f | %s |%n",
                        r.settings().transport().label(), r.settings().sizeBytes(), percent(r.settings().lossRate()),
                        r.sent(), r.delivered(), r.misordered(), r.messagesPerSecond(), r.megabytesPerSecond(),
                        r.retransmits() == null ? "-" : r.retransmits()));
            }
        }
        md.append("\n## Latency (64 B, 1000 msg/s, one way)\n\n")
                .append("| transport | loss | sent | lost | misordered | p50 µs | p99 µs | p99.9 µs | max µs |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TransportRunResult r : transportRuns) {
            if (r.settings().workload() == Workload.LATENCY) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                        r.settings().transport().label(), percent(r.settings().lossRate()), r.sent(), r.lost(),
                        r.misordered(), r.p50Nanos() / 1e3, r.p99Nanos() / 1e3, r.p999Nanos() / 1e3,
                        r.maxNanos() / 1e3));
            }
        }
        md.append("\n## Server (60 Hz, headless bots on loopback)\n\n")
                .append("| bots | tick p50 µs | tick p99 µs | tick max µs | CPU/tick µs | snapshot B | down kbit/s/client"
                        + " | up kbit/s/client | GC ms | disconnects |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ServerRunResult s : serverRuns) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %d |%n",
                    s.bots(), s.tickP50Micros(), s.tickP99Micros(), s.tickMaxMicros(), s.cpuPerTickMicros(),
                    s.meanSnapshotBytes(), s.downKilobitsPerClient(), s.upKilobitsPerClient(), s.gcPauseMillis(),
                    s.disconnects()));
        }
        for (String line : notPossible) {
            md.append("\nNot possible: ").append(line).append('\n');
        }
        md.append("\n## Targets\n\n| target | measured | baseline | met |\n| --- | --- | --- | --- |\n");
        for (TargetCheck check : TargetCheck.evaluate(this)) {
            md.append("| ").append(check.target()).append(" | ").append(check.measured()).append(" | ")
                    .append(check.baseline()).append(" | ").append(check.verdict()).append(" |\n");
        }
        return md.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
