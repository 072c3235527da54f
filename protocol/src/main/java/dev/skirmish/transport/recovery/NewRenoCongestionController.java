package dev.skirmish.transport.recovery;

/**
 * NewReno congestion control as RFC 9002 §7 and Appendix B define it for QUIC: the default
 * profile for play over the Internet.
 *
 * <ul>
 *   <li><b>Initial window</b> {@code min(10 * maxDatagram, max(2 * maxDatagram, 14720))} bytes:
 *       ten datagrams, but never more than 14720 bytes unless that is less than two datagrams.</li>
 *   <li><b>Slow start</b> (window below the slow start threshold): each acknowledged byte adds a
 *       byte, doubling the window every round trip.</li>
 *   <li><b>Congestion avoidance</b>: each acknowledgement of {@code acked} bytes adds
 *       {@code maxDatagram * acked / window}, about one datagram per window acknowledged. The
 *       fractional part is carried to the next acknowledgement, so a stream of small packets
 *       grows the window as fast as a stream of large ones.</li>
 *   <li><b>Recovery</b>: a loss halves the window (never below the minimum of two datagrams) and
 *       starts a recovery period at that instant. Further losses of packets sent before then belong
 *       to the same congestion event and are ignored, so one burst of loss halves the window once;
 *       acknowledgements of packets sent before then do not grow the window. The period ends, in
 *       effect, with the first acknowledgement of a packet sent after it started. (RFC 9002 lets the
 *       connection send one packet at once on entering recovery; that choice is the connection's.)</li>
 *   <li><b>Application-limited</b> acknowledgements never grow the window: a window that was not
 *       filled proved nothing about the path.</li>
 *   <li><b>Persistent congestion</b> collapses the window to the minimum and ends the recovery
 *       period, so the next acknowledgements restart slow start up to the threshold.</li>
 * </ul>
 *
 * <p>{@link #onPacketSent} does nothing here: bytes in flight are the connection's bookkeeping.
 * The window saturates at {@link #MAX_WINDOW_BYTES}. Not thread-safe; owned by one connection.
 */
public final class NewRenoCongestionController implements CongestionController {

    /** The window never grows beyond this, which keeps the growth arithmetic exact. */
    public static final long MAX_WINDOW_BYTES = 1L << 62;

    private static final long INITIAL_WINDOW_CAP_BYTES = 14_720;
    private static final int INITIAL_WINDOW_DATAGRAMS = 10;
    private static final int MINIMUM_WINDOW_DATAGRAMS = 2;

    private final int maxDatagramBytes;
    private final long initialWindowBytes;
    private final long minimumWindowBytes;

    private long congestionWindowBytes;
    private long slowStartThresholdBytes;
    /** Congestion-avoidance growth not yet added, in units of 1 / congestionWindowBytes of a byte. */
    private long pendingGrowthNumerator;
    private boolean recoveryStarted;
    private long recoveryStartNanos;

    /**
     * @param maxDatagramBytes the largest datagram the connection sends
     * @throws IllegalArgumentException unless {@code maxDatagramBytes} is positive
     */
    public NewRenoCongestionController(int maxDatagramBytes) {
        if (maxDatagramBytes <= 0) {
            throw new IllegalArgumentException("maxDatagramBytes must be positive: " + maxDatagramBytes);
        }
        this.maxDatagramBytes = maxDatagramBytes;
        this.minimumWindowBytes = (long) MINIMUM_WINDOW_DATAGRAMS * maxDatagramBytes;
        this.initialWindowBytes = Math.min((long) INITIAL_WINDOW_DATAGRAMS * maxDatagramBytes,
                Math.max(minimumWindowBytes, INITIAL_WINDOW_CAP_BYTES));
        reset();
    }

    /**
     * Returns to the initial window with no slow start threshold and no recovery period, as a
     * connection should when its peer moves to a new path (RFC 9000 §9.4).
     */
    public void reset() {
        congestionWindowBytes = initialWindowBytes;
        slowStartThresholdBytes = Long.MAX_VALUE;
        pendingGrowthNumerator = 0;
        recoveryStarted = false;
        recoveryStartNanos = 0;
    }

    @Override
    public long congestionWindowBytes() {
        return congestionWindowBytes;
    }

    @Override
    public void onPacketSent(long nowNanos, int bytes) {
        requireNonNegative(bytes);
    }

    @Override
    public void onPacketAcked(long nowNanos, long sentTimeNanos, int bytes, boolean applicationLimited) {
        requireNonNegative(bytes);
        if (applicationLimited || sentBeforeRecoveryStart(sentTimeNanos)) {
            return;
        }
        if (inSlowStart()) {
            congestionWindowBytes = Math.min(congestionWindowBytes + bytes, MAX_WINDOW_BYTES);
        } else {
            growInCongestionAvoidance(bytes);
        }
    }

    private void growInCongestionAvoidance(int ackedBytes) {
        // Both terms are below 2^62, so the sum cannot overflow.
        long numerator = (long) maxDatagramBytes * ackedBytes + pendingGrowthNumerator;
        long growth = numerator / congestionWindowBytes;
        pendingGrowthNumerator = numerator % congestionWindowBytes;
        congestionWindowBytes = Math.min(congestionWindowBytes + growth, MAX_WINDOW_BYTES);
    }

    @Override
    public void onCongestionEvent(long nowNanos, long sentTimeNanos) {
        if (sentBeforeRecoveryStart(sentTimeNanos)) {
            return;
        }
        recoveryStarted = true;
        recoveryStartNanos = nowNanos;
        slowStartThresholdBytes = congestionWindowBytes / 2;
        congestionWindowBytes = Math.max(slowStartThresholdBytes, minimumWindowBytes);
        pendingGrowthNumerator = 0;
    }

    @Override
    public void onPersistentCongestion() {
        congestionWindowBytes = minimumWindowBytes;
        pendingGrowthNumerator = 0;
        recoveryStarted = false;
    }

    @Override
    public boolean inSlowStart() {
        return congestionWindowBytes < slowStartThresholdBytes;
    }

    @Override
    public long slowStartThresholdBytes() {
        return slowStartThresholdBytes;
    }

    /** Whether a packet sent at {@code sentTimeNanos} was sent at or before the current recovery period began. */
    public boolean sentBeforeRecoveryStart(long sentTimeNanos) {
        return recoveryStarted && sentTimeNanos - recoveryStartNanos <= 0;
    }

    /** The window after construction or {@link #reset()}. */
    public long initialWindowBytes() {
        return initialWindowBytes;
    }

    /** The smallest window: two datagrams. */
    public long minimumWindowBytes() {
        return minimumWindowBytes;
    }

    /** The datagram size the window arithmetic is based on. */
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    private static void requireNonNegative(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}
