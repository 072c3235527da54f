package dev.skirmish.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TickTimeHistogramTest {

    @Test
    void reportsPercentilesToTheMicrosecond() {
        TickTimeHistogram histogram = new TickTimeHistogram();
        for (int micros = 1; micros <= 100; micros++) {
            histogram.record(micros * 1_000L + 500);
        }
        assertEquals(100, histogram.count());
        assertEquals(50, histogram.percentileMicros(50));
        assertEquals(99, histogram.percentileMicros(99));
        assertEquals(100, histogram.percentileMicros(100));
        assertEquals(1, histogram.percentileMicros(0));
        assertEquals(100_500, histogram.maxNanos());
    }

    @Test
    void durationsBeyondTheTrackedRangeReportTheMaximum() {
        TickTimeHistogram histogram = new TickTimeHistogram();
        histogram.record(1_000);
        histogram.record(80_000_000);
        assertEquals(1, histogram.percentileMicros(50));
        assertEquals(80_000, histogram.percentileMicros(99));
        assertEquals(80_000_000, histogram.maxNanos());
    }

    @Test
    void resetForgetsEverythingAndNegativeDurationsCountAsZero() {
        TickTimeHistogram histogram = new TickTimeHistogram();
        histogram.record(5_000_000);
        histogram.reset();
        assertEquals(0, histogram.count());
        assertEquals(0, histogram.percentileMicros(99));
        histogram.record(-7);
        assertEquals(0, histogram.maxNanos());
        assertEquals(0, histogram.percentileMicros(50));
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMicros(101));
    }
}
