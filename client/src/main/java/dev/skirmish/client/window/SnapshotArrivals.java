package dev.skirmish.client.window;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The queue from the network thread to the render thread: times at which new snapshots arrived (for
 * {@link ViewFeed#drainSnapshotArrivals}). A
 * single-producer single-consumer ring of longs, lock-free and allocation-free; when the reader falls
 * more than {@link #CAPACITY} behind, the newest arrivals are dropped (the graph only needs the
 * recent ones and the reader drains every frame).
 */
public final class SnapshotArrivals {

    /** Arrivals held at most. */
    public static final int CAPACITY = 1024;

    private final long[] times = new long[CAPACITY];
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    /** Adds an arrival; producer thread only. False if the queue was full. */
    public boolean offer(long nowNanos) {
        long w = written.get();
        if (w - read.get() >= CAPACITY) {
            return false;
        }
        times[(int) (w % CAPACITY)] = nowNanos;
        written.lazySet(w + 1);
        return true;
    }

    /** Hands every queued arrival to {@code sink} in order; consumer thread only. Returns how many. */
    public int drainTo(LongConsumer sink) {
        long r = read.get();
        long w = written.get();
        for (long i = r; i < w; i++) {
            sink.accept(times[(int) (i % CAPACITY)]);
        }
        read.lazySet(w);
        return (int) (w - r);
    }
}
