package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake node with one timer: first due at {@code firstDeadlineNanos}, then every {@code periodNanos}
 * after the previous deadline, {@code firings} times in all. It records the instant of every wake-up
 * and every wake-up that came before its deadline (which the driver must never do).
 */
final class PeriodicTimerNode implements NetworkNode {

    private final long periodNanos;
    private final int firings;
    private final List<Long> deadlinesNanos = new ArrayList<>();
    private final List<Long> wakeUpsNanos = new ArrayList<>();
    private final List<String> earlyWakeUps = new ArrayList<>();
    private long deadlineNanos;

    PeriodicTimerNode(long firstDeadlineNanos, long periodNanos, int firings) {
        this.deadlineNanos = firstDeadlineNanos;
        this.periodNanos = periodNanos;
        this.firings = firings;
    }

    boolean isDone() {
        return wakeUpsNanos.size() == firings;
    }

    List<Long> deadlinesNanos() {
        return deadlinesNanos;
    }

    List<Long> wakeUpsNanos() {
        return wakeUpsNanos;
    }

    List<String> earlyWakeUps() {
        return earlyWakeUps;
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
    }

    @Override
    public void handleTimeout(long nowNanos) {
        if (isDone() || deadlineNanos - nowNanos > 0) {
            earlyWakeUps.add("woken at " + nowNanos + " with deadline "
                    + (isDone() ? "none" : String.valueOf(deadlineNanos)));
            return;
        }
        deadlinesNanos.add(deadlineNanos);
        wakeUpsNanos.add(nowNanos);
        deadlineNanos += periodNanos;
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
    }

    @Override
    public long nextTimeoutNanos() {
        return isDone() ? NO_DEADLINE : deadlineNanos;
    }
}
