package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.PlayerView;
import dev.skirmish.client.bot.BotFleet;
import dev.skirmish.client.bot.BotFleetConfig;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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

    static void screenshotShowsTheArena(RenderingArena arena, Path screenshot, List<String> wrapper,
                                        Map<String, String> environment, boolean expectHeadlessLine) throws Exception {
        arena.awaitPlayers(2, 10_000);
        AtomicReference<Map<Integer, double[]>> seen = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            try {
                seen.set(arena.awaitPlayers(3, 30_000));
            } catch (InterruptedException | AssertionError e) {
                seen.set(null);
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
        assertTrue(seen.get() != null, "the observer saw the window client's player");
        BufferedImage image = ImageIO.read(Files.newInputStream(screenshot));
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        ScreenshotPixels pixels = new ScreenshotPixels(image, arena.map);
        pixels.checkBackground(seen.get());
        pixels.checkWalls(seen.get());
        pixels.checkPlayers(seen.get());
        pixels.checkHud();
    }

    /**
     * The headless renderer in this JVM against {@code arena} with two moving bots: the screenshot is
     * checked against the very view the last frame drew.
     */
    static void movingBotsAreDrawnWhereTheLatestSnapshotPutsThem(RenderingArena arena, Path screenshot)
            throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (BotFleet bots = BotFleet.start(BotFleetConfig.of(arena.address(), 2, "bot", 5))) {
            assertTrue(bots.awaitJoined(10_000), "bots joined: " + bots.firstFailure());
            WindowOptions options = new WindowOptions(arena.hostPort(), true, screenshot, 45, 960, 640, false,
                    false, false, 0);
            WindowInput input = new WindowInput();
            int code;
            Map<Integer, double[]> alive = new HashMap<>();
            Map<Integer, double[]> everybody = new HashMap<>();
            ClientView drawn;
            try (NetworkSession session = NetworkSession.start(GameClientConfig.builder("viewer").build(), input,
                    arena.address())) {
                GameWindow window = new GameWindow(options, session, input, new PrintWriter(out), new PrintWriter(err));
                code = window.run();
                drawn = window.lastDrawn();
                assertEquals(ClientPhase.PLAYING, drawn.phase());
                record(drawn.local(), alive, everybody);
                for (int i = 0; i < drawn.otherCount(); i++) {
                    record(drawn.other(i), alive, everybody);
                }
            }
            assertEquals(0, code, out + "\n" + err);
            assertEquals(3, everybody.size(), "the viewer and both bots were drawn");
            assertTrue(alive.size() >= 2, "players alive when drawn: " + alive.keySet());
            BufferedImage image = ImageIO.read(Files.newInputStream(screenshot));
            assertEquals(960, image.getWidth());
            assertEquals(640, image.getHeight());
            ScreenshotPixels pixels = new ScreenshotPixels(image, arena.map);
            pixels.checkBackground(everybody);
            pixels.checkWalls(everybody, 0.95);
            pixels.checkPlayers(alive);
            pixels.checkHud();
        }
    }


    private static void record(PlayerView player, Map<Integer, double[]> alive, Map<Integer, double[]> everybody) {
        double[] position = {player.x(), player.y()};
        everybody.put(player.id(), position);
        if (player.alive()) {
            alive.put(player.id(), position);
        }
    }
}
