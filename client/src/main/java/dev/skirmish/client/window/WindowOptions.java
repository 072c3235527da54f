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
 */
public record WindowOptions(String serverName, boolean headless, Path screenshot, int frames,
                            int widthPixels, int heightPixels, boolean vsync, boolean showScoreboard,
                            boolean showNetGraph) {

    /** Validates. */
    public WindowOptions {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        if (widthPixels < 64 || heightPixels < 64) {
            throw new IllegalArgumentException("size must be at least 64 x 64, got " + widthPixels + " x " + heightPixels);
        }
    }
}
