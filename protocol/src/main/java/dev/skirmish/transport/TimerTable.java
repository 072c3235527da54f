package dev.skirmish.transport;

import java.util.Arrays;

/** One deadline per {@link ConnectionTimer}; {@link NetworkNode#NO_DEADLINE} when unset. */
final class TimerTable {
    private final long[] deadlines = new long[ConnectionTimer.ALL.length];

    TimerTable() {
        Arrays.fill(deadlines, NetworkNode.NO_DEADLINE);
    }

    void set(ConnectionTimer timer, long deadlineNanos) {
        deadlines[timer.ordinal()] = deadlineNanos;
    }

    void cancel(ConnectionTimer timer) {
        deadlines[timer.ordinal()] = NetworkNode.NO_DEADLINE;
    }

    long get(ConnectionTimer timer) {
        return deadlines[timer.ordinal()];
    }

    boolean isSet(ConnectionTimer timer) {
        return deadlines[timer.ordinal()] != NetworkNode.NO_DEADLINE;
    }

    /** Whether {@code timer} is set and due at {@code nowNanos}; a due timer is cancelled. */
    boolean expire(ConnectionTimer timer, long nowNanos) {
        long deadline = deadlines[timer.ordinal()];
        if (deadline == NetworkNode.NO_DEADLINE || deadline - nowNanos > 0) {
            return false;
        }
        deadlines[timer.ordinal()] = NetworkNode.NO_DEADLINE;
        return true;
    }

    long earliest() {
        long earliest = NetworkNode.NO_DEADLINE;
        for (long deadline : deadlines) {
            if (deadline != NetworkNode.NO_DEADLINE && (earliest == NetworkNode.NO_DEADLINE || deadline - earliest < 0)) {
                earliest = deadline;
            }
        }
        return earliest;
    }

    void cancelAll() {
        Arrays.fill(deadlines, NetworkNode.NO_DEADLINE);
    }
}
