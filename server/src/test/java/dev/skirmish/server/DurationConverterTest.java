package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The converter only adapts the shared syntax (tested in DurationTextTest) to picocli's error type. */
class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void convertsTheSharedSyntax() {
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
    }

    @Test
    void reportsBadValuesAsPicocliConversionErrors() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> converter.convert("soon"));
        assertEquals("'soon' is not a duration; use e.g. 500ms, 30s, 2m or 1h", e.getMessage());
    }
}
