package dev.skirmish.server;

/**
 * The fixed-rate tick clock of a {@link GameServer}: tick {@code k} is due at
 * {@code anchor + (k - anchorTick) * 1e9 / tickRate} nanoseconds, computed from the anchor each time so
 * that rounding never accumulates into drift (60 Hz has no whole-nanosecond period).
 *
 * <p>The schedule is anchored at {@link #start}. A driver that falls behind (a paused process, an
 * overloaded machine) runs the overdue ticks back to back while it is at most
 * {@code maxLateTicks} periods late; beyond that, {@link #skipIfLate} drops the backlog, counts it,
 * and re-anchors at the present so the next tick runs now and the following ones keep the rate.
 * Tick numbers stay consecutive either way: every count measured in ticks (respawn delays, match
 * length, rocket ages) keeps meaning simulated time. Not thread-safe.
 */
final class TickSchedule {

    private final int tickRateHz;
    private final long maxLateNanos;
    private boolean started;
    private long anchorNanos;
    private int anchorTick;
    private int nextTick;
    private long skippedTicks;
    private long skipEvents;

    TickSchedule(int tickRateHz, int maxLateTicks) {
        if (tickRateHz < 1) {
            throw new IllegalArgumentException("tick rate must be >= 1 Hz, got " + tickRateHz);
        }
        this.tickRateHz = tickRateHz;
        this.maxLateNanos = offsetNanos(maxLateTicks);
    }

    /** Anchors tick 0 at {@code nowNanos}. */
    void start(long nowNanos) {
        if (started) {
            throw new IllegalStateException("schedule already started");
        }
        started = true;
        anchorNanos = nowNanos;
        anchorTick = 0;
        nextTick = 0;
    }

    boolean started() {
        return started;
    }

    /** The number of the next tick to run. */
    int nextTick() {
        return nextTick;
    }

    /** When the next tick is due. */
    long nextTickNanos() {
        return anchorNanos + offsetNanos(nextTick - anchorTick);
    }

    boolean isDue(long nowNanos) {
        return started && nextTickNanos() - nowNanos <= 0;
    }

    /**
     * If the next tick is more than the allowed lateness overdue, forgets the overdue ticks (counting
     * them) and re-anchors so the next tick is due at {@code nowNanos}. Returns how many were skipped.
     */
    long skipIfLate(long nowNanos) {
        long lateNanos = nowNanos - nextTickNanos();
        if (lateNanos <= maxLateNanos) {
            return 0;
        }
        long skipped = lateNanos * tickRateHz / 1_000_000_000L;
        skippedTicks += skipped;
        skipEvents++;
        anchorNanos = nowNanos;
        anchorTick = nextTick;
        return skipped;
    }

    /** Marks the next tick as run. */
    void advance() {
        nextTick++;
    }

    /** Periods dropped by {@link #skipIfLate} so far. */
    long skippedTicks() {
        return skippedTicks;
    }

    /** How often the schedule had to skip ahead. */
    long skipEvents() {
        return skipEvents;
    }

    private long offsetNanos(long ticks) {
        return ticks * 1_000_000_000L / tickRateHz;
    }
}
