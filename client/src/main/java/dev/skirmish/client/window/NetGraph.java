package dev.skirmish.client.window;

import dev.skirmish.client.ClientStats;
import dev.skirmish.client.ClientView;

/**
 * The net graph's history: over the last {@link #SAMPLES} samples, one every
 * {@link #SAMPLE_INTERVAL_NANOS}, the RTT, loss, snapshot arrival rate and largest gap between
 * arrivals, kbps down and up, prediction corrections and interpolation buffer depth.
 *
 * <p>Owned by the render thread: it is fed once per frame with the view it draws ({@link #sample}) and
 * with the snapshot arrival times the network thread queued ({@link #snapshotArrived}). Rates come from
 * the difference between successive statistics records, not from the session averages, so the graph
 * shows the present. Fixed memory; never allocates after construction.
 */
public final class NetGraph {

    /** Samples kept. */
    public static final int SAMPLES = 60;
    /** Time between samples: the graph spans {@code SAMPLES * SAMPLE_INTERVAL_NANOS} (six seconds). */
    public static final long SAMPLE_INTERVAL_NANOS = 100_000_000L;
    /** Window over which the snapshot arrival rate and gaps are measured. */
    public static final long ARRIVAL_WINDOW_NANOS = 1_000_000_000L;

    private static final int ARRIVALS_KEPT = 512;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MILLI = 1e6;

    /** What the graph plots. */
    public enum Series {
        RTT_MILLIS("rtt ms"),
        LOSS_PERCENT("loss %"),
        SNAPSHOTS_PER_SECOND("snap/s"),
        LARGEST_GAP_MILLIS("gap ms"),
        KBPS_DOWN("kbps dn"),
        KBPS_UP("kbps up"),
        CORRECTIONS("corr"),
        BUFFER_MILLIS("buf ms");

        private final String label;

        Series(String label) {
            this.label = label;
        }

        /** Short label for the graph. */
        public String label() {
            return label;
        }
    }

    private static final Series[] SERIES = Series.values();

    private final double[][] values = new double[SERIES.length][SAMPLES];
    private int newest = -1;
    private int size;
    private long nextSampleNanos = Long.MIN_VALUE;
    private final long[] arrivals = new long[ARRIVALS_KEPT];
    private int arrivalCount;
    private int arrivalNext;
    private ClientStats previousStats = ClientStats.EMPTY;
    private double kbpsDown;
    private double kbpsUp;
    private double correctionsPerSample;

    /** Records that a snapshot arrived at {@code nowNanos} (arrivals come in time order). */
    public void snapshotArrived(long nowNanos) {
        arrivals[arrivalNext] = nowNanos;
        arrivalNext = (arrivalNext + 1) % ARRIVALS_KEPT;
        arrivalCount = Math.min(arrivalCount + 1, ARRIVALS_KEPT);
    }

    /** Snapshots that arrived in the window ending at {@code nowNanos}, per second. */
    public double snapshotRateHz(long nowNanos) {
        int inWindow = 0;
        for (int i = 0; i < arrivalCount; i++) {
            if (nowNanos - arrival(i) <= ARRIVAL_WINDOW_NANOS) {
                inWindow++;
            }
        }
        return inWindow * NANOS_PER_SECOND / ARRIVAL_WINDOW_NANOS;
    }

    /**
     * The longest time without a snapshot in the window ending at {@code nowNanos}, in milliseconds,
     * counting the time since the newest arrival (a stalled stream shows as a growing gap).
     */
    public double largestGapMillis(long nowNanos) {
        if (arrivalCount == 0) {
            return 0;
        }
        long largest = nowNanos - arrival(0);
        for (int i = 0; i + 1 < arrivalCount; i++) {
            long later = arrival(i);
            if (nowNanos - later > ARRIVAL_WINDOW_NANOS) {
                break;
            }
            largest = Math.max(largest, later - arrival(i + 1));
        }
        return Math.min(largest, ARRIVAL_WINDOW_NANOS) / NANOS_PER_MILLI;
    }

    /** Arrival {@code age} (0 = newest). */
    private long arrival(int age) {
        return arrivals[Math.floorMod(arrivalNext - 1 - age, ARRIVALS_KEPT)];
    }

    /** Takes a sample from the view being drawn if the sample interval has passed; true if it did. */
    public boolean sample(long nowNanos, ClientView view) {
        if (nextSampleNanos != Long.MIN_VALUE && nowNanos - nextSampleNanos < 0) {
            return false;
        }
        nextSampleNanos = nowNanos + SAMPLE_INTERVAL_NANOS;
        ClientStats stats = view.stats();
        long elapsedNanos = stats.sessionNanos() - previousStats.sessionNanos();
        if (elapsedNanos > 0) {
            kbpsDown = (stats.bytesReceived() - previousStats.bytesReceived()) * 8 * NANOS_PER_SECOND / elapsedNanos / 1000;
            kbpsUp = (stats.bytesSent() - previousStats.bytesSent()) * 8 * NANOS_PER_SECOND / elapsedNanos / 1000;
            correctionsPerSample = (stats.corrections() - previousStats.corrections())
                    * (double) SAMPLE_INTERVAL_NANOS / elapsedNanos;
            previousStats = stats;
        }
        newest = (newest + 1) % SAMPLES;
        size = Math.min(size + 1, SAMPLES);
        put(Series.RTT_MILLIS, stats.rttMillis());
        put(Series.LOSS_PERCENT, stats.lossPercent());
        put(Series.SNAPSHOTS_PER_SECOND, snapshotRateHz(nowNanos));
        put(Series.LARGEST_GAP_MILLIS, largestGapMillis(nowNanos));
        put(Series.KBPS_DOWN, kbpsDown);
        put(Series.KBPS_UP, kbpsUp);
        put(Series.CORRECTIONS, correctionsPerSample);
        put(Series.BUFFER_MILLIS, bufferDepthMillis(view));
        return true;
    }

    /**
     * How far the drawn time lies behind the newest snapshot, in milliseconds: what the interpolation
     * buffer holds ahead of the render time (negative when extrapolating past the newest).
     */
    public static double bufferDepthMillis(ClientView view) {
        if (view.tickRateHz() <= 0 || view.newestSnapshotTick() < 0) {
            return 0;
        }
        return (view.newestSnapshotTick() - view.renderTick()) * 1000.0 / view.tickRateHz();
    }

    private void put(Series series, double value) {
        values[series.ordinal()][newest] = value;
    }

    /** Samples held, up to {@link #SAMPLES}. */
    public int size() {
        return size;
    }

    /** Sample {@code index} of a series, 0 = oldest held. */
    public double value(Series series, int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + size);
        }
        return values[series.ordinal()][Math.floorMod(newest - (size - 1 - index), SAMPLES)];
    }

    /** The newest sample of a series, 0 if none. */
    public double latest(Series series) {
        return size == 0 ? 0 : value(series, size - 1);
    }

    /** The largest sample of a series held, 0 if none. */
    public double max(Series series) {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, value(series, i));
        }
        return max;
    }
}
