package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One rendering check, shared by this module's tests (against the stand-in server) and the launcher's
 * (against the real server): run the window client in a child JVM (under {@code wrapper}, e.g.
 * {@code xvfb-run}) against the arena, take a screenshot, and check its pixels against where the
 * observer saw every player.
 */
final class RenderingCheck {

    private RenderingCheck() {
    }

    @SuppressWarnings("unchecked")
    static void screenshotShowsTheArena(RenderingArena arena, Path screenshot, List<String> wrapper,
                                        Map<String, String> environment, boolean expectHeadlessLine) throws Exception {
        arena.awaitPlayers(2, 10_000);
        Map<Integer, double[]>[] seen = new Map[1];
        Thread watcher = new Thread(() -> {
            try {
                seen[0] = arena.awaitPlayers(3, 30_000);
            } catch (InterruptedException | AssertionError e) {
                seen[0] = null;
            }
        });
        watcher.start();
        ClientProcess.Result result = ClientProcess.run(wrapper, environment,
                "--server", arena.hostPort(), "--name", "viewer", "--screenshot", screenshot.toString(),
                "--frames", "30");
        watcher.join();
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("screenshot written to"), result.output());
        assertEquals(expectHeadlessLine, result.output().contains("no display found: rendering headless"),
                result.output());
        assertEquals(expectHeadlessLine, result.output().contains("rendering headless"), result.output());
        assertTrue(seen[0] != null, "the observer saw the window client's player");
        BufferedImage image = ImageIO.read(Files.newInputStream(screenshot));
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        ScreenshotPixels pixels = new ScreenshotPixels(image, arena.map);
        pixels.checkBackground(seen[0]);
        pixels.checkWalls(seen[0]);
        pixels.checkPlayers(seen[0]);
        pixels.checkHud();
    }
}
