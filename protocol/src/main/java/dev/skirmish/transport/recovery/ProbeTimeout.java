package dev.skirmish.transport.recovery;

/**
 * The probe timeout (PTO) rule: how long to wait for an acknowledgement before sending a probe
 * (a retransmission or any ack-eliciting packet) to find out whether the tail of the flight, or
 * the path itself, was lost (RFC 9002 §6.2; the successor of RFC 6298's RTO).
 *
 * <pre>
 *   base    = smoothed + max(4 * variance, granularity) + maxAckDelay
 *   timeout = clamp(base &lt;&lt; backoffExponent, floor, ceiling)
 * </pre>
 *
 * <p>Why each term:
 * <ul>
 *   <li>{@code smoothed + 4 * variance} is where an acknowledgement is still plausibly on its
 *       way; waiting less fires spuriously on ordinary jitter.</li>
 *   <li>{@code granularity} keeps that margin from collapsing below what the driver's timers can
 *       resolve when the RTT is very stable.</li>
 *   <li>{@code maxAckDelay} is how long the peer may sit on an acknowledgement on purpose.</li>
 *   <li>The backoff doubles the wait after each consecutive expiry without an acknowledgement,
 *       so a dead or saturated path is probed ever more gently instead of flooded; the caller
 *       resets the exponent to 0 when an acknowledgement arrives.</li>
 *   <li>The floor and ceiling are ours, not RFC 9002's: the floor guards against timers that
 *       fire spuriously on a LAN whose RTT is far below scheduling noise; the ceiling bounds how
 *       long a game waits between probes, so recovery after an outage starts within a predictable
 *       time (detecting a dead peer is the idle timeout's job, not the backoff's). Both are
 *       applied after the backoff, so on a fast path the first few expiries all wait the floor
 *       before doubling becomes visible.</li>
 * </ul>
 *
 * <p>All arithmetic saturates, so any exponent is safe: large ones simply reach the ceiling.
 * Immutable and thread-safe.
 */
public final class ProbeTimeout {

    private final long floorMicros;
    private final long ceilingMicros;
    private final long granularityMicros;

    /**
     * @param floorMicros       shortest timeout ever returned
     * @param ceilingMicros     longest timeout ever returned
     * @param granularityMicros the precision of the driver's timers (RFC 9002 suggests 1 ms)
     * @throws IllegalArgumentException unless all are positive and {@code floorMicros <= ceilingMicros}
     */
    public ProbeTimeout(long floorMicros, long ceilingMicros, long granularityMicros) {
        if (floorMicros <= 0 || ceilingMicros <= 0 || granularityMicros <= 0) {
            throw new IllegalArgumentException("floor, ceiling and granularity must be positive: floor="
                    + floorMicros + " ceiling=" + ceilingMicros + " granularity=" + granularityMicros);
        }
        if (floorMicros > ceilingMicros) {
            throw new IllegalArgumentException(
                    "floorMicros " + floorMicros + " exceeds ceilingMicros " + ceilingMicros);
        }
        this.floorMicros = floorMicros;
        this.ceilingMicros = ceilingMicros;
        this.granularityMicros = granularityMicros;
    }

    /**
     * The probe timeout for the current RTT estimate.
     *
     * @param rtt               the path's RTT estimate
     * @param maxAckDelayMicros the peer's maximum ack delay; 0 while the peer is known to
     *                          acknowledge immediately (during the handshake)
     * @param backoffExponent   how many probe timeouts in a row have expired without an
     *                          acknowledgement
     * @throws IllegalArgumentException if {@code maxAckDelayMicros} or {@code backoffExponent} is negative
     */
    public long timeoutMicros(RttEstimator rtt, long maxAckDelayMicros, int backoffExponent) {
        if (maxAckDelayMicros < 0) {
            throw new IllegalArgumentException("maxAckDelayMicros must not be negative: " + maxAckDelayMicros);
        }
        if (backoffExponent < 0) {
            throw new IllegalArgumentException("backoffExponent must not be negative: " + backoffExponent);
        }
        long margin = Math.max(Saturating.shiftLeft(rtt.rttVarianceMicros(), 2), granularityMicros);
        long base = Saturating.add(Saturating.add(rtt.smoothedRttMicros(), margin), maxAckDelayMicros);
        long backedOff = Saturating.shiftLeft(base, backoffExponent);
        return Math.min(Math.max(backedOff, floorMicros), ceilingMicros);
    }

    /** The shortest timeout ever returned. */
    public long floorMicros() {
        return floorMicros;
    }

    /** The longest timeout ever returned. */
    public long ceilingMicros() {
        return ceilingMicros;
    }

    /** The timer precision used as the least variance margin. */
    public long granularityMicros() {
        return granularityMicros;
    }
}
