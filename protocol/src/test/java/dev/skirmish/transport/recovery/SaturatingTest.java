package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SaturatingTest {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void addStopsAtMaxValue() {
        assertEquals(5, Saturating.add(2, 3));
        assertEquals(Long.MAX_VALUE, Saturating.add(Long.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE, Saturating.add(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void shiftLeftStopsAtMaxValue() {
        assertEquals(12, Saturating.shiftLeft(3, 2));
        assertEquals(0, Saturating.shiftLeft(0, 500));
        assertEquals(1L << 62, Saturating.shiftLeft(1, 62));
        assertEquals(Long.MAX_VALUE, Saturating.shiftLeft(1, 63));
        assertEquals(Long.MAX_VALUE, Saturating.shiftLeft(3, 62));
        assertEquals(Long.MAX_VALUE, Saturating.shiftLeft(1, Integer.MAX_VALUE));
    }

    @Test
    void multiplyDivideIsExactOverFullProduct() {
        assertEquals(7, Saturating.multiplyDivide(3, 5, 2));
        assertEquals(Long.MAX_VALUE / 3, Saturating.multiplyDivide(Long.MAX_VALUE, 2, 6));
        assertEquals(Long.MAX_VALUE, Saturating.multiplyDivide(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, Saturating.multiplyDivide(Long.MAX_VALUE, 2, 1));
    }

    @Test
    void multiplyDivideMatchesBigIntegerOnRandomOperands() {
        long seed = 0x5EED_0001L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 20_000; trial++) {
            long a = randomMagnitude(random);
            long b = randomMagnitude(random);
            long divisor = Math.max(1, randomMagnitude(random));
            BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(divisor));
            long expected = exact.min(LONG_MAX).longValueExact();
            int trialNumber = trial;
            assertEquals(expected, Saturating.multiplyDivide(a, b, divisor),
                    () -> "seed " + seed + " trial " + trialNumber + ": " + a + " * " + b + " / " + divisor);
        }
    }

    /** A non-negative long whose bit length is itself random, so small and huge values both appear. */
    private static long randomMagnitude(SplittableRandom random) {
        int bits = random.nextInt(64);
        return bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
    }
}
