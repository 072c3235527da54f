package dev.skirmish.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm-up, measurement and fork settings shared by every micro-benchmark (JMH annotations are
 * inherited). Command-line options such as {@code -wi 2 -i 3 -f 1} override them for quick runs.
 * Every input is built from {@link #SEED} so runs are comparable.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public abstract class BenchmarkSettings {
    /** Seed of every input generator in the benchmarks. */
    public static final long SEED = 0x5EED_2026L;
}
