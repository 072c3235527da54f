package dev.skirmish.transport.sim;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;

/**
 * One direction of a simulated link: applies its {@link LinkConditions} to each datagram, in the
 * order documented there, and counts what happened. Owns its random stream, so the fate of its
 * datagrams depends only on the network seed, its two addresses and its own traffic.
 */
final class DirectedLink {

    private static final long NANOS_PER_MICRO = 1_000L;

    private final InetSocketAddress from;
    private final InetSocketAddress to;
    private final SplittableRandom random;
    private final TransmitQueue transmitQueue = new TransmitQueue();
    private final long[] datagrams = new long[LinkCounter.values().length];
    private final long[] bytes = new long[LinkCounter.values().length];
    private final int[] flippedBits = new int[LinkConditions.MAX_CORRUPTED_BITS];

    private LinkConditions conditions;
    private boolean hasOwnConditions;
    private boolean burstBad;

    DirectedLink(InetSocketAddress from, InetSocketAddress to, long seed, LinkConditions conditions) {
        this.from = from;
        this.to = to;
        this.random = new SplittableRandom(seed);
        this.conditions = conditions;
    }

    LinkConditions conditions() {
        return conditions;
    }

    /** Sets conditions for this link alone; the burst-loss channel restarts in the good state. */
    void setOwnConditions(LinkConditions c) {
        hasOwnConditions = true;
        replaceConditions(c);
    }

    /** Follows a new network default, unless this link has conditions of its own. */
    void followDefault(LinkConditions c) {
        if (!hasOwnConditions) {
            replaceConditions(c);
        }
    }

    void count(LinkCounter counter, int sizeBytes) {
        datagrams[counter.ordinal()]++;
        bytes[counter.ordinal()] += sizeBytes;
    }

    LinkStats stats() {
        return LinkStats.copyOf(datagrams, bytes);
    }

    /**
     * Takes a datagram sent at {@code nowNanos} and either schedules it (and any duplicate) for
     * delivery or releases it as dropped.
     */
    void carry(Delivery d, long nowNanos, DeliverySchedule schedule) {
        int size = d.length();
        long departureNanos = conditions.bytesPerSecond() == 0 ? nowNanos
                : transmitQueue.admit(nowNanos, size, conditions.bytesPerSecond(), conditions.queueLimitBytes());
        if (departureNanos == TransmitQueue.TAIL_DROPPED) {
            count(LinkCounter.QUEUE_DROPPED, size);
            schedule.release(d);
            return;
        }
        if (losesNext()) {
            count(LinkCounter.LOST, size);
            schedule.release(d);
            return;
        }
        if (happens(conditions.corruptRate()) && size > 0) {
            flipBits(d.bytes(), size);
            count(LinkCounter.CORRUPTED, size);
        }
        boolean duplicated = happens(conditions.duplicateRate());
        schedule.schedule(d, departureNanos + pathDelayNanos(size));
        if (duplicated) {
            Delivery copy = schedule.obtain();
            copy.copyFrom(d);
            count(LinkCounter.DUPLICATED, size);
            schedule.schedule(copy, departureNanos + pathDelayNanos(size));
        }
    }

    @Override
    public String toString() {
        return from + " -> " + to + " " + conditions;
    }

    private void replaceConditions(LinkConditions c) {
        conditions = c;
        burstBad = false;
    }

    /** Bernoulli loss, then the Gilbert–Elliott channel: loss by the current state, then a state change. */
    private boolean losesNext() {
        boolean lost = happens(conditions.lossRate());
        if (conditions.hasBurstLoss()) {
            lost |= happens(burstBad ? conditions.burstLossInBad() : conditions.burstLossInGood());
            burstBad = burstBad ? !happens(conditions.burstBadToGood()) : happens(conditions.burstGoodToBad());
        }
        return lost;
    }

    private long pathDelayNanos(int size) {
        long delayNanos = conditions.delayMicros() * NANOS_PER_MICRO;
        long jitterNanos = conditions.jitterMicros() * NANOS_PER_MICRO;
        if (jitterNanos > 0) {
            delayNanos += random.nextLong(jitterNanos + 1);
        }
        if (happens(conditions.reorderRate())) {
            delayNanos += conditions.reorderDelayMicros() * NANOS_PER_MICRO;
            count(LinkCounter.REORDERED, size);
        }
        return delayNanos;
    }

    /** Flips between 1 and maxCorruptedBits distinct bits, so a corrupted datagram always differs. */
    private void flipBits(byte[] data, int size) {
        long bitCount = size * 8L;
        int flips = (int) Math.min(1 + random.nextInt(conditions.maxCorruptedBits()), bitCount);
        for (int i = 0; i < flips; i++) {
            int bit;
            do {
                bit = (int) random.nextLong(bitCount);
            } while (alreadyFlipped(bit, i));
            flippedBits[i] = bit;
            data[bit >>> 3] ^= (byte) (1 << (bit & 7));
        }
    }

    private boolean alreadyFlipped(int bit, int flipsSoFar) {
        for (int i = 0; i < flipsSoFar; i++) {
            if (flippedBits[i] == bit) {
                return true;
            }
        }
        return false;
    }

    /** True with the given probability; draws nothing for 0, so a perfect link consumes no randomness. */
    private boolean happens(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
