package dev.skirmish.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.bench.transport.TransportKind;
import dev.skirmish.bench.transport.TransportRunResult;
import dev.skirmish.bench.transport.TransportRunSettings;
import dev.skirmish.bench.transport.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

    @Test
    void comparesEachFigureWithItsBaselineFromTheSameReport() {
        BenchReport report = new BenchReport(List.of(
                throughput(TransportKind.SKIRMISH, 64, 0, 700_000),
                throughput(TransportKind.UDP, 64, 0, 100_000),
                throughput(TransportKind.SKIRMISH, 64, 0.05, 300_000),
                throughput(TransportKind.SKIRMISH, 1024, 0, 90_000),
                throughput(TransportKind.UDP, 1024, 0, 100_000),
                latency(1_900_000, 4_000_000, 0),
                latency(1_900_000, 4_000_000, 0)), List.of(), List.of());
        List<TargetCheck> checks = TargetCheck.evaluate(report);
        assertEquals("yes", checks.get(0).verdict(), checks.get(0).toString());
        assertEquals("yes", checks.get(1).verdict(), "7x >= 6x: " + checks.get(1));
        assertEquals("yes", checks.get(2).verdict(), "90 % >= 80 %: " + checks.get(2));
        assertEquals("no", checks.get(3).verdict(), "300k < half of 700k: " + checks.get(3));
        assertEquals("n/a (run missing)", checks.get(4).verdict());
    }

    @Test
    void aLostMessageFailsTheLatencyTargetWhateverThePercentiles() {
        BenchReport report = new BenchReport(List.of(latency(100_000, 200_000, 1)), List.of(), List.of());
        assertEquals("no", TargetCheck.evaluate(report).get(0).verdict());
    }

    private static TransportRunResult throughput(TransportKind kind, int size, double loss, long messagesPerSecond) {
        TransportRunSettings settings = new TransportRunSettings(kind, Workload.THROUGHPUT, size, 0,
                Duration.ofSeconds(1), 1000, Duration.ZERO, loss, 1);
        return new TransportRunResult(settings, messagesPerSecond, messagesPerSecond, 0, 0, 1.0, 0, 0, 0, 0, 0L, 0L);
    }

    private static TransportRunResult latency(long p99Nanos, long p999Nanos, long lost) {
        TransportRunSettings settings = new TransportRunSettings(TransportKind.SKIRMISH, Workload.LATENCY, 64, 0,
                Duration.ofSeconds(1), 1000, Duration.ZERO, 0.05, 1);
        return new TransportRunResult(settings, 1000, 1000 - lost, 0, 0, 1.0, 50_000, p99Nanos, p999Nanos,
                p999Nanos, 10L, 0L);
    }
}
