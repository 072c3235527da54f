package dev.skirmish.client.window;

import java.nio.file.Path;

/**
 * How the window client renders.
 *
 * @param serverName      shown while connecting
 * @param headless        render offscreen (GLFW null platform, EGL) even if a display exists
 * @param screenshot      where to write a PNG after {@code frames} frames of play, then exit; null to play
 * @param frames          frames to render, once playing, before the screenshot
 * @param widthPixels     initial window (or offscreen) width
 * @param heightPixels    initial window (or offscreen) height
 * @param vsync           synchronise buffer swaps with the display
 * @param showScoreboard  start with the scoreboard shown (as if Tab were held)
 * @param showNetGraph    start with the net graph shown (as if F3 were pressed)
 * @param runMillis       close the window after this long; 0 runs until the player quits
 */
public record WindowOptions(String serverName, boolean headless, Path screenshot, int frames,
                            int widthPixels, int heightPixels, boolean vsync, boolean showScoreboard,
                            boolean showNetGraph, long runMillis) {

    /** A window of the usual size for playing on {@code serverName}, for {@code runMillis} (0: until quit). */
    public static WindowOptions playing(String serverName, long runMillis) {
        return new WindowOptions(serverName, false, null, 1, 1280, 720, true, false, false, runMillis);
    }

    /** Validates. */
    public WindowOptions {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        if (runMillis < 0) {
            throw new IllegalArgumentException("runMillis must not be negative, got " + runMillis);
        }
        if (widthPixels < 64 || heightPixels < 64) {
            throw new IllegalArgumentException("size must be at least 64 x 64, got " + widthPixels + " x " + heightPixels);
        }
    }
}
