package dev.skirmish.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LinkConditionsTest {

    private static void assertRejected(String expectedMessagePart, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    @Test
    void rejectsProbabilitiesOutsideZeroToOne() {
        assertRejected("lossRate must be in [0, 1], was 1.5", () -> LinkConditions.builder().lossRate(1.5).build());
        assertRejected("lossRate must be in [0, 1], was NaN", () -> LinkConditions.builder().lossRate(Double.NaN).build());
        assertRejected("duplicateRate", () -> LinkConditions.builder().duplicateRate(-0.1).build());
        assertRejected("corruptRate", () -> LinkConditions.builder().corrupt(2, 1).build());
        assertRejected("burst badToGood", () -> LinkConditions.builder().burstLoss(0.1, 1.1).build());
        assertRejected("burst lossInBad", () -> LinkConditions.builder().burstLoss(0.1, 0.5, 0, 7).build());
        assertRejected("reorderRate", () -> LinkConditions.builder().reorder(-1, 10).build());
    }

    @Test
    void rejectsNegativeOrHugeDelays() {
        assertRejected("delayMicros", () -> LinkConditions.builder().delayMicros(-1).build());
        assertRejected("jitterMicros", () -> LinkConditions.builder().jitterMicros(-5).build());
        assertRejected("reorderDelayMicros", () -> LinkConditions.builder().reorder(0.1, -5).build());
        assertRejected("delayMicros", () -> LinkConditions.builder().delayMicros(LinkConditions.MAX_DELAY_MICROS + 1).build());
    }

    @Test
    void rejectsReorderingThatCouldNotReorder() {
        assertRejected("needs reorderDelayMicros > 0", () -> LinkConditions.builder().reorder(0.2, 0).build());
    }

    @Test
    void rejectsBadBandwidthAndCorruptionSettings() {
        assertRejected("bytesPerSecond", () -> LinkConditions.builder().bandwidth(-1, 1000).build());
        assertRejected("queueLimitBytes", () -> LinkConditions.builder().bandwidth(1000, 0).build());
        assertRejected("maxCorruptedBits", () -> LinkConditions.builder().corrupt(0.1, 0).build());
        assertRejected("maxCorruptedBits", () -> LinkConditions.builder().corrupt(0.1, 65).build());
    }

    @Test
    void printsOnlyWhatDiffersFromAPerfectLink() {
        assertEquals("LinkConditions[perfect]", LinkConditions.PERFECT.toString());
        LinkConditions c = LinkConditions.builder().lossRate(0.02).delayMicros(30_000).jitterMicros(5_000)
                .reorder(0.1, 8_000).duplicateRate(0.01).corrupt(0.001, 3).bandwidth(125_000, 32_768)
                .burstLoss(0.01, 0.25).build();
        assertEquals("LinkConditions[loss=0.02, burst(goodToBad=0.01 badToGood=0.25 lossInGood=0.0 lossInBad=1.0),"
                + " delay=30000us, jitter=5000us, reorder=0.1 by 8000us, duplicate=0.01,"
                + " corrupt=0.001 flipping 1..3 bits, rate=125000B/s queue=32768B]", c.toString());
    }

    @Test
    void toBuilderKeepsEverySettingAndChangesOnlyWhatIsSet() {
        LinkConditions base = LinkConditions.builder().lossRate(0.02).delayMicros(30_000).jitterMicros(5_000)
                .reorder(0.1, 8_000).duplicateRate(0.01).corrupt(0.001, 3).bandwidth(125_000, 32_768)
                .burstLoss(0.01, 0.25, 0.001, 0.9).build();

        LinkConditions variant = base.toBuilder().delayMicros(60_000).build();

        assertEquals(base.toString().replace("delay=30000us", "delay=60000us"), variant.toString());
        assertEquals(60_000, variant.delayMicros());
        assertEquals(0.9, variant.burstLossInBad());
        assertEquals(32_768, variant.queueLimitBytes());
    }

    @Test
    void perfectLinkHasNoImpairmentAndAnUnlimitedRate() {
        LinkConditions p = LinkConditions.PERFECT;
        assertEquals(0, p.lossRate());
        assertEquals(false, p.hasBurstLoss());
        assertEquals(0, p.delayMicros() + p.jitterMicros() + p.reorderDelayMicros());
        assertEquals(0, p.bytesPerSecond());
    }
}
