package dev.skirmish.transport.recovery;

/**
 * Token-bucket pacing (RFC 9002 §7.7): spreads a congestion window's worth of datagrams over
 * the round trip instead of sending them back to back, so a window opening all at once does not
 * become a burst that overflows a router queue and is lost.
 *
 * <ul>
 *   <li><b>Rate</b> {@code 1.25 * window / smoothedRtt} bytes per second. The 5/4 gain lets the
 *       sender fill its window slightly faster than one RTT, so pacing itself never leaves the
 *       window under-used.</li>
 *   <li><b>Bucket capacity</b> {@code max(burstDatagrams * maxDatagram, rate * 1 ms)}: a short
 *       burst is allowed after idleness, and at high rates the bucket holds at least one
 *       millisecond of sending, so a driver whose timers fire with millisecond precision still
 *       reaches the full rate instead of being starved by sub-millisecond gaps.</li>
 *   <li>The bucket starts full. A datagram larger than the whole bucket may go once the bucket
 *       is full, leaving it in debt, so an oversized datagram is delayed but never blocked.</li>
 *   <li>An unlimited window ({@link Long#MAX_VALUE}, the LAN profile) never delays anything.</li>
 * </ul>
 *
 * <p>The tokens are held in time units: how long the current rate takes to deliver them. A
 * change of window or RTT therefore rescales the tokens with the rate; in particular, a window
 * just halved by a loss cannot spend credit saved at the old rate in one burst. All arithmetic is
 * integer and exact to the nanosecond, and saturates on extreme inputs instead of overflowing.
 *
 * <p>Call {@link #nextSendTimeNanos} before each datagram and {@link #onPacketSent} after it,
 * with the same window and RTT. Not thread-safe; owned by one connection; allocation-free.
 */
public final class Pacer {

    /** The least the bucket holds, in time at the current rate: one tick of a millisecond timer. */
    public static final long TIMER_GRANULARITY_NANOS = 1_000_000;

    /** 1000 ns per µs divided by the 5/4 pacing gain: {@code interval = bytes * rtt * 800 / window}. */
    private static final long NANOS_PER_MICRO_OVER_GAIN = 800;
    /** 10^6 µs per second times the 5/4 pacing gain: {@code rate = window * 1_250_000 / rtt}. */
    private static final long MICROS_PER_SECOND_TIMES_GAIN = 1_250_000;
    /** Bound on every duration the pacer computes (about 73 years), so sums of two cannot overflow. */
    private static final long MAX_DURATION_NANOS = 1L << 61;

    private final int maxDatagramBytes;
    private final int burstDatagrams;
    private final long burstBytes;

    private boolean bucketStarted;
    private long lastRefillNanos;
    /** Tokens in time units; negative when an oversized datagram or an unpaced send left a debt. */
    private long creditNanos;

    /**
     * @param maxDatagramBytes the largest datagram the connection sends
     * @param burstDatagrams   how many full datagrams may leave back to back after idleness
     * @throws IllegalArgumentException unless both are positive and the burst fits in an {@code int} of bytes
     */
    public Pacer(int maxDatagramBytes, int burstDatagrams) {
        if (maxDatagramBytes <= 0 || burstDatagrams <= 0) {
            throw new IllegalArgumentException("maxDatagramBytes and burstDatagrams must be positive: "
                    + maxDatagramBytes + ", " + burstDatagrams);
        }
        long burst = (long) maxDatagramBytes * burstDatagrams;
        if (burst > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("burst of " + burst + " bytes is too large");
        }
        this.maxDatagramBytes = maxDatagramBytes;
        this.burstDatagrams = burstDatagrams;
        this.burstBytes = burst;
    }

