package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window client end to end: a child JVM joins a local server over UDP, renders frames of play and
 * writes a screenshot whose pixels are checked against the map and the players' positions from the
 * latest snapshot. Once under Xvfb (a real X display, GLX, Mesa's software renderer) and once with no
 * display at all, where the client must choose the headless path (GLFW null platform, EGL) by itself.
 * CI installs xvfb, xauth, libgl1-mesa-dri, libegl1 and libegl-mesa0 ({@code .ci/run}), so both run there.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WindowRenderingTest {

    @TempDir
    Path directory;

    @Test
    void rendersTheArenaUnderXvfb() throws Exception {
        renderAndCheck(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x720x24"), new HashMap<>(), false);
    }

    @Test
    void choosesTheHeadlessPathWithoutAnyDisplay() throws Exception {
        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        renderAndCheck(List.of(), noDisplay, true);
    }

    @Test
    void withoutDisplayOrEglItSaysSoInOneLineAndExitsNonZero() throws Exception {
        Map<String, String> nothing = new HashMap<>();
        nothing.put("DISPLAY", null);
        nothing.put("WAYLAND_DISPLAY", null);
        // libglvnd's libEGL with no vendor library: EGL loads but has no implementation behind it.
        nothing.put("__EGL_VENDOR_LIBRARY_FILENAMES", directory.resolve("no-vendor.json").toString());
        try (RenderingArena arena = new RenderingArena(3)) {
            ClientProcess.Result result = ClientProcess.run(List.of(), nothing, "--server", arena.hostPort(),
                    "--screenshot", directory.resolve("never.png").toString(), "--frames", "5");
            assertEquals(GameWindow.EXIT_NO_RENDERER, result.exitCode(), result.output());
            assertEquals(1, result.output().lines().filter(line -> line.startsWith("error:")).count(), result.output());
            assertTrue(result.output().contains("error: no display and no EGL: cannot render"), result.output());
            assertFalse(Files.exists(directory.resolve("never.png")));
        }
    }

    private void renderAndCheck(List<String> wrapper, Map<String, String> environment, boolean expectHeadlessLine)
            throws Exception {
        try (RenderingArena arena = new RenderingArena(7)) {
            RenderingCheck.screenshotShowsTheArena(arena, directory.resolve("match.png"), wrapper, environment,
                    expectHeadlessLine);
        }
    }
}
