package dev.skirmish.client.window;

import dev.skirmish.client.ClientView;

/**
 * A {@link ViewFeed} that plays a recording and takes the viewer's controls. The window maps its keys
 * to these (Space, -/+ or [/], Left/Right, Tab), follows {@link #followedPlayerId()} with its camera
 * and shows {@link #describe} in a bar of its own. The
 * controls may be called on the render thread at any time; an implementation hands them to the thread
 * that drives the playback, and they take effect there in the order given. The window checks
 * {@link #failure()} every frame and ends with that error once there is one.
 */
public interface PlaybackFeed extends ViewFeed {

    /** Pauses, or resumes when paused. */
    void togglePause();

    /** One speed step up. */
    void faster();

    /** One speed step down. */
    void slower();

    /** Jumps {@code deltaMicros} of the recording forward (negative: back). */
    void seekBy(long deltaMicros);

    /** Follows the next player present. */
    void followNext();

    /** The player followed, marked on screen and named in the bar; -1 for none. */
    int followedPlayerId();

    /**
     * Appends the playback bar's text to {@code line}, e.g. {@code REPLAY 1x 01:23 / 05:00 following
     * bot-2 [paused]   loss 20% latency 50ms}; {@code view} is the frame being drawn (for names).
     */
    void describe(StringBuilder line, ClientView view);

    /** Why the playback stopped for good, as one line for the viewer; null while it runs. */
    String failure();
}
