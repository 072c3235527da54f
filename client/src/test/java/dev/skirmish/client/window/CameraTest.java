package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CameraTest {

    private static final double EPSILON = 1e-9;

    @Test
    void aWideWindowFitsTheMapHeightAndCentresItHorizontally() {
        Camera camera = Camera.fitting(800, 500, 1280, 720);
        double areaHeight = 720 - Camera.HUD_HEIGHT_PIXELS - 2 * Camera.MARGIN_PIXELS;
        assertEquals(areaHeight / 500, camera.pixelsPerUnit(), EPSILON);
        double mapWidthPixels = 800 * camera.pixelsPerUnit();
        assertEquals((1280 - mapWidthPixels) / 2, camera.screenX(0), EPSILON);
        assertEquals(1280 - (1280 - mapWidthPixels) / 2, camera.screenX(800), EPSILON);
        assertEquals(Camera.HUD_HEIGHT_PIXELS + Camera.MARGIN_PIXELS, camera.screenY(0), EPSILON);
        assertEquals(720 - Camera.MARGIN_PIXELS, camera.screenY(500), EPSILON);
    }

    @Test
    void aTallWindowFitsTheMapWidthAndCentresItVertically() {
        Camera camera = Camera.fitting(1000, 500, 416, 2000);
        assertEquals(400.0 / 1000, camera.pixelsPerUnit(), EPSILON);
        assertEquals(Camera.MARGIN_PIXELS, camera.screenX(0), EPSILON);
        double areaTop = Camera.HUD_HEIGHT_PIXELS + Camera.MARGIN_PIXELS;
        double areaHeight = 2000 - areaTop - Camera.MARGIN_PIXELS;
        assertEquals(areaTop + (areaHeight - 200) / 2, camera.screenY(0), EPSILON);
    }

    @Test
    void followingKeepsThePlayerInTheMiddleAtTwiceTheScale() {
        Camera fitted = Camera.fitting(800, 500, 1280, 720);
        Camera camera = Camera.following(800, 500, 1280, 720, 400, 250, 2);
        assertEquals(2 * fitted.pixelsPerUnit(), camera.pixelsPerUnit(), EPSILON);
        double areaTop = Camera.HUD_HEIGHT_PIXELS + Camera.MARGIN_PIXELS;
        double areaHeight = 720 - areaTop - Camera.MARGIN_PIXELS;
        assertEquals(640, camera.screenX(400), EPSILON);
        assertEquals(areaTop + areaHeight / 2, camera.screenY(250), EPSILON);
    }

    @Test
    void followingNearAnEdgeStopsAtTheMapsEdge() {
        Camera camera = Camera.following(800, 500, 1280, 720, 10, 490, 2);
        assertEquals(Camera.MARGIN_PIXELS, camera.screenX(0), EPSILON);
        assertEquals(720 - Camera.MARGIN_PIXELS, camera.screenY(500), EPSILON);
        Camera unzoomed = Camera.following(800, 500, 1280, 720, 10, 490, 1);
        Camera fitted = Camera.fitting(800, 500, 1280, 720);
        assertEquals(fitted.screenX(10), unzoomed.screenX(10), EPSILON);
        assertEquals(fitted.screenY(490), unzoomed.screenY(490), EPSILON);
        assertThrows(IllegalArgumentException.class, () -> Camera.following(800, 500, 1280, 720, 0, 0, 0.5));
    }

    @Test
    void screenToWorldInvertsWorldToScreen() {
        Camera camera = Camera.fitting(960, 768, 800, 600);
        for (double x = 0; x <= 960; x += 37.5) {
            assertEquals(x, camera.worldX(camera.screenX(x)), 1e-9);
        }
        for (double y = 0; y <= 768; y += 41.25) {
            assertEquals(y, camera.worldY(camera.screenY(y)), 1e-9);
        }
        assertEquals(14 * camera.pixelsPerUnit(), camera.pixels(14), EPSILON);
    }

    @Test
    void resizingChangesTheScaleButKeepsTheWholeMapInside() {
        Camera small = Camera.fitting(960, 768, 640, 480);
        Camera large = Camera.fitting(960, 768, 1920, 1080);
        assertEquals(2.25, large.pixelsPerUnit() / small.pixelsPerUnit(), 0.3);
        for (Camera camera : new Camera[] {small, large}) {
            assertEquals(true, camera.screenX(0) >= 0 && camera.screenX(960) <= camera.viewportWidthPixels());
            assertEquals(true, camera.screenY(0) >= Camera.HUD_HEIGHT_PIXELS
                    && camera.screenY(768) <= camera.viewportHeightPixels());
        }
    }

    @Test
    void aimPointsFromThePlayerOnScreenTowardsTheCursor() {
        Camera camera = Camera.fitting(960, 768, 1280, 720);
        double px = camera.screenX(480);
        double py = camera.screenY(384);
        assertEquals(0, camera.aimAngle(480, 384, px + 50, py, 9), EPSILON);
        assertEquals(Math.PI / 2, camera.aimAngle(480, 384, px, py + 50, 9), EPSILON, "screen and world y both grow downwards");
        assertEquals(Math.PI, camera.aimAngle(480, 384, px - 50, py, 9), EPSILON);
        assertEquals(3 * Math.PI / 2, camera.aimAngle(480, 384, px, py - 50, 9), EPSILON, "never negative");
        assertEquals(Math.PI / 4, camera.aimAngle(480, 384, px + 30, py + 30, 9), EPSILON);
        assertEquals(9, camera.aimAngle(480, 384, px, py, 9), EPSILON, "no direction keeps the previous aim");
    }

    @Test
    void rejectsEmptySizes() {
        assertThrows(IllegalArgumentException.class, () -> Camera.fitting(0, 10, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> Camera.fitting(10, 10, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> Camera.fitting(Double.NaN, 10, 100, 100));
    }
}
