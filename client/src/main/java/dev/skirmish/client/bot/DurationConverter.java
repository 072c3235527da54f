package dev.skirmish.client.bot;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a duration written as a whole number and a unit: {@code ms}, {@code s} or {@code m}
 * ({@code 1500ms}, {@code 30s}, {@code 2m}). The unit is required, so "30" cannot be misread; the
 * result must be positive and at most {@link #MAX}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    /** Longest duration accepted. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m)");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Duration parse(String value) {
        Matcher matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration: use a whole number followed by"
                    + " ms, s or m, e.g. 1500ms, 30s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("'" + value + "' is not a usable duration: it must be more than zero");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + value + "' is too long: at most " + MAX.toHours() + " hours");
        }
        return duration;
    }
}
