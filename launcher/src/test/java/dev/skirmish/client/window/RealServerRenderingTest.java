package dev.skirmish.client.window;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.server.GameServer;
import dev.skirmish.server.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window client against the real game server (the client module's own rendering tests use its
 * stand-in server, since it cannot depend on the server module): a screenshot under Xvfb and one
 * through the headless path with no display at all (players standing still, so the observer knows
 * where they are), and one in this JVM with two moving bots checked against the view the last frame
 * drew; each checked pixel by pixel (background, walls, every player's colour where they were, a HUD).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RealServerRenderingTest {

    @TempDir
    Path directory;

    private static RenderingArena realServerArena(long seed) throws Exception {
        GameMap map = ShippedMaps.load("arena");
        GameServer server = new GameServer(ServerConfig.defaults(), map, new SplittableRandom(seed), System::nanoTime);
        return new RenderingArena(seed, 2, server, map);
    }

    @Test
    void rendersAMatchOnTheRealServerUnderXvfb() throws Exception {
        try (RenderingArena arena = realServerArena(17)) {
            RenderingCheck.screenshotShowsTheArena(arena, directory.resolve("xvfb.png"),
                    List.of("xvfb-run", "-a", "-s", "-screen 0 1280x720x24"), new HashMap<>(), false);
        }
    }

    @Test
    void drawsMovingBotsOnTheRealServerWhereTheLatestSnapshotPutsThem() throws Exception {
        GameMap map = ShippedMaps.load("arena");
        GameServer server = new GameServer(ServerConfig.defaults(), map, new SplittableRandom(23), System::nanoTime);
        try (RenderingArena arena = new RenderingArena(23, 0, server, map)) {
            RenderingCheck.movingBotsAreDrawnWhereTheLatestSnapshotPutsThem(arena, directory.resolve("bots.png"));
        }
    }

    @Test
    void rendersAMatchOnTheRealServerWithNoDisplayAtAll() throws Exception {
        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        try (RenderingArena arena = realServerArena(19)) {
            RenderingCheck.screenshotShowsTheArena(arena, directory.resolve("headless.png"), List.of(), noDisplay,
                    true);
        }
    }
}
