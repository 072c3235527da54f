package dev.skirmish.server.stats;

import java.util.Arrays;

/**
 * Durations of tick work, recorded into one-microsecond buckets up to {@value #MAX_TRACKED_MICROS}
 * microseconds (longer ones share an overflow bucket but still set the maximum), so percentiles are
 * exact to the microsecond where it matters (the tick budget is a few milliseconds) and recording is
 * one array increment: no allocation, no sorting. Not thread-safe.
 */
public final class TickTimeHistogram {

    /** Longest duration with its own bucket. */
    public static final int MAX_TRACKED_MICROS = 50_000;

    private final long[] counts = new long[MAX_TRACKED_MICROS + 2];
    private long total;
    private long maxNanos;

    /** Records one duration; negative values (a clock that went backwards) count as zero. */
    public void record(long durationNanos) {
        long nanos = Math.max(0, durationNanos);
        long micros = nanos / 1_000;
        int bucket = micros > MAX_TRACKED_MICROS ? MAX_TRACKED_MICROS + 1 : (int) micros;
        counts[bucket]++;
        total++;
        if (nanos > maxNanos) {
            maxNanos = nanos;
        }
    }

    /** Forgets everything recorded. */
    public void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        maxNanos = 0;
    }

    /** Number of durations recorded. */
    public long count() {
        return total;
    }

    /** Longest duration recorded, in nanoseconds (0 if none). */
    public long maxNanos() {
        return maxNanos;
    }

    /**
     * The smallest duration, in whole microseconds (bucket floor), that at least {@code percentile}
     * percent of the recorded durations do not exceed; 0 if nothing was recorded. Durations beyond the
     * tracked range report the maximum.
     */
    public long percentileMicros(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be 0..100, got " + percentile);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int bucket = 0; bucket <= MAX_TRACKED_MICROS; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return bucket;
            }
        }
        return maxNanos / 1_000;
    }
}
