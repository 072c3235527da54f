package dev.skirmish.client.window;

import dev.skirmish.client.GameClientConfig;
import dev.skirmish.transport.capture.CaptureFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;

/**
 * The window client's programmatic face, for {@link ClientCommand}, the launcher's demo and demo
 * playback: plays one session on {@code server} (or watches a {@link PlaybackFeed}) in a window (or
 * headless, see {@link GameWindow}) on the calling thread, with the network on a thread of its own, and
 * returns an exit code when it ends.
 */
public final class WindowClient {

    private WindowClient() {
    }

    /** Whether a display to open a window on seems present ({@code DISPLAY} or {@code WAYLAND_DISPLAY} on Linux). */
    public static boolean displayAvailable() {
        return GameWindow.displayPresent();
    }

    /**
     * Joins {@code server} and renders until the player quits, {@code options.runMillis()} pass, the
     * screenshot is written or the session ends. Returns 0 on success, {@link GameWindow#EXIT_SESSION_FAILED}
     * if the session could not start or failed, {@link GameWindow#EXIT_NO_RENDERER} without display and EGL.
     */
    public static int play(GameClientConfig config, InetSocketAddress server, WindowOptions options,
                           PrintWriter out, PrintWriter err) {
        return play(config, server, options, null, out, err);
    }

    /** As above, recording every datagram into {@code capture} when it is not null (the caller closes it). */
    public static int play(GameClientConfig config, InetSocketAddress server, WindowOptions options,
                           CaptureFile capture, PrintWriter out, PrintWriter err) {
        WindowInput input = new WindowInput();
        try (NetworkSession session = NetworkSession.start(config, input, server, capture)) {
            return new GameWindow(options, session, input, out, err).run();
        } catch (IOException e) {
            err.println("error: cannot open a UDP socket to reach " + options.serverName() + ": " + e.getMessage());
            err.flush();
            return GameWindow.EXIT_SESSION_FAILED;
        }
    }

    /**
     * Shows a demo playback in a window (or headless, see {@link GameWindow}) on the calling thread until
     * the viewer quits, {@code options.runMillis()} pass or the screenshot is written; the feed runs on a
     * thread of its own, which the caller starts before and stops after. Keys: see {@link GameWindow}.
     * Returns 0 on success, {@link GameWindow#EXIT_SESSION_FAILED} if the replay client failed or the
     * screenshot could not be written, {@link GameWindow#EXIT_NO_RENDERER} without display and EGL.
     */
    public static int watch(PlaybackFeed feed, WindowOptions options, PrintWriter out, PrintWriter err) {
        return new GameWindow(options, feed, new WindowInput(), out, err).run();
    }
}
