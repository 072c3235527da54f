package dev.skirmish.bench.transport;

/**
 * Fixed-memory histogram of non-negative nanosecond values with at most 1/64 (1.6 %) relative error:
 * values below 128 are exact, above that each power of two is split into 64 linear buckets.
 * Recording allocates nothing. The exact maximum is kept as well. Not thread-safe.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKET_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = SUB_BUCKETS * (64 - SUB_BUCKET_BITS);

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxNanos;

    /** Records one value; negative values (a clock oddity) count as 0. */
    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        maxNanos = Math.max(maxNanos, value);
    }

    long count() {
        return total;
    }

    long maxNanos() {
        return maxNanos;
    }

    /**
     * The value at quantile {@code q} (0..1): the midpoint of the bucket holding the
     * {@code ceil(q * count)}-th smallest value, never above the maximum; 0 when empty.
     */
    long valueAtQuantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(maxNanos, midpoint(i));
            }
        }
        return maxNanos;
    }

    static int index(long value) {
        if (value < 2 * SUB_BUCKETS) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS;
        return SUB_BUCKETS * (shift + 1) + (int) ((value >>> shift) - SUB_BUCKETS);
    }

    private static long midpoint(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long low = (long) (index % SUB_BUCKETS + SUB_BUCKETS) << shift;
        return low + ((1L << shift) >>> 1);
    }
}
