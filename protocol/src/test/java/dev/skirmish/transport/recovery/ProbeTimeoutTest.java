package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProbeTimeoutTest {

    private static final long GRANULARITY_MICROS = 1_000;

    /** smoothed 100000, variance 50000 (the initial estimate). */
    private final RttEstimator initialRtt = new RttEstimator(100_000);

    @Test
    void baseIsSmoothedPlusFourVariancesPlusMaxAckDelay() {
        ProbeTimeout pto = new ProbeTimeout(1, 60_000_000, GRANULARITY_MICROS);

        // 100000 + 4 * 50000 + 25000 = 325000
        assertEquals(325_000, pto.timeoutMicros(initialRtt, 25_000, 0));
        assertEquals(300_000, pto.timeoutMicros(initialRtt, 0, 0));
    }

    @Test
    void backoffDoublesPerExponent() {
        ProbeTimeout pto = new ProbeTimeout(1, 60_000_000, GRANULARITY_MICROS);

        assertEquals(650_000, pto.timeoutMicros(initialRtt, 25_000, 1));
        assertEquals(1_300_000, pto.timeoutMicros(initialRtt, 25_000, 2));
        assertEquals(2_600_000, pto.timeoutMicros(initialRtt, 25_000, 3));
    }

    @Test
    void granularityReplacesTinyVariance() {
        RttEstimator stableRtt = new RttEstimator(100_000);
        stableRtt.onSample(2, 0); // smoothed 2, variance 1
        ProbeTimeout pto = new ProbeTimeout(1, 60_000_000, GRANULARITY_MICROS);

        // 2 + max(4 * 1, 1000) + 0 = 1002
        assertEquals(1_002, pto.timeoutMicros(stableRtt, 0, 0));
    }

    @Test
    void floorAppliesAfterBackoff() {
        RttEstimator stableRtt = new RttEstimator(100_000);
        stableRtt.onSample(2, 0);
        ProbeTimeout pto = new ProbeTimeout(200_000, 60_000_000, GRANULARITY_MICROS);

        // 1002 << 7 = 128256 is still under the floor; 1002 << 8 = 256512 is over it.
        assertEquals(200_000, pto.timeoutMicros(stableRtt, 0, 0));
        assertEquals(200_000, pto.timeoutMicros(stableRtt, 0, 7));
        assertEquals(256_512, pto.timeoutMicros(stableRtt, 0, 8));
    }

    @Test
    void ceilingCapsBackoff() {
        ProbeTimeout pto = new ProbeTimeout(1_000, 1_000_000, GRANULARITY_MICROS);

        assertEquals(650_000, pto.timeoutMicros(initialRtt, 25_000, 1));
        assertEquals(1_000_000, pto.timeoutMicros(initialRtt, 25_000, 2));
        assertEquals(1_000_000, pto.timeoutMicros(initialRtt, 25_000, 30));
    }

    @Test
    void saturatesInsteadOfOverflowingForLargeExponentsAndDelays() {
        ProbeTimeout unbounded = new ProbeTimeout(1, Long.MAX_VALUE, GRANULARITY_MICROS);

        assertEquals(325_000L << 40, unbounded.timeoutMicros(initialRtt, 25_000, 40));
        for (int exponent : new int[] {45, 62, 63, 64, 65, 1_000, Integer.MAX_VALUE}) {
            assertEquals(Long.MAX_VALUE, unbounded.timeoutMicros(initialRtt, 25_000, exponent), "exponent " + exponent);
        }
        assertEquals(Long.MAX_VALUE, unbounded.timeoutMicros(initialRtt, Long.MAX_VALUE, 0));

        ProbeTimeout bounded = new ProbeTimeout(1, 60_000_000, GRANULARITY_MICROS);
        assertEquals(60_000_000, bounded.timeoutMicros(initialRtt, Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTimeout(2_000, 1_000, GRANULARITY_MICROS));
        assertThrows(IllegalArgumentException.class, () -> new ProbeTimeout(0, 1_000, GRANULARITY_MICROS));
        assertThrows(IllegalArgumentException.class, () -> new ProbeTimeout(1, 1_000, 0));
    }

    @Test
    void rejectsNegativeArguments() {
        ProbeTimeout pto = new ProbeTimeout(1, 60_000_000, GRANULARITY_MICROS);

        assertThrows(IllegalArgumentException.class, () -> pto.timeoutMicros(initialRtt, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> pto.timeoutMicros(initialRtt, 0, -1));
    }
}
