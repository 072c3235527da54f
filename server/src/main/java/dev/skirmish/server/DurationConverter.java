package dev.skirmish.server;

import dev.skirmish.cli.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code --duration} values with the shared {@link DurationText} syntax (500ms, 30s, 2m, 1h). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
