package dev.skirmish.transport.recovery;

/**
 * Arithmetic on non-negative {@code long}s that stops at {@link Long#MAX_VALUE} instead of
 * wrapping, for the timer and rate formulas whose inputs may come from a misbehaving peer or an
 * extreme configuration.
 */
final class Saturating {

    private Saturating() {
    }

    /** {@code a + b} for non-negative operands, or {@link Long#MAX_VALUE} if that overflows. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code value << shift} for a non-negative value and shift, or {@link Long#MAX_VALUE} if that overflows. */
    static long shiftLeft(long value, int shift) {
        if (value == 0) {
            return 0;
        }
        if (shift >= Long.SIZE - 1 || value > (Long.MAX_VALUE >>> shift)) {
            return Long.MAX_VALUE;
        }
        return value << shift;
    }

    /**
     * {@code floor(a * b / divisor)} computed exactly over the full 126-bit product, for
     * non-negative {@code a}, {@code b} and positive {@code divisor}; {@link Long#MAX_VALUE} when
     * the quotient does not fit in a {@code long}.
     */
    static long multiplyDivide(long a, long b, long divisor) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / divisor;
        }
        if (high >= divisor) {
            return Long.MAX_VALUE;
        }
        // Schoolbook long division of the 128-bit (high:low) by divisor, one bit at a time. The
        // remainder stays below divisor < 2^63, so shifting it left never loses a bit; the
        // comparison is unsigned because the shifted value may reach 2^64 - 1.
        long remainder = high;
        long quotient = 0;
        for (int bit = Long.SIZE - 1; bit >= 0; bit--) {
            remainder = (remainder << 1) | ((low >>> bit) & 1);
            quotient <<= 1;
            if (Long.compareUnsigned(remainder, divisor) >= 0) {
                remainder -= divisor;
                quotient |= 1;
            }
        }
        return quotient < 0 ? Long.MAX_VALUE : quotient;
    }
}
