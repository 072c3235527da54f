package dev.skirmish.client.window;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        try (RenderingArena arena = new RenderingArena(11, 0)) {
            RenderingCheck.movingBotsAreDrawnWhereTheLatestSnapshotPutsThem(arena, directory.resolve("bots.png"));
        }
    }
}
