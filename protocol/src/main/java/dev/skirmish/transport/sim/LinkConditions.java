package dev.skirmish.transport.sim;

import java.util.StringJoiner;

/**
 * What one direction of a simulated link does to the datagrams that cross it: loss (independent
 * and bursty), delay and jitter, reordering, duplication, corruption and a bandwidth bottleneck
 * with a bounded queue. Immutable; build with {@link #builder()}, start from {@link #PERFECT}.
 *
 * <p>A datagram crosses a {@link SimulatedNetwork} link in this order, each step drawing from
 * the link's own seeded random stream:
 * <ol>
 *   <li><b>bottleneck</b>: with {@code bytesPerSecond > 0} it joins a FIFO served at that rate
 *       ({@code size / rate} seconds each); if the bytes waiting for or in serialization would
 *       exceed {@code queueLimitBytes} it is tail-dropped;</li>
 *   <li><b>loss</b>: lost with probability {@code lossRate}, and also by the Gilbert–Elliott
 *       two-state channel (good/bad, switching with {@code burstGoodToBad} and
 *       {@code burstBadToGood} per datagram, losing with {@code burstLossInGood} or
 *       {@code burstLossInBad}); the mean run of datagrams in the bad state is
 *       {@code 1 / burstBadToGood};</li>
 *   <li><b>corruption</b>: with probability {@code corruptRate}, 1 to {@code maxCorruptedBits}
 *       distinct bits are flipped; the length never changes;</li>
 *   <li><b>duplication</b>: with probability {@code duplicateRate} a second copy travels too,
 *       with its own delay;</li>
 *   <li><b>delay</b>: each copy lands {@code delayMicros} plus a uniform {@code 0..jitterMicros}
 *       after leaving the bottleneck; with probability {@code reorderRate} it is held back a
 *       further {@code reorderDelayMicros}, so later datagrams overtake it. Jitter alone can
 *       reorder too, as with Linux netem.</li>
 * </ol>
 * Sizes are datagram payload bytes; IP and UDP headers are not counted.
 */
public final class LinkConditions {

    /** A link that delivers every datagram intact, at once, in order. */
    public static final LinkConditions PERFECT = builder().build();

    /** The most bits one corruption flips. */
    public static final int MAX_CORRUPTED_BITS = 64;

    /** The longest delay any single setting may add: one hour, so sums of delays cannot overflow. */
    public static final long MAX_DELAY_MICROS = 3_600_000_000L;

    static final long DEFAULT_QUEUE_LIMIT_BYTES = 64 * 1024;

    private final double lossRate;
    private final double burstGoodToBad;
    private final double burstBadToGood;
    private final double burstLossInGood;
    private final double burstLossInBad;
    private final long delayMicros;
    private final long jitterMicros;
    private final double reorderRate;
    private final long reorderDelayMicros;
    private final double duplicateRate;
    private final double corruptRate;
    private final int maxCorruptedBits;
    private final long bytesPerSecond;
    private final long queueLimitBytes;

    private LinkConditions(Builder b) {
        lossRate = b.lossRate;
        burstGoodToBad = b.burstGoodToBad;
        burstBadToGood = b.burstBadToGood;
        burstLossInGood = b.burstLossInGood;
        burstLossInBad = b.burstLossInBad;
        delayMicros = b.delayMicros;
        jitterMicros = b.jitterMicros;
        reorderRate = b.reorderRate;
        reorderDelayMicros = b.reorderDelayMicros;
        duplicateRate = b.duplicateRate;
        corruptRate = b.corruptRate;
        maxCorruptedBits = b.maxCorruptedBits;
        bytesPerSecond = b.bytesPerSecond;
        queueLimitBytes = b.queueLimitBytes;
    }

    /** A builder starting from {@link #PERFECT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these conditions, to derive a variant. */
    public Builder toBuilder() {
        return builder()
                .lossRate(lossRate)
                .burstLoss(burstGoodToBad, burstBadToGood, burstLossInGood, burstLossInBad)
                .delayMicros(delayMicros)
                .jitterMicros(jitterMicros)
                .reorder(reorderRate, reorderDelayMicros)
                .duplicateRate(duplicateRate)
                .corrupt(corruptRate, maxCorruptedBits)
                .bandwidth(bytesPerSecond, queueLimitBytes);
    }

