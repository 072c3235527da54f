package dev.skirmish.replay.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code skirmish replay run} writes impairments: rates as percentages ({@code 5%}, {@code 0.5%};
 * a bare number is also a percentage), delays as {@code 50ms}, {@code 250us}, {@code 1s} or {@code 0}
 * (a bare number is milliseconds), bandwidths as {@code 2mbit}, {@code 500kbit}, {@code 100kB} per
 * second, and burst loss as two percentages {@code P,R} (good-to-bad and bad-to-good transition
 * chances of the Gilbert-Elliott model). Each parser throws {@link IllegalArgumentException} saying
 * what is wrong.
 */
public final class ImpairmentText {
    private static final Pattern RATE = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,6})?)\\s*%?");
    private static final Pattern DELAY = Pattern.compile("(\\d{1,9})\\s*(us|ms|s)?");
    private static final Pattern BANDWIDTH = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(bit|kbit|mbit|gbit|b|kb|mb)");

    private ImpairmentText() {
    }

    /** A rate in [0, 1] from a percentage. */
    public static double rate(String text) {
        Matcher matcher = RATE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage; use e.g. 5% or 0.5%");
        }
        double percent = Double.parseDouble(matcher.group(1));
        if (percent > 100) {
            throw new IllegalArgumentException("'" + text + "' is more than 100%");
        }
        return percent / 100;
    }

    /** A delay in microseconds. */
    public static long delayMicros(String text) {
        Matcher matcher = DELAY.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a delay; use e.g. 50ms, 250us or 1s");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        long micros = switch (unit) {
            case "us" -> amount;
            case "s" -> amount * 1_000_000;
            default -> amount * 1_000;
        };
        if (micros > 60_000_000) {
            throw new IllegalArgumentException("delay '" + text + "' is longer than 60 s");
        }
        return micros;
    }

    /** Bytes per second; bit units are per second in bits (1 kbit = 1000 bits), byte units in bytes. */
    public static long bytesPerSecond(String text) {
        Matcher matcher = BANDWIDTH.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a bandwidth; use e.g. 2mbit, 500kbit or 100kB");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double bytes = switch (matcher.group(2)) {
            case "bit" -> amount / 8;
            case "kbit" -> amount * 1_000 / 8;
            case "mbit" -> amount * 1_000_000 / 8;
            case "gbit" -> amount * 1_000_000_000 / 8;
            case "kb" -> amount * 1_000;
            case "mb" -> amount * 1_000_000;
            default -> amount;
        };
        if (bytes < 1) {
            throw new IllegalArgumentException("bandwidth '" + text + "' is less than one byte per second");
        }
        return (long) bytes;
    }

    /** Burst loss {@code P,R}: {goodToBad, badToGood}, each in (0, 1]. */
    public static double[] burst(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not P,R; use e.g. 5%,30% (chance to enter and to"
                    + " leave the bad state per datagram)");
        }
        double enter = rate(parts[0]);
        double leave = rate(parts[1]);
        if (enter <= 0 || leave <= 0) {
            throw new IllegalArgumentException("burst loss '" + text + "': both chances must be above 0");
        }
        return new double[] {enter, leave};
    }
}