    /**
     * When a datagram of {@code bytes} may be sent: {@code nowNanos} if it may go now, otherwise
     * the instant the bucket will hold enough (assuming the window and RTT stay as they are).
     *
     * @param congestionWindowBytes the current window; {@link Long#MAX_VALUE} for unlimited
     * @param smoothedRttMicros     the current smoothed RTT
     * @throws IllegalArgumentException if {@code bytes} is negative or the window or RTT is not positive
     */
    public long nextSendTimeNanos(long nowNanos, int bytes, long congestionWindowBytes, long smoothedRttMicros) {
        requireValid(bytes, congestionWindowBytes, smoothedRttMicros);
        if (congestionWindowBytes == Long.MAX_VALUE) {
            return nowNanos;
        }
        long capacityNanos = capacityNanos(congestionWindowBytes, smoothedRttMicros);
        refill(nowNanos, capacityNanos);
        long neededNanos = Math.min(intervalNanos(bytes, congestionWindowBytes, smoothedRttMicros), capacityNanos);
        if (creditNanos >= neededNanos) {
            return nowNanos;
        }
        return Saturating.add(nowNanos, neededNanos - creditNanos);
    }

    /**
     * Takes the tokens for a datagram of {@code bytes} that was just sent. A datagram sent before
     * its time (a probe, say) leaves the bucket in debt, which later datagrams wait out.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or the window or RTT is not positive
     */
    public void onPacketSent(long nowNanos, int bytes, long congestionWindowBytes, long smoothedRttMicros) {
        requireValid(bytes, congestionWindowBytes, smoothedRttMicros);
        if (congestionWindowBytes == Long.MAX_VALUE) {
            // Unpaced: when a window applies again, it starts from a full bucket.
            bucketStarted = false;
            return;
        }
        refill(nowNanos, capacityNanos(congestionWindowBytes, smoothedRttMicros));
        long spentNanos = intervalNanos(bytes, congestionWindowBytes, smoothedRttMicros);
        creditNanos = Math.max(creditNanos - spentNanos, -MAX_DURATION_NANOS);
    }

    /** The pacing rate for a window and RTT: {@code 1.25 * window / rtt}; {@link Long#MAX_VALUE} when unlimited. */
    public static long rateBytesPerSecond(long congestionWindowBytes, long smoothedRttMicros) {
        requireValid(0, congestionWindowBytes, smoothedRttMicros);
        if (congestionWindowBytes == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Saturating.multiplyDivide(congestionWindowBytes, MICROS_PER_SECOND_TIMES_GAIN, smoothedRttMicros);
    }

    /** How many bytes the bucket holds when full, for a window and RTT: the larger of the burst and one millisecond at the rate. */
    public long capacityBytes(long congestionWindowBytes, long smoothedRttMicros) {
        long perMillisecond = rateBytesPerSecond(congestionWindowBytes, smoothedRttMicros) / 1000;
        return Math.max(burstBytes, perMillisecond);
    }

    /** The largest datagram the burst is measured in. */
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /** How many full datagrams may leave back to back after idleness. */
    public int burstDatagrams() {
        return burstDatagrams;
    }

    private void refill(long nowNanos, long capacityNanos) {
        if (!bucketStarted) {
            bucketStarted = true;
            creditNanos = capacityNanos;
        } else {
            long elapsedNanos = Math.min(Math.max(nowNanos - lastRefillNanos, 0), MAX_DURATION_NANOS);
            creditNanos = Math.min(creditNanos + elapsedNanos, capacityNanos);
        }
        lastRefillNanos = nowNanos;
    }

    private long capacityNanos(long congestionWindowBytes, long smoothedRttMicros) {
        return Math.max(intervalNanos(burstBytes, congestionWindowBytes, smoothedRttMicros), TIMER_GRANULARITY_NANOS);
    }

    /** How long the rate takes to deliver {@code bytes} (at most {@code Integer.MAX_VALUE}). */
    private static long intervalNanos(long bytes, long congestionWindowBytes, long smoothedRttMicros) {
        long interval = Saturating.multiplyDivide(bytes * NANOS_PER_MICRO_OVER_GAIN, smoothedRttMicros,
                congestionWindowBytes);
        return Math.min(interval, MAX_DURATION_NANOS);
    }

    private static void requireValid(int bytes, long congestionWindowBytes, long smoothedRttMicros) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        if (congestionWindowBytes <= 0) {
            throw new IllegalArgumentException("congestionWindowBytes must be positive: " + congestionWindowBytes);
        }
        if (smoothedRttMicros <= 0) {
            throw new IllegalArgumentException("smoothedRttMicros must be positive: " + smoothedRttMicros);
        }
    }
}