    /** Probability that any one datagram is lost, independently of the others. */
    public double lossRate() {
        return lossRate;
    }

    /** Gilbert–Elliott: probability per datagram of moving from the good to the bad state. */
    public double burstGoodToBad() {
        return burstGoodToBad;
    }

    /** Gilbert–Elliott: probability per datagram of moving from the bad back to the good state. */
    public double burstBadToGood() {
        return burstBadToGood;
    }

    /** Gilbert–Elliott: loss probability while in the good state (default 0). */
    public double burstLossInGood() {
        return burstLossInGood;
    }

    /** Gilbert–Elliott: loss probability while in the bad state (default 1). */
    public double burstLossInBad() {
        return burstLossInBad;
    }

    /** Whether the Gilbert–Elliott channel can lose anything at all. */
    public boolean hasBurstLoss() {
        return burstGoodToBad > 0 || burstLossInGood > 0;
    }

    /** Fixed one-way propagation delay. */
    public long delayMicros() {
        return delayMicros;
    }

    /** Upper bound of the uniform extra delay added to each datagram. */
    public long jitterMicros() {
        return jitterMicros;
    }

    /** Share of datagrams held back by {@link #reorderDelayMicros()}. */
    public double reorderRate() {
        return reorderRate;
    }

    /** Extra delay of a held-back datagram. */
    public long reorderDelayMicros() {
        return reorderDelayMicros;
    }

    /** Probability that a datagram is delivered twice. */
    public double duplicateRate() {
        return duplicateRate;
    }

    /** Probability that a datagram has bits flipped. */
    public double corruptRate() {
        return corruptRate;
    }

    /** A corrupted datagram has between 1 and this many distinct bits flipped. */
    public int maxCorruptedBits() {
        return maxCorruptedBits;
    }

    /** Bottleneck rate; 0 means unlimited (no queue at all). */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Most bytes waiting for or in serialization at the bottleneck before tail drop. */
    public long queueLimitBytes() {
        return queueLimitBytes;
    }

    /** Only the settings that differ from {@link #PERFECT}, e.g. {@code LinkConditions[loss=0.02, delay=30000us]}. */
    @Override
    public String toString() {
        StringJoiner parts = new StringJoiner(", ", "LinkConditions[", "]").setEmptyValue("LinkConditions[perfect]");
        if (lossRate > 0) {
            parts.add("loss=" + lossRate);
        }
        if (hasBurstLoss()) {
            parts.add("burst(goodToBad=" + burstGoodToBad + " badToGood=" + burstBadToGood
                    + " lossInGood=" + burstLossInGood + " lossInBad=" + burstLossInBad + ")");
        }
        if (delayMicros > 0) {
            parts.add("delay=" + delayMicros + "us");
        }
        if (jitterMicros > 0) {
            parts.add("jitter=" + jitterMicros + "us");
        }
        if (reorderRate > 0) {
            parts.add("reorder=" + reorderRate + " by " + reorderDelayMicros + "us");
        }
        if (duplicateRate > 0) {
            parts.add("duplicate=" + duplicateRate);
        }
        if (corruptRate > 0) {
            parts.add("corrupt=" + corruptRate + " flipping 1.." + maxCorruptedBits + " bits");
        }
        if (bytesPerSecond > 0) {
            parts.add("rate=" + bytesPerSecond + "B/s queue=" + queueLimitBytes + "B");
        }
        return parts.toString();
    }

    /** Collects settings; {@link #build()} validates them all and names the first bad one. */
    public static final class Builder {
        private double lossRate;
        private double burstGoodToBad;
        private double burstBadToGood = 1;
        private double burstLossInGood;
        private double burstLossInBad = 1;
        private long delayMicros;
        private long jitterMicros;
        private double reorderRate;
        private long reorderDelayMicros;
        private double duplicateRate;
        private double corruptRate;
        private int maxCorruptedBits = 1;
        private long bytesPerSecond;
        private long queueLimitBytes = DEFAULT_QUEUE_LIMIT_BYTES;

