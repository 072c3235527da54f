package dev.skirmish.client.window;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a command that opens the game window renders ({@code --screenshot --frames --headless
 * --show-scoreboard --show-net-graph --size --no-vsync}), as a picocli mixin shared by
 * {@code skirmish client} and {@code skirmish replay play}. {@link #build} validates them into
 * {@link WindowOptions}; a bad value is a {@link ParameterException} naming the option.
 */
public final class WindowCommandOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Render --frames frames of play, write a PNG, exit.")
    Path screenshot;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "120",
            description = "Frames of play before the screenshot (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--headless", description = "Render offscreen (GLFW null platform and EGL) even if a display exists.")
    boolean headless;

    @Option(names = "--show-scoreboard", description = "Start with the scoreboard shown.")
    boolean showScoreboard;

    @Option(names = "--show-net-graph", description = "Start with the net graph shown (F3 toggles it).")
    boolean showNetGraph;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720",
            description = "Window (or offscreen) size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--no-vsync", description = "Do not wait for the display's refresh between frames.")
    boolean noVsync;

    /** Whether {@code --headless} was given. */
    public boolean headless() {
        return headless;
    }

    /** The options given, for a window about {@code serverName} (shown while connecting). */
    public WindowOptions build(String serverName) {
        if (frames < 1) {
            throw usage("--frames must be at least 1, got " + frames);
        }
        if (screenshot != null && !screenshot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw usage("--screenshot must name a .png file, got " + screenshot);
        }
        String[] parts = size.toLowerCase(Locale.ROOT).split("x", -1);
        int width;
        int height;
        try {
            width = parts.length == 2 ? Integer.parseInt(parts[0]) : -1;
            height = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            width = -1;
            height = -1;
        }
        if (width < 64 || height < 64 || width > 8192 || height > 8192) {
            throw usage("--size must be WIDTHxHEIGHT, each 64..8192, got " + size);
        }
        return new WindowOptions(serverName, headless, screenshot, frames, width, height, !noVsync, showScoreboard,
                showNetGraph, 0);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
