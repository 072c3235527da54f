package dev.skirmish.client.window;

import dev.skirmish.client.ClientView;
import java.util.function.LongConsumer;

/**
 * What the window draws from: the newest {@link ClientView} of a game client driven on another thread,
 * the times at which its snapshots arrived (for the net graph), and the clock both share. Implemented by
 * a live session over UDP and by demo playback. Every method is called on the render thread only.
 */
public interface ViewFeed {

    /** The newest published view; valid until the next call. */
    ClientView latestView();

    /** Hands each snapshot arrival queued since the last call, in order, to {@code arrivalNanos}. */
    void drainSnapshotArrivals(LongConsumer arrivalNanos);

    /** The clock the arrival times are on; monotonic nanoseconds. */
    long nowNanos();
}
