package dev.skirmish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsEveryUnitAndBareSeconds() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse("30s"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse("30"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse(" 2M "));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
    }

    @Test
    void refusesWhatIsNotAPositiveBoundedDuration() {
        for (String bad : new String[] {"", "1.5s", "-3s", "5d", "s", "0", "25h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
            assertTrue(e.getMessage().contains("duration"), e.getMessage());
        }
    }
}
