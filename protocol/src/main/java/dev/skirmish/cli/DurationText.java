package dev.skirmish.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as every Skirmish command line writes them: a whole number with an optional unit,
 * {@code ms}, {@code s} (the default), {@code m} or {@code h} — {@code 500ms}, {@code 30s},
 * {@code 30}, {@code 2m}, {@code 1h}. Positive, at most {@link #MAX}. One parser, so that
 * {@code --duration} means the same in every command.
 */
public final class DurationText {
    /** Longest duration accepted. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private DurationText() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Duration parse(String text) {
        Matcher matcher = AMOUNT_AND_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 500ms, 30s, 2m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got '" + text + "'");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is longer than " + MAX.toHours() + " h");
        }
        return duration;
    }
}
