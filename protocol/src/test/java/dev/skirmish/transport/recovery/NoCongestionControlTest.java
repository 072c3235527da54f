package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class NoCongestionControlTest {

    @Test
    void windowStaysUnlimitedWhateverHappens() {
        CongestionController controller = new NoCongestionControl();
        assertUnlimited(controller);

        controller.onPacketSent(0, 1_200);
        controller.onPacketAcked(1_000, 0, 1_200, false);
        controller.onCongestionEvent(2_000, 1_500);
        assertUnlimited(controller);

        controller.onPersistentCongestion();
        assertUnlimited(controller);
    }

    private static void assertUnlimited(CongestionController controller) {
        assertEquals(Long.MAX_VALUE, controller.congestionWindowBytes());
        assertEquals(Long.MAX_VALUE, controller.slowStartThresholdBytes());
        assertFalse(controller.inSlowStart());
    }
}