        private Builder() {
        }

        /** Independent (Bernoulli) loss probability per datagram. */
        public Builder lossRate(double lossRate) {
            this.lossRate = lossRate;
            return this;
        }

        /** Gilbert–Elliott burst loss that loses nothing in the good state and everything in the bad one. */
        public Builder burstLoss(double goodToBad, double badToGood) {
            return burstLoss(goodToBad, badToGood, 0, 1);
        }

        /** Gilbert–Elliott burst loss with explicit loss probabilities per state. */
        public Builder burstLoss(double goodToBad, double badToGood, double lossInGood, double lossInBad) {
            this.burstGoodToBad = goodToBad;
            this.burstBadToGood = badToGood;
            this.burstLossInGood = lossInGood;
            this.burstLossInBad = lossInBad;
            return this;
        }

        /** Fixed one-way delay. */
        public Builder delayMicros(long delayMicros) {
            this.delayMicros = delayMicros;
            return this;
        }

        /** Uniform extra delay in {@code 0..jitterMicros}. */
        public Builder jitterMicros(long jitterMicros) {
            this.jitterMicros = jitterMicros;
            return this;
        }

        /** Holds back a share {@code rate} of datagrams by an extra {@code delayMicros}. */
        public Builder reorder(double rate, long delayMicros) {
            this.reorderRate = rate;
            this.reorderDelayMicros = delayMicros;
            return this;
        }

        /** Probability that a datagram arrives twice. */
        public Builder duplicateRate(double duplicateRate) {
            this.duplicateRate = duplicateRate;
            return this;
        }

        /** Probability that a datagram has 1 to {@code maxBits} distinct bits flipped. */
        public Builder corrupt(double rate, int maxBits) {
            this.corruptRate = rate;
            this.maxCorruptedBits = maxBits;
            return this;
        }

        /** A bottleneck of {@code bytesPerSecond} (0 = unlimited) whose queue holds at most {@code queueLimitBytes}. */
        public Builder bandwidth(long bytesPerSecond, long queueLimitBytes) {
            this.bytesPerSecond = bytesPerSecond;
            this.queueLimitBytes = queueLimitBytes;
            return this;
        }

        /**
         * The conditions.
         *
         * @throws IllegalArgumentException naming the first setting that is out of range
         */
        public LinkConditions build() {
            requireProbability("lossRate", lossRate);
            requireProbability("burst goodToBad", burstGoodToBad);
            requireProbability("burst badToGood", burstBadToGood);
            requireProbability("burst lossInGood", burstLossInGood);
            requireProbability("burst lossInBad", burstLossInBad);
            requireDelay("delayMicros", delayMicros);
            requireDelay("jitterMicros", jitterMicros);
            requireProbability("reorderRate", reorderRate);
            requireDelay("reorderDelayMicros", reorderDelayMicros);
            if (reorderRate > 0 && reorderDelayMicros == 0) {
                throw new IllegalArgumentException("reorderRate " + reorderRate
                        + " needs reorderDelayMicros > 0, or nothing is reordered");
            }
            requireProbability("duplicateRate", duplicateRate);
            requireProbability("corruptRate", corruptRate);
            if (maxCorruptedBits < 1 || maxCorruptedBits > MAX_CORRUPTED_BITS) {
                throw new IllegalArgumentException("maxCorruptedBits must be in [1, " + MAX_CORRUPTED_BITS
                        + "], was " + maxCorruptedBits);
            }
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("bytesPerSecond must be >= 0 (0 = unlimited), was " + bytesPerSecond);
            }
            if (queueLimitBytes <= 0) {
                throw new IllegalArgumentException("queueLimitBytes must be > 0, was " + queueLimitBytes);
            }
            return new LinkConditions(this);
        }

        private static void requireProbability(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
            }
        }

        private static void requireDelay(String name, long micros) {
            if (micros < 0 || micros > MAX_DELAY_MICROS) {
                throw new IllegalArgumentException(name + " must be in [0, " + MAX_DELAY_MICROS + "] us, was " + micros);
            }
        }
    }
}
