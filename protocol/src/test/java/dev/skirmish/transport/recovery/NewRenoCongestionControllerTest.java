package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewRenoCongestionControllerTest {

    private static final int MAX_DATAGRAM = 1_200;

    private final NewRenoCongestionController controller = new NewRenoCongestionController(MAX_DATAGRAM);

    @Test
    void initialWindowIsTenDatagramsCappedAt14720BytesButAtLeastTwoDatagrams() {
        // min(10 * 1200, max(2400, 14720)) = 12000
        assertEquals(12_000, new NewRenoCongestionController(1_200).congestionWindowBytes());
        // min(15000, max(3000, 14720)) = 14720
        assertEquals(14_720, new NewRenoCongestionController(1_500).congestionWindowBytes());
        // min(80000, max(16000, 14720)) = 16000
        assertEquals(16_000, new NewRenoCongestionController(8_000).congestionWindowBytes());
        assertEquals(2_400, controller.minimumWindowBytes());
    }

    @Test
    void startsInSlowStartWithoutThreshold() {
        assertTrue(controller.inSlowStart());
        assertEquals(Long.MAX_VALUE, controller.slowStartThresholdBytes());
    }

    @Test
    void slowStartGrowsByAckedBytes() {
        controller.onPacketAcked(2_000, 1_000, 1_200, false);
        controller.onPacketAcked(2_000, 1_000, 700, false);

        assertEquals(12_000 + 1_200 + 700, controller.congestionWindowBytes());
        assertTrue(controller.inSlowStart());
    }

    @Test
    void slowStartDoublesWindowPerRoundTrip() {
        long window = controller.congestionWindowBytes();
        for (long acked = 0; acked < window; acked += MAX_DATAGRAM) {
            controller.onPacketAcked(2_000, 1_000, MAX_DATAGRAM, false);
        }

        assertEquals(2 * window, controller.congestionWindowBytes());
    }

    @Test
    void congestionEventHalvesWindowAndSetsThreshold() {
        controller.onCongestionEvent(1_000, 500);

        assertEquals(6_000, controller.slowStartThresholdBytes());
        assertEquals(6_000, controller.congestionWindowBytes());
        assertFalse(controller.inSlowStart());
    }

    @Test
    void reducesOnlyOncePerRecoveryPeriod() {
        controller.onCongestionEvent(1_000, 500);

        // Packets sent at or before the recovery start belong to the same event.
        controller.onCongestionEvent(1_500, 900);
        controller.onCongestionEvent(1_600, 1_000);
        assertEquals(6_000, controller.congestionWindowBytes());

        // A packet sent after the recovery start is a new congestion event.
        controller.onCongestionEvent(2_000, 1_001);
        assertEquals(3_000, controller.congestionWindowBytes());
        assertEquals(3_000, controller.slowStartThresholdBytes());
    }

    @Test
    void neverShrinksBelowMinimumWindow() {
        long now = 1_000;
        for (int event = 0; event < 10; event++) {
            controller.onCongestionEvent(now, now - 1);
            now += 1_000;
        }

        assertEquals(2_400, controller.congestionWindowBytes());
        assertTrue(controller.slowStartThresholdBytes() < 2_400);
        assertFalse(controller.inSlowStart());
    }

    @Test
    void acksForPacketsSentBeforeRecoveryStartDoNotGrowWindow() {
        controller.onCongestionEvent(1_000, 500);

        controller.onPacketAcked(1_100, 999, MAX_DATAGRAM, false);
        controller.onPacketAcked(1_100, 1_000, MAX_DATAGRAM, false);
        assertEquals(6_000, controller.congestionWindowBytes());

        controller.onPacketAcked(1_200, 1_001, MAX_DATAGRAM, false);
        // congestion avoidance: 1200 * 1200 / 6000 = 240
        assertEquals(6_240, controller.congestionWindowBytes());
    }

    @Test
    void applicationLimitedAcksDoNotGrowWindow() {
        controller.onPacketAcked(2_000, 1_000, MAX_DATAGRAM, true);
        assertEquals(12_000, controller.congestionWindowBytes());

        controller.onCongestionEvent(3_000, 2_500);
        controller.onPacketAcked(5_000, 4_000, MAX_DATAGRAM, true);
        assertEquals(6_000, controller.congestionWindowBytes());
    }

    @Test
    void congestionAvoidanceGrowsAboutOneDatagramPerWindowAcked() {
        controller.onCongestionEvent(1_000, 500);
        long sentAfterRecovery = 2_000;

        for (int round = 0; round < 20; round++) {
            long windowAtRoundStart = controller.congestionWindowBytes();
            for (long acked = 0; acked < windowAtRoundStart; acked += MAX_DATAGRAM) {
                controller.onPacketAcked(sentAfterRecovery + 1, sentAfterRecovery, MAX_DATAGRAM, false);
            }
            long growth = controller.congestionWindowBytes() - windowAtRoundStart;
            // Each ack adds 1200 * 1200 / window, and the window grows within the round, so a round
            // adds a little under one datagram (never more, and never much less).
            assertTrue(growth >= 1_000 && growth <= 1_440, "round " + round + " grew " + growth);
        }
        assertFalse(controller.inSlowStart());
    }

    @Test
    void congestionAvoidanceCarriesFractionalGrowthAcrossSmallAcks() {
        controller.onCongestionEvent(1_000, 500);

        // Each one-byte ack adds 1200 / window, a fraction of a byte: dropped fractions would leave
        // the window at 6000 for ever. Carried, the window follows the formula in real numbers.
        double realWindow = 6_000;
        for (int packet = 0; packet < 6_000; packet++) {
            controller.onPacketAcked(3_000, 2_000, 1, false);
            realWindow += MAX_DATAGRAM * 1.0 / realWindow;
        }

        // realWindow is about sqrt(6000^2 + 2 * 1200 * 6000) = 7099.3
        assertTrue(Math.abs(realWindow - controller.congestionWindowBytes()) <= 2,
                realWindow + " vs " + controller.congestionWindowBytes());
    }

    @Test
    void congestionAvoidanceKeepsRemainderBetweenAcks() {
        controller.onCongestionEvent(1_000, 500);

        // Each 5-byte ack contributes 1200 * 5 = 6000 byte-fractions of 1/window:
        // window 6000: 6000 / 6000 = 1, remainder 0      -> 6001
        // window 6001: 6000 / 6001 = 0, remainder 6000   -> 6001 (the fraction is kept)
        // window 6001: (6000 + 6000) / 6001 = 1, rem 5999 -> 6002
        controller.onPacketAcked(3_000, 2_000, 5, false);
        assertEquals(6_001, controller.congestionWindowBytes());
        controller.onPacketAcked(3_000, 2_000, 5, false);
        assertEquals(6_001, controller.congestionWindowBytes());
        controller.onPacketAcked(3_000, 2_000, 5, false);
        assertEquals(6_002, controller.congestionWindowBytes());
    }

    @Test
    void persistentCongestionCollapsesToMinimumWindowAndRestartsSlowStart() {
        controller.onCongestionEvent(1_000, 500);

        controller.onPersistentCongestion();

        assertEquals(2_400, controller.congestionWindowBytes());
        assertEquals(6_000, controller.slowStartThresholdBytes());
        assertTrue(controller.inSlowStart());
        // The recovery period is over, so even a packet sent before it now grows the window.
        controller.onPacketAcked(2_000, 500, MAX_DATAGRAM, false);
        assertEquals(3_600, controller.congestionWindowBytes());
        // And the next loss is a fresh congestion event.
        controller.onCongestionEvent(3_000, 600);
        assertEquals(2_400, controller.congestionWindowBytes());
        assertEquals(1_800, controller.slowStartThresholdBytes());
    }

    @Test
    void resetRestoresInitialState() {
        controller.onCongestionEvent(1_000, 500);
        controller.onPersistentCongestion();

        controller.reset();

        assertEquals(12_000, controller.congestionWindowBytes());
        assertEquals(Long.MAX_VALUE, controller.slowStartThresholdBytes());
        assertFalse(controller.sentBeforeRecoveryStart(0));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new NewRenoCongestionController(0));
        assertThrows(IllegalArgumentException.class, () -> controller.onPacketSent(0, -1));
        assertThrows(IllegalArgumentException.class, () -> controller.onPacketAcked(0, 0, -1, false));
    }
}
