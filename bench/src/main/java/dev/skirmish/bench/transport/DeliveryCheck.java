package dev.skirmish.bench.transport;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * The receiver's account of a run: which sequence numbers arrived, how many arrived twice or after a
 * higher one, and the one-way latency of those sent after the warm-up. Written by the receiving
 * thread only; {@link #delivered()}, {@link #lastDeliveryNanos()} and {@link #measureFrom} may be used
 * from any thread, the rest after the receiving thread has stopped.
 */
final class DeliveryCheck {
    private volatile long firstMeasuredSequence;
    private final BitSet seen;
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile long delivered;
    private volatile long lastDeliveryNanos;
    private long duplicates;
    private long misordered;
    private long highestSequence = -1;

    /**
     * @param firstMeasuredSequence messages with a lower sequence number are warm-up: counted, but
     *     their latency is not recorded
     * @param expectedMessages a sizing hint for the duplicate filter
     */
    DeliveryCheck(long firstMeasuredSequence, int expectedMessages) {
        this.firstMeasuredSequence = firstMeasuredSequence;
        this.seen = new BitSet(Math.max(64, expectedMessages));
    }

    /**
     * Ends a warm-up whose length was not known in advance (a throughput run's): messages from
     * {@code sequence} on are measured.
     */
    void measureFrom(long sequence) {
        firstMeasuredSequence = sequence;
    }

    /** Accounts for the message starting at {@code message}'s position, received at {@code nowNanos}. */
    void accept(ByteBuffer message, long nowNanos) {
        accept(MessageStamp.sequence(message), MessageStamp.sendNanos(message), nowNanos);
    }

    void accept(long sequence, long sendNanos, long nowNanos) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalStateException("corrupt message: sequence " + sequence);
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            return;
        }
        seen.set(index);
        if (sequence < highestSequence) {
            misordered++;
        } else {
            highestSequence = sequence;
        }
        if (sequence >= firstMeasuredSequence) {
            latency.record(nowNanos - sendNanos);
        }
        lastDeliveryNanos = nowNanos;
        delivered = delivered + 1;
    }

    /** Distinct messages delivered. */
    long delivered() {
        return delivered;
    }

    /** Distinct messages delivered with a sequence number of at least {@code sequence}. */
    long deliveredFrom(long sequence) {
        return seen.get((int) Math.min(sequence, Integer.MAX_VALUE), Integer.MAX_VALUE).cardinality();
    }

    long lastDeliveryNanos() {
        return lastDeliveryNanos;
    }

    long duplicates() {
        return duplicates;
    }

    /** Messages delivered after one with a higher sequence number. */
    long misordered() {
        return misordered;
    }

    LatencyHistogram latency() {
        return latency;
    }
}
