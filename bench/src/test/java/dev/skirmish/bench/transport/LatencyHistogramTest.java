package dev.skirmish.bench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int value = 1; value <= 100; value++) {
            histogram.record(value);
        }
        assertEquals(50, histogram.valueAtQuantile(0.50));
        assertEquals(99, histogram.valueAtQuantile(0.99));
        assertEquals(100, histogram.valueAtQuantile(1.0));
        assertEquals(100, histogram.maxNanos());
    }

    @Test
    void quantilesOfSpreadValuesAreWithinTwoPercent() {
        long seed = 42;
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[100_000];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong(10_000, 50_000_000);
            histogram.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            long estimate = histogram.valueAtQuantile(q);
            assertTrue(Math.abs(estimate - exact) <= exact * 0.02,
                    "seed " + seed + " q " + q + ": exact " + exact + ", histogram " + estimate);
        }
        assertEquals(values[values.length - 1], histogram.maxNanos());
        assertEquals(values.length, histogram.count());
    }

    @Test
    void bucketIndexGrowsWithTheValue() {
        int previous = -1;
        for (long value = 0; value < 1L << 40; value = value * 3 / 2 + 1) {
            int index = LatencyHistogram.index(value);
            assertTrue(index >= previous, "index of " + value);
            previous = index;
        }
    }

    @Test
    void emptyHistogramReportsZero() {
        assertEquals(0, new LatencyHistogram().valueAtQuantile(0.99));
    }
}
