package dev.skirmish.replay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImpairmentTextTest {

    @Test
    void ratesArePercentages() {
        assertEquals(0.05, ImpairmentText.rate("5%"), 1e-12);
        assertEquals(0.005, ImpairmentText.rate("0.5%"), 1e-12);
        assertEquals(0.2, ImpairmentText.rate("20"), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImpairmentText.rate("150%")).getMessage()
                .contains("more than 100%"));
        assertThrows(IllegalArgumentException.class, () -> ImpairmentText.rate("five"));
    }

    @Test
    void delaysTakeUnitsAndDefaultToMilliseconds() {
        assertEquals(50_000, ImpairmentText.delayMicros("50ms"));
        assertEquals(250, ImpairmentText.delayMicros("250us"));
        assertEquals(1_000_000, ImpairmentText.delayMicros("1s"));
        assertEquals(0, ImpairmentText.delayMicros("0"));
        assertEquals(30_000, ImpairmentText.delayMicros("30"));
        assertThrows(IllegalArgumentException.class, () -> ImpairmentText.delayMicros("-5ms"));
    }

    @Test
    void bandwidthsAreBitsOrBytesPerSecond() {
        assertEquals(250_000, ImpairmentText.bytesPerSecond("2mbit"));
        assertEquals(62_500, ImpairmentText.bytesPerSecond("500kbit"));
        assertEquals(100_000, ImpairmentText.bytesPerSecond("100kB"));
        assertThrows(IllegalArgumentException.class, () -> ImpairmentText.bytesPerSecond("fast"));
    }

    @Test
    void burstLossIsTwoPercentages() {
        assertArrayEquals(new double[] {0.02, 0.3}, ImpairmentText.burst("2%,30%"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ImpairmentText.burst("2%"));
        assertThrows(IllegalArgumentException.class, () -> ImpairmentText.burst("0%,30%"));
    }
}
