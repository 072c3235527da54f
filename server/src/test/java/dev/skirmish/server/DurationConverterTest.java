package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsAmountsWithUnitsBareSecondsAndIso8601() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
        assertEquals(Duration.ofHours(2), converter.convert("2H"));
    }

    @Test
    void refusesWhatIsNotAPositiveDuration() {
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("soon"));
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("-5s"));
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("0ms"));
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("5 days"));
    }
}
