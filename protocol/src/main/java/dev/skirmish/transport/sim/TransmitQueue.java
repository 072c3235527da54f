package dev.skirmish.transport.sim;

/**
 * The bottleneck of one directed link: a transmitter that serializes datagrams one after the other
 * at a fixed rate, fed by a FIFO that holds a bounded number of bytes and drops arrivals that do
 * not fit (tail drop). A datagram occupies the queue until its last byte has been serialized.
 */
final class TransmitQueue {

    /** Returned by {@link #admit} for a datagram that did not fit. */
    static final long TAIL_DROPPED = -1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    // A ring of the datagrams not yet fully serialized: when each finishes and its size.
    private long[] finishNanos = new long[16];
    private int[] sizes = new int[16];
    private int head;
    private int count;
    private long queuedBytes;

    /**
     * Queues a datagram offered at {@code nowNanos}.
     *
     * @return the instant its last byte leaves the transmitter, or {@link #TAIL_DROPPED}
     */
    long admit(long nowNanos, int sizeBytes, long bytesPerSecond, long queueLimitBytes) {
        drainUntil(nowNanos);
        if (queuedBytes + sizeBytes > queueLimitBytes) {
            return TAIL_DROPPED;
        }
        long startNanos = count == 0 ? nowNanos : lastFinishNanos();
        long finish = startNanos + serializationNanos(sizeBytes, bytesPerSecond);
        append(finish, sizeBytes);
        return finish;
    }

    static long serializationNanos(int sizeBytes, long bytesPerSecond) {
        // Rounded up so that a rate is never exceeded; sizeBytes * 1e9 fits a long for any int.
        return (sizeBytes * NANOS_PER_SECOND + bytesPerSecond - 1) / bytesPerSecond;
    }

    private void drainUntil(long nowNanos) {
        while (count > 0 && finishNanos[head] - nowNanos <= 0) {
            queuedBytes -= sizes[head];
            head = (head + 1) % finishNanos.length;
            count--;
        }
    }

    private long lastFinishNanos() {
        return finishNanos[(head + count - 1) % finishNanos.length];
    }

    private void append(long finish, int sizeBytes) {
        if (count == finishNanos.length) {
            grow();
        }
        int tail = (head + count) % finishNanos.length;
        finishNanos[tail] = finish;
        sizes[tail] = sizeBytes;
        count++;
        queuedBytes += sizeBytes;
    }

    private void grow() {
        long[] newFinish = new long[finishNanos.length * 2];
        int[] newSizes = new int[sizes.length * 2];
        for (int i = 0; i < count; i++) {
            newFinish[i] = finishNanos[(head + i) % finishNanos.length];
            newSizes[i] = sizes[(head + i) % sizes.length];
        }
        finishNanos = newFinish;
        sizes = newSizes;
        head = 0;
    }
}
