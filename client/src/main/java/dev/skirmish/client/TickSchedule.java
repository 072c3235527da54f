package dev.skirmish.client;

import dev.skirmish.transport.NetworkNode;

/**
 * When the client's ticks fall due: at a fixed rate from a start instant, tick {@code k} at
 * {@code start + k * 1e9 / rate} nanoseconds (computed from {@code k}, so the schedule never drifts).
 *
 * <p>A driver that wakes late gets the ticks it missed, up to {@link #MAX_CATCH_UP_TICKS} at once, so a
 * short stall costs no commands. Beyond that the missed ticks are skipped and counted: after a long
 * stall a burst of stale commands would only make the server queue them.
 */
final class TickSchedule {

    /** Most overdue ticks run in one wake-up. */
    static final int MAX_CATCH_UP_TICKS = 5;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long startNanos;
    private int rateHz;
    private long nextIndex;
    private boolean running;
    private long skippedTicks;

    /** Starts ticking at {@code rateHz}, the first tick due at {@code startNanos}. */
    void start(long startNanos, int rateHz) {
        if (rateHz < 1) {
            throw new IllegalArgumentException("tick rate must be >= 1 Hz, got " + rateHz);
        }
        this.startNanos = startNanos;
        this.rateHz = rateHz;
        this.nextIndex = 0;
        this.running = true;
    }

    /** Stops ticking. */
    void stop() {
        running = false;
    }

    /** When the next tick is due, or {@link NetworkNode#NO_DEADLINE} when stopped. */
    long nextTickNanos() {
        return running ? instantOf(nextIndex) : NetworkNode.NO_DEADLINE;
    }

    /**
     * Takes the ticks due at {@code nowNanos}: returns how many to run now (0..{@link #MAX_CATCH_UP_TICKS})
     * and moves the schedule past every due tick, counting those skipped.
     */
    int takeDue(long nowNanos) {
        if (!running || instantOf(nextIndex) - nowNanos > 0) {
            return 0;
        }
        long lastDue = (nowNanos - startNanos) * rateHz / NANOS_PER_SECOND;
        while (instantOf(lastDue + 1) - nowNanos <= 0) {
            lastDue++;
        }
        long due = lastDue - nextIndex + 1;
        nextIndex = lastDue + 1;
        int run = (int) Math.min(due, MAX_CATCH_UP_TICKS);
        skippedTicks += due - run;
        return run;
    }

    /** Ticks skipped after stalls. */
    long skippedTicks() {
        return skippedTicks;
    }

    private long instantOf(long index) {
        return startNanos + index * NANOS_PER_SECOND / rateHz;
    }
}
