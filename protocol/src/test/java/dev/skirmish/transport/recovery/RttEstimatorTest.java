package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RttEstimatorTest {

    @Test
    void reportsInitialEstimateBeforeAnySample() {
        RttEstimator rtt = new RttEstimator(100_000);

        assertFalse(rtt.hasSamples());
        assertEquals(0, rtt.sampleCount());
        assertEquals(100_000, rtt.smoothedRttMicros());
        assertEquals(50_000, rtt.rttVarianceMicros());
        assertEquals(0, rtt.minRttMicros());
        assertEquals(0, rtt.latestRttMicros());
    }

    @Test
    void firstSampleReplacesEstimateWithoutSubtractingAckDelay() {
        RttEstimator rtt = new RttEstimator(100_000);

        rtt.onSample(50_000, 10_000);

        // smoothed = latest = 50000; variance = latest / 2 = 25000; the ack delay plays no part.
        assertTrue(rtt.hasSamples());
        assertEquals(1, rtt.sampleCount());
        assertEquals(50_000, rtt.smoothedRttMicros());
        assertEquals(25_000, rtt.rttVarianceMicros());
        assertEquals(50_000, rtt.minRttMicros());
        assertEquals(50_000, rtt.latestRttMicros());
    }

    @Test
    void laterSampleSubtractsAckDelayWhenResultStaysAtOrAboveMinRtt() {
        RttEstimator rtt = new RttEstimator(100_000);
        rtt.onSample(50_000, 0);

        rtt.onSample(80_000, 10_000);

        // adjusted = 80000 - 10000 = 70000 (>= min 50000)
        // variance = 3/4 * 25000 + 1/4 * |50000 - 70000| = 18750 + 5000 = 23750
        // smoothed = 7/8 * 50000 + 1/8 * 70000 = 43750 + 8750 = 52500
        assertEquals(23_750, rtt.rttVarianceMicros());
        assertEquals(52_500, rtt.smoothedRttMicros());
        assertEquals(50_000, rtt.minRttMicros());
        assertEquals(80_000, rtt.latestRttMicros());
    }

    @Test
    void laterSampleIsClampedAtMinRttWhenSubtractingWouldGoBelowIt() {
        RttEstimator rtt = new RttEstimator(100_000);
        rtt.onSample(50_000, 0);
        rtt.onSample(80_000, 10_000);

        rtt.onSample(55_000, 10_000);

        // 55000 - 10000 = 45000 < min 50000, so adjusted = 50000 (clamped, not the whole 55000)
        // variance = 3/4 * 23750 + 1/4 * |52500 - 50000| = 17812.5 + 625 = 18437.5 -> 18438
        // smoothed = 7/8 * 52500 + 1/8 * 50000 = 45937.5 + 6250 = 52187.5 -> 52188
        assertEquals(18_438, rtt.rttVarianceMicros());
        assertEquals(52_188, rtt.smoothedRttMicros());
        assertEquals(3, rtt.sampleCount());
    }

    @Test
    void ackDelayEqualToMarginIsSubtracted() {
        RttEstimator rtt = new RttEstimator(100_000);
        rtt.onSample(40_000, 0);

        rtt.onSample(48_000, 8_000);

        // 48000 - 8000 = 40000 == min, so it is subtracted: adjusted = 40000, a perfect sample.
        // variance = 3/4 * 20000 + 0 = 15000; smoothed stays 40000.
        assertEquals(40_000, rtt.smoothedRttMicros());
        assertEquals(15_000, rtt.rttVarianceMicros());
    }

    @Test
    void minRttIgnoresAckDelayAndOnlyFalls() {
        RttEstimator rtt = new RttEstimator(100_000);

        rtt.onSample(30_000, 20_000);
        assertEquals(30_000, rtt.minRttMicros());
        rtt.onSample(90_000, 0);
        assertEquals(30_000, rtt.minRttMicros());
        rtt.onSample(25_000, 24_000);
        assertEquals(25_000, rtt.minRttMicros());
    }

    @Test
    void clampsNonPositiveSamplesToOneMicrosecond() {
        RttEstimator rtt = new RttEstimator(100_000);

        rtt.onSample(0, 0);
        assertEquals(1, rtt.latestRttMicros());
        assertEquals(1, rtt.smoothedRttMicros());
        assertEquals(1, rtt.minRttMicros());

        rtt.onSample(-5, -3);
        assertEquals(1, rtt.latestRttMicros());
        assertEquals(1, rtt.smoothedRttMicros());
        assertEquals(2, rtt.sampleCount());
    }

    @Test
    void hugeSamplesSaturateWithoutOverflow() {
        RttEstimator rtt = new RttEstimator(1_000);

        rtt.onSample(Long.MAX_VALUE, 0);
        assertEquals(RttEstimator.MAX_RTT_MICROS, rtt.latestRttMicros());
        assertEquals(RttEstimator.MAX_RTT_MICROS, rtt.smoothedRttMicros());

        rtt.onSample(Long.MAX_VALUE, Long.MAX_VALUE);
        rtt.onSample(1, 0);

        assertEquals(1, rtt.minRttMicros());
        assertTrue(rtt.smoothedRttMicros() > 0 && rtt.smoothedRttMicros() <= RttEstimator.MAX_RTT_MICROS);
        assertTrue(rtt.rttVarianceMicros() > 0 && rtt.rttVarianceMicros() <= RttEstimator.MAX_RTT_MICROS);
        assertTrue(rtt.lossDelayMicros(1_000) > rtt.smoothedRttMicros());
    }

    @Test
    void lossDelayIsNineEighthsOfLargerOfSmoothedAndLatest() {
        RttEstimator rtt = new RttEstimator(100_000);
        // Before samples: 9/8 * 100000 = 112500.
        assertEquals(112_500, rtt.lossDelayMicros(1_000));

        rtt.onSample(50_000, 0);
        rtt.onSample(80_000, 10_000);
        // smoothed 52500, latest 80000: 9/8 * 80000 = 90000.
        assertEquals(90_000, rtt.lossDelayMicros(1_000));
    }

    @Test
    void lossDelayRoundsUpAndNeverUndercutsGranularity() {
        RttEstimator rtt = new RttEstimator(100);
        // 9/8 * 100 = 112.5, rounded up.
        assertEquals(113, rtt.lossDelayMicros(0));
        assertEquals(1_000, rtt.lossDelayMicros(1_000));
        assertThrows(IllegalArgumentException.class, () -> rtt.lossDelayMicros(-1));
    }

    @Test
    void resetReturnsToInitialEstimate() {
        RttEstimator rtt = new RttEstimator(100_000);
        rtt.onSample(10_000, 0);

        rtt.reset();

        assertFalse(rtt.hasSamples());
        assertEquals(100_000, rtt.smoothedRttMicros());
        assertEquals(50_000, rtt.rttVarianceMicros());
        assertEquals(0, rtt.minRttMicros());
        rtt.onSample(20_000, 0);
        assertEquals(20_000, rtt.smoothedRttMicros());
    }

    @Test
    void rejectsNonPositiveOrHugeInitialRtt() {
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(0));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(-1));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(RttEstimator.MAX_RTT_MICROS + 1));
    }
}
