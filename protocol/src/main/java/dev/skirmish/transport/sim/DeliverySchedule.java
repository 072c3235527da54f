package dev.skirmish.transport.sim;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The datagrams in flight, ordered by landing time and, for equal times, by the order in which
 * they were scheduled, so that runs are reproducible to the byte. Also the pool that recycles
 * {@link Delivery} objects, so steady traffic allocates nothing.
 */
final class DeliverySchedule {

    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(DeliverySchedule::landsEarlier);
    private final ArrayDeque<Delivery> free = new ArrayDeque<>();
    private long nextSequence;

    /** A delivery to fill in, from the pool. */
    Delivery obtain() {
        Delivery d = free.poll();
        return d != null ? d : new Delivery();
    }

    /** Returns a delivery that was dropped or has landed to the pool. */
    void release(Delivery d) {
        d.forget();
        free.push(d);
    }

    void schedule(Delivery d, long atNanos) {
        d.atNanos = atNanos;
        d.sequence = nextSequence++;
        inFlight.add(d);
    }

    boolean isEmpty() {
        return inFlight.isEmpty();
    }

    int size() {
        return inFlight.size();
    }

    /** Landing time of the earliest delivery; only when not {@link #isEmpty()}. */
    long earliestNanos() {
        return inFlight.element().atNanos;
    }

    /** The earliest delivery if it has landed by {@code nowNanos}, else null. */
    Delivery pollLanded(long nowNanos) {
        Delivery head = inFlight.peek();
        return head != null && head.atNanos - nowNanos <= 0 ? inFlight.poll() : null;
    }

    private static int landsEarlier(Delivery a, Delivery b) {
        int byTime = Long.signum(a.atNanos - b.atNanos);
        return byTime != 0 ? byTime : Long.signum(a.sequence - b.sequence);
    }
}
