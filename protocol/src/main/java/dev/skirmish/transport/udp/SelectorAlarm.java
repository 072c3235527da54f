package dev.skirmish.transport.udp;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a {@link Selector} at an instant finer than the millisecond its {@code select(timeout)} can
 * express: a thread of its own parks until the armed instant ({@link System#nanoTime()}) and then calls
 * {@link Selector#wakeup()}. The selecting thread blocks as usual, so a datagram still wakes it at once;
 * the alarm only ends the wait early when the instant comes first.
 *
 * <p>At most one instant is armed at a time; arming again replaces it. A wake-up can land just after
 * the selecting thread disarmed (it raced with the datagram that woke the thread); then the next select
 * returns at once with nothing ready, which a caller that loops until its deadline simply absorbs.
 *
 * <p>The thread starts on the first {@link #armAt} and ends with {@link #close()}. {@link #armAt} and
 * {@link #disarm()} are for the one thread that selects; {@link #close()} is safe from any thread.
 */
final class SelectorAlarm implements AutoCloseable {

    private static final long DISARMED = Long.MIN_VALUE;

    private final Selector selector;
    private final String threadName;
    private final AtomicLong armedNanos = new AtomicLong(DISARMED);
    private volatile boolean closed;
    private volatile Thread thread;

    SelectorAlarm(Selector selector, String threadName) {
        this.selector = selector;
        this.threadName = threadName;
    }

    /** Wakes the selector at {@code nanos} (System.nanoTime) unless disarmed or re-armed before then. */
    void armAt(long nanos) {
        long effective = nanos == DISARMED ? nanos + 1 : nanos;
        armedNanos.set(effective);
        Thread alarm = thread;
        if (alarm == null) {
            alarm = start();
        }
        LockSupport.unpark(alarm);
    }

    /** Cancels the armed instant, if any. */
    void disarm() {
        armedNanos.set(DISARMED);
    }

    /** Stops the thread; idempotent. */
    @Override
    public void close() {
        closed = true;
        Thread alarm = thread;
        if (alarm != null) {
            LockSupport.unpark(alarm);
        }
    }

    private Thread start() {
        Thread alarm = new Thread(this::run, threadName);
        alarm.setDaemon(true);
        thread = alarm;
        alarm.start();
        return alarm;
    }

    private void run() {
        while (!closed) {
            long armed = armedNanos.get();
            if (armed == DISARMED) {
                LockSupport.park(this);
                continue;
            }
            long leftNanos = armed - System.nanoTime();
            if (leftNanos > 0) {
                LockSupport.parkNanos(this, leftNanos);
            } else if (armedNanos.compareAndSet(armed, DISARMED)) {
                selector.wakeup();
            }
        }
    }
}
