package dev.skirmish.client;

/**
 * Estimates, on the client's clock, which server tick is "now" as far as snapshots can show it: the
 * tick of a snapshot that would be arriving at this instant if none were delayed more than the
 * fastest one. Interpolation draws other players a fixed delay behind this estimate.
 *
 * <p>Each snapshot arrival gives a sample {@code offset = tick - arrival * rate} (in ticks). Network
 * jitter only ever makes a snapshot late, which lowers its sample, so the estimate follows the
 * <em>highest</em> samples: it jumps up to any sample above it, and otherwise sinks slowly
 * ({@link #DECAY_TICKS_PER_SECOND}) so that a path that became slower for good is followed too. A sample
 * more than a second's worth of ticks below the estimate means the server stalled or restarted its
 * tick count; the estimate is reset to it.
 *
 * <p>All arithmetic is on the instants passed in; not thread-safe.
 */
public final class ServerClock {

    /** How fast the estimate sinks while no sample reaches it, in ticks per second. */
    static final double DECAY_TICKS_PER_SECOND = 0.5;

    private static final double NANOS_PER_SECOND = 1e9;

    private final int tickRateHz;
    private boolean hasEstimate;
    private double offsetTicks;
    private long lastSampleNanos;

    /** A clock for a server ticking at {@code tickRateHz}. */
    public ServerClock(int tickRateHz) {
        if (tickRateHz < 1) {
            throw new IllegalArgumentException("tick rate must be >= 1 Hz, got " + tickRateHz);
        }
        this.tickRateHz = tickRateHz;
    }

    /** Takes the arrival of the snapshot of {@code tick} at {@code arrivalNanos}. */
    public void onSnapshot(int tick, long arrivalNanos) {
        double sample = tick - ticksOf(arrivalNanos);
        if (!hasEstimate || sample < offsetTicks - tickRateHz) {
            offsetTicks = sample;
            hasEstimate = true;
        } else {
            offsetTicks -= DECAY_TICKS_PER_SECOND * (arrivalNanos - lastSampleNanos) / NANOS_PER_SECOND;
            offsetTicks = Math.max(offsetTicks, sample);
        }
        lastSampleNanos = arrivalNanos;
    }

    /** Whether any snapshot has arrived. */
    public boolean hasEstimate() {
        return hasEstimate;
    }

    /** The estimated newest server tick at {@code nowNanos}, with fraction; 0 before any snapshot. */
    public double ticksAt(long nowNanos) {
        return hasEstimate ? ticksOf(nowNanos) + offsetTicks : 0;
    }

    /** The server's tick rate. */
    public int tickRateHz() {
        return tickRateHz;
    }

    private double ticksOf(long nanos) {
        return nanos * (tickRateHz / NANOS_PER_SECOND);
    }
}
