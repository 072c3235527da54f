package dev.skirmish.game.wire;

import dev.skirmish.game.GameConstants;

/**
 * Conversions between simulation values (doubles) and the integers that travel on the wire.
 *
 * <p>Positions become fixed-point units with {@link GameConstants#POSITION_FRACTION_BITS} fraction
 * bits, rounded to nearest and clamped to {@code [0, 2^POSITION_BITS - 1]}, so a decoded position is
 * within half a step (1/32 unit) of the original. Angles become
 * {@code bits}-bit fractions of a full turn, rounded to nearest and wrapped, so any finite angle
 * maps to a valid code. Non-finite values are refused: quantizing a NaN would silently send zero.
 */
public final class Quantization {

    /** Size of one position step in units. */
    public static final double POSITION_STEP = 1.0 / (1 << GameConstants.POSITION_FRACTION_BITS);

    /** Largest position code. */
    public static final int MAX_POSITION_CODE = (1 << GameConstants.POSITION_BITS) - 1;

    private static final double TWO_PI = 2.0 * Math.PI;

    private Quantization() {
    }

    /** Position code for {@code units}; clamped into the addressable world. */
    public static int positionCode(double units) {
        requireFinite(units, "position");
        double scaled = Math.floor(units * (1 << GameConstants.POSITION_FRACTION_BITS) + 0.5);
        if (scaled <= 0) {
            return 0;
        }
        return scaled >= MAX_POSITION_CODE ? MAX_POSITION_CODE : (int) scaled;
    }

    /** Units for a position code. */
    public static double position(int code) {
        return code * POSITION_STEP;
    }

    /** {@code units} rounded to the nearest position step, as the receiver of the code will see it. */
    public static double snapPosition(double units) {
        return position(positionCode(units));
    }

    /** Angle code of {@code bits} bits (1..16) for {@code radians}, any finite value, wrapped into one turn. */
    public static int angleCode(double radians, int bits) {
        requireFinite(radians, "angle");
        checkAngleBits(bits);
        int steps = 1 << bits;
        double turns = radians / TWO_PI;
        double fraction = turns - Math.floor(turns);
        return (int) Math.floor(fraction * steps + 0.5) & (steps - 1);
    }

    /** Radians in {@code [0, 2 pi)} for an angle code of {@code bits} bits. */
    public static double angle(int code, int bits) {
        checkAngleBits(bits);
        if (code < 0 || code >= 1 << bits) {
            throw new IllegalArgumentException("angle code " + code + " does not fit in " + bits + " bits");
        }
        return code * (TWO_PI / (1 << bits));
    }

    /** {@code radians} rounded to the nearest {@code bits}-bit angle step, in {@code [0, 2 pi)}. */
    public static double snapAngle(double radians, int bits) {
        return angle(angleCode(radians, bits), bits);
    }

    private static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }

    private static void checkAngleBits(int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("angle width must be 1..16 bits, got " + bits);
        }
    }
}
