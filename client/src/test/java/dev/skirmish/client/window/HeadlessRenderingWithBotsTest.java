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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless renderer in this JVM, forced with {@code --headless} (GLFW null platform, EGL), against
 * a local server with two moving bots: the screenshot is checked against the very view the last frame
 * drew, so each player's colour is where the latest snapshot put them even while they run about.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HeadlessRenderingWithBotsTest {

    @TempDir
    Path directory;

    @Test
    void drawsMovingBotsWhereTheLatestSnapshotPutsThem() throws Exception {
        Path screenshot = directory.resolve("bots.png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (RenderingArena arena = new RenderingArena(11, 0);
             BotFleet bots = BotFleet.start(BotFleetConfig.of(arena.address(), 2, "bot", 5))) {
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
            pixels.checkWalls(everybody);
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
