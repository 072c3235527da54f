package dev.skirmish.bench.report;

import dev.skirmish.bench.transport.TransportKind;
import dev.skirmish.bench.transport.TransportRunSettings;
import dev.skirmish.bench.transport.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of the standard report: throughput at 64 B and 1 KiB and latency at 64 B / 1000 msg/s,
 * skirmish and raw UDP at 0, 1, 5 and 10 % loss each way, TCP without loss (in-process loss does not
 * apply to it); then the server with 16, 32 and 64 bots at 60 Hz.
 */
public final class StandardMatrix {
    /** Loss rates of the matrix, each direction. */
    public static final List<Double> LOSS_RATES = List.of(0.0, 0.01, 0.05, 0.10);
    /** Bot counts of the server runs. */
    public static final List<Integer> BOT_COUNTS = List.of(16, 32, 64);
    public static final int TICK_RATE_HZ = 60;
    public static final int LATENCY_RATE_PER_SECOND = 1000;

    private StandardMatrix() {
    }

    /**
     * Every transport run, each measuring for {@code duration} after a {@code warmup} of the same
     * workload (the JIT compiles the hot paths during the first seconds of a run).
     */
    public static List<TransportRunSettings> transportRuns(Duration duration, Duration warmup, long seed) {
        List<TransportRunSettings> runs = new ArrayList<>();
        for (int size : new int[] {64, 1024}) {
            addLossSweep(runs, Workload.THROUGHPUT, size, duration, warmup, seed);
        }
        addLossSweep(runs, Workload.LATENCY, 64, duration, warmup, seed);
        return runs;
    }

    private static void addLossSweep(List<TransportRunSettings> runs, Workload workload, int size, Duration duration,
                                     Duration warmup, long seed) {
        runs.add(settings(TransportKind.TCP, workload, size, 0, duration, warmup, seed));
        for (double loss : LOSS_RATES) {
            runs.add(settings(TransportKind.SKIRMISH, workload, size, loss, duration, warmup, seed));
            runs.add(settings(TransportKind.UDP, workload, size, loss, duration, warmup, seed));
        }
    }

    private static TransportRunSettings settings(TransportKind transport, Workload workload, int size, double loss,
                                                 Duration duration, Duration warmup, long seed) {
        return new TransportRunSettings(transport, workload, size, 0, duration, LATENCY_RATE_PER_SECOND,
                warmup, loss, seed);
    }
}
