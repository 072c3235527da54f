package dev.skirmish.transport.udp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The real monotonic clock plus a jump the test can add: how a host sees time after its thread was
 * descheduled, or a game loop stalled, for as long as the test says. Thread-safe.
 */
final class SkippableClock implements NanoClock {

    private final long originNanos = System.nanoTime();
    private final AtomicLong skippedNanos = new AtomicLong();

    @Override
    public long nowNanos() {
        return System.nanoTime() - originNanos + skippedNanos.get();
    }

    /** Moves this clock {@code nanos} ahead of the real one, for good. */
    void skip(long nanos) {
        skippedNanos.addAndGet(nanos);
    }
}
