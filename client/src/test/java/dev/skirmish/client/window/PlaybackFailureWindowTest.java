package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The headless window fed by a playback that fails while its client is still joining: the window ends
 * with the playback's error and a non-zero code instead of drawing the last frame forever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlaybackFailureWindowTest {
    private static final long FRAME_NANOS = 16_666_667L;
    private static final int FAILS_AFTER_FRAMES = 5;
    /** A guard in the feed's virtual time: without the check the window would end here with 0. */
    private static final long GUARD_MILLIS = 10_000;

    /** A playback whose client never gets past joining, failing after a few frames; time is virtual. */
    private static final class FailingFeed implements PlaybackFeed {
        private final ClientView view = new ClientView().setPhase(ClientPhase.CONNECTING, null);
        private int frames;
        private long nowNanos;

        @Override
        public ClientView latestView() {
            frames++;
            return view;
        }

        @Override
        public void drainSnapshotArrivals(LongConsumer arrivalNanos) {
        }

        @Override
        public long nowNanos() {
            nowNanos += FRAME_NANOS;
            return nowNanos;
        }

        @Override
        public void togglePause() {
        }

        @Override
        public void faster() {
        }

        @Override
        public void slower() {
        }

        @Override
        public void seekBy(long deltaMicros) {
        }

        @Override
        public void followNext() {
        }

        @Override
        public int followedPlayerId() {
            return -1;
        }

        @Override
        public void describe(StringBuilder line, ClientView drawn) {
            line.append("REPLAY");
        }

        @Override
        public String failure() {
            return frames >= FAILS_AFTER_FRAMES ? "java.lang.IllegalStateException: boom" : null;
        }
    }

    @Test
    void aFailedPlaybackEndsTheWindowWithItsError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        WindowOptions options = new WindowOptions("match.pcapng", true, null, 1, 320, 200, false, false, false,
                GUARD_MILLIS);
        FailingFeed feed = new FailingFeed();
        int code = new GameWindow(options, feed, new WindowInput(), new PrintWriter(out), new PrintWriter(err)).run();
        if (code == GameWindow.EXIT_NO_RENDERER) {
            throw new AssertionError("this machine cannot render offscreen: " + err);
        }
        assertEquals(GameWindow.EXIT_SESSION_FAILED, code, out + "\n" + err);
        assertEquals("error: match.pcapng: playback stopped: java.lang.IllegalStateException: boom",
                err.toString().strip());
        assertEquals(FAILS_AFTER_FRAMES, feed.frames, "the window ended at the first frame after the failure");
    }
}
