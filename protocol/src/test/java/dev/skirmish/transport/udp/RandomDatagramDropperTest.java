package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RandomDatagramDropperTest {

    private static final InetSocketAddress PEER = InetSocketAddress.createUnresolved("peer", 1);
    private static final int TRIALS = 100_000;

    @Test
    void dropsAboutTheRequestedShare() {
        for (long seed : new long[] {1, 42, 0xC0FFEEL}) {
            for (double rate : new double[] {0.01, 0.1, 0.25, 0.5, 0.9}) {
                int dropped = countDrops(new RandomDatagramDropper(rate, seed), TRIALS);
                // Six standard deviations of a binomial count: a correct dropper misses it about once in 10^9.
                double tolerance = 6 * Math.sqrt(TRIALS * rate * (1 - rate));
                assertTrue(Math.abs(dropped - rate * TRIALS) <= tolerance,
                        "seed " + seed + ", rate " + rate + ": dropped " + dropped + " of " + TRIALS);
            }
        }
    }

    @Test
    void neverDropsAtRateZero() {
        assertEquals(0, countDrops(new RandomDatagramDropper(0.0, 7), TRIALS));
    }

    @Test
    void alwaysDropsAtRateOne() {
        assertEquals(TRIALS, countDrops(new RandomDatagramDropper(1.0, 7), TRIALS));
    }

    @Test
    void repeatsItsDecisionsForTheSameSeed() {
        long seed = 20_240_611;
        RandomDatagramDropper first = new RandomDatagramDropper(0.3, seed);
        RandomDatagramDropper second = new RandomDatagramDropper(0.3, seed);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(first.shouldDrop(PEER, 100), second.shouldDrop(PEER, 100), "seed " + seed + ", decision " + i);
        }
    }

    @Test
    void rejectsARateOutsideTheUnitInterval() {
        for (double rate : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new RandomDatagramDropper(rate, 1), "rate " + rate);
        }
    }

    @Test
    void reportsItsRateAndSeed() {
        RandomDatagramDropper dropper = new RandomDatagramDropper(0.2, 99);
        assertEquals(0.2, dropper.dropRate());
        assertEquals(99, dropper.seed());
        assertTrue(dropper.toString().contains("seed=99"), dropper.toString());
    }

    private static int countDrops(DatagramDropper dropper, int trials) {
        int dropped = 0;
        for (int i = 0; i < trials; i++) {
            if (dropper.shouldDrop(PEER, 1_200)) {
                dropped++;
            }
        }
        return dropped;
    }
}
