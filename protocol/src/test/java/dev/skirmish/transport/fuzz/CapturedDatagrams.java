package dev.skirmish.transport.fuzz;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The most recent genuine datagrams of one kind, captured from the simulated network's tap as
 * seeds for mutation: a fixed-size ring, so the seeds stay fresh and memory stays flat.
 */
final class CapturedDatagrams {
    /** One captured datagram, with the addresses it travelled between. */
    record Captured(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
    }

    private final Captured[] ring;
    private int next;
    private int size;

    CapturedDatagrams(int capacity) {
        ring = new Captured[capacity];
    }

    void add(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
        ring[next] = new Captured(from, to, bytes);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Forgets everything captured so far. */
    void clear() {
        Arrays.fill(ring, null);
        next = 0;
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** A captured datagram chosen at random; the pool must not be empty. */
    Captured pick(SplittableRandom random) {
        return ring[random.nextInt(size)];
    }
}
