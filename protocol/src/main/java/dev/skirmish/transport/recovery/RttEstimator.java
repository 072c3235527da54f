package dev.skirmish.transport.recovery;

/**
 * The round-trip-time estimate of one path: smoothed RTT, RTT variance, minimum and latest RTT,
 * maintained as RFC 9002 §5 prescribes.
 *
 * <p>Contract:
 * <ul>
 *   <li>Before the first sample, {@link #smoothedRttMicros()} is the configured initial RTT and
 *       {@link #rttVarianceMicros()} half of it, so timers have something sensible to work with;
 *       {@link #minRttMicros()} and {@link #latestRttMicros()} are {@code 0} and
 *       {@link #hasSamples()} is {@code false}.</li>
 *   <li>{@link #onSample} takes one RTT measurement: the time from sending the largest newly
 *       acknowledged ack-eliciting packet to receiving its acknowledgement, and the ack delay the
 *       peer reported, already capped by the caller at the peer's maximum ack delay. The
 *       transport never reuses a packet number, which is what makes such samples unambiguous.</li>
 *   <li>The minimum RTT includes the peer's ack delay (it is never adjusted), so it is a
 *       conservative floor that a lying or buggy peer cannot push below the true path RTT.</li>
 *   <li>Samples are clamped to {@code [1, MAX_RTT_MICROS]}: a zero arises honestly on a
 *       sub-microsecond loopback path, and the upper bound keeps the fixed-point arithmetic from
 *       overflowing. The smoothing weights (7/8, 3/4) are applied in integer microseconds, rounded
 *       to the nearest microsecond.</li>
 * </ul>
 * Not thread-safe; owned by one connection.
 */
public final class RttEstimator {

    /** Largest sample accepted; larger ones are clamped to it (about 18,000 years). */
    public static final long MAX_RTT_MICROS = Long.MAX_VALUE >> 4;

    private final long initialRttMicros;
    private long smoothedRttMicros;
    private long rttVarianceMicros;
    private long minRttMicros;
    private long latestRttMicros;
    private long sampleCount;

    /**
     * @param initialRttMicros the RTT assumed before any sample (RFC 9002 suggests 333 ms for the
     *                         open Internet; a LAN profile would choose far less)
     * @throws IllegalArgumentException unless {@code 0 < initialRttMicros <= MAX_RTT_MICROS}
     */
    public RttEstimator(long initialRttMicros) {
        if (initialRttMicros <= 0 || initialRttMicros > MAX_RTT_MICROS) {
            throw new IllegalArgumentException(
                    "initialRttMicros must be in (0, " + MAX_RTT_MICROS + "]: " + initialRttMicros);
        }
        this.initialRttMicros = initialRttMicros;
        reset();
    }

    /**
     * Forgets every sample and returns to the initial estimate, as a connection should when its
     * peer moves to a new path (RFC 9000 §9.4): the old path's RTT says nothing about the new one.
     */
    public void reset() {
        smoothedRttMicros = initialRttMicros;
        rttVarianceMicros = initialRttMicros / 2;
        minRttMicros = 0;
        latestRttMicros = 0;
        sampleCount = 0;
    }

    /**
     * Takes one RTT sample.
     *
     * @param latestRttMicros the measured round trip; non-positive values are clamped to 1 µs
     * @param ackDelayMicros  the delay the peer reported between receiving the packet and sending
     *                        its acknowledgement, already capped at the peer's maximum ack delay;
     *                        negative values count as 0
     */
    public void onSample(long latestRttMicros, long ackDelayMicros) {
        long latest = Math.min(Math.max(latestRttMicros, 1), MAX_RTT_MICROS);
        long ackDelay = Math.max(ackDelayMicros, 0);
        this.latestRttMicros = latest;
        if (sampleCount == 0) {
            minRttMicros = latest;
            smoothedRttMicros = latest;
            rttVarianceMicros = latest / 2;
        } else {
            minRttMicros = Math.min(minRttMicros, latest);
            // Subtracting the ack delay must never take the sample below the path's minimum RTT: the
            // peer's reported delay is then implausible (or includes scheduling noise). RFC 9002 §5.3
            // keeps the whole sample in that case; we clamp at the minimum instead. On a LAN the RTT is
            // ~100 us while a game's acks wait up to a tick (16 ms): the RFC rule then counts whole
            // 16 ms samples whenever jitter dips below the minimum, and the smoothed RTT (the ping a
            // player sees, and the probe timeout) inflates fiftyfold. The clamp still never lets an
            // overstated delay pull the estimate below what the path has shown it can do.
            long adjusted = Math.max(latest - ackDelay, minRttMicros);
            long deviation = Math.abs(smoothedRttMicros - adjusted);
            rttVarianceMicros = (3 * rttVarianceMicros + deviation + 2) / 4;
            smoothedRttMicros = (7 * smoothedRttMicros + adjusted + 4) / 8;
        }
        sampleCount++;
    }

    /** The smoothed RTT; the initial RTT before the first sample. */
    public long smoothedRttMicros() {
        return smoothedRttMicros;
    }

    /** The mean deviation of RTT samples (RFC 9002's rttvar); half the initial RTT before the first sample. */
    public long rttVarianceMicros() {
        return rttVarianceMicros;
    }

    /** The smallest RTT sample seen, ack delay included; {@code 0} before the first sample. */
    public long minRttMicros() {
        return minRttMicros;
    }

    /** The most recent RTT sample, ack delay included; {@code 0} before the first sample. */
    public long latestRttMicros() {
        return latestRttMicros;
    }

    /** Whether at least one sample has been taken since construction or the last {@link #reset()}. */
    public boolean hasSamples() {
        return sampleCount > 0;
    }

    /** How many samples have been taken since construction or the last {@link #reset()}. */
    public long sampleCount() {
        return sampleCount;
    }

    /**
     * How long after a later packet was acknowledged an unacknowledged packet is declared lost
     * (RFC 9002 §6.1.2): {@code max(9/8 * max(smoothed, latest), granularity)}, rounded up.
     * The 9/8 margin tolerates reordering and RTT jitter of an eighth of an RTT; taking the larger
     * of smoothed and latest reacts at once to a sudden RTT increase; the granularity keeps the
     * delay from being shorter than the timer that must fire it.
     *
     * @param granularityMicros the precision of the driver's timers (RFC 9002 suggests 1 ms)
     * @throws IllegalArgumentException if {@code granularityMicros} is negative
     */
    public long lossDelayMicros(long granularityMicros) {
        if (granularityMicros < 0) {
            throw new IllegalArgumentException("granularityMicros must not be negative: " + granularityMicros);
        }
        long rtt = Math.max(smoothedRttMicros, latestRttMicros);
        long threshold = rtt + (rtt + 7) / 8;
        return Math.max(threshold, granularityMicros);
    }
}
