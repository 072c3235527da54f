package dev.skirmish.transport.udp;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;

/**
 * Drops each datagram independently with a fixed probability, from an explicit seed, so a run under
 * loss can be repeated decision for decision (the model of Aeron's {@code RandomLossGenerator}).
 *
 * <p>A rate of {@code 0.0} never drops and {@code 1.0} always drops. Not thread-safe: give each host
 * and each direction its own instance.
 */
public final class RandomDatagramDropper implements DatagramDropper {

    private final double dropRate;
    private final long seed;
    private final SplittableRandom random;

    /**
     * @param dropRate the probability of dropping each datagram, in {@code [0.0, 1.0]}
     * @param seed the seed of the decisions; print it with a failure so the run can be repeated
     */
    public RandomDatagramDropper(double dropRate, long seed) {
        if (!(dropRate >= 0.0 && dropRate <= 1.0)) {
            throw new IllegalArgumentException("dropRate must be in [0.0, 1.0], got " + dropRate);
        }
        this.dropRate = dropRate;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean shouldDrop(InetSocketAddress peer, int lengthBytes) {
        // nextDouble() is in [0, 1): never below 0.0, always below 1.0, so both ends are exact.
        return random.nextDouble() < dropRate;
    }

    /** The probability of dropping each datagram. */
    public double dropRate() {
        return dropRate;
    }

    /** The seed the decisions come from. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "RandomDatagramDropper[dropRate=" + dropRate + ", seed=" + seed + "]";
    }
}
