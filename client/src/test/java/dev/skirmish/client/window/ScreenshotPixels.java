package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The pixel checks of the rendering tests, each within a small colour tolerance: the background
 * colour on the floor, the wall colour where the map puts walls, each player's colour near their
 * position, text in the HUD bar.
 */
final class ScreenshotPixels {

    static final int TOLERANCE = 12;

    private final BufferedImage image;
    private final Camera camera;
    private final GameMap map;

    ScreenshotPixels(BufferedImage image, GameMap map) {
        this.image = image;
        this.map = map;
        this.camera = Camera.fitting(map.width(), map.height(), image.getWidth(), image.getHeight());
    }

    static boolean near(int rgb, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private int pixel(double x, double y) {
        return image.getRGB((int) Math.round(x), (int) Math.round(y)) & 0xFFFFFF;
    }

    /** The window's corners outside the map, and the floor tile centres far from every player, are background. */
    void checkBackground(Map<Integer, double[]> players) {
        int floorChecked = 0;
        int floorMatching = 0;
        for (int row = 0; row < map.rows(); row++) {
            for (int column = 0; column < map.columns(); column++) {
                double x = (column + 0.5) * map.tileSize();
                double y = (row + 0.5) * map.tileSize();
                if (map.isWallTile(column, row) || nearAnyPlayer(players, x, y, 4 * map.tileSize())) {
                    continue;
                }
                floorChecked++;
                floorMatching += near(pixel(camera.screenX(x), camera.screenY(y)), Palette.BACKGROUND_RGB, TOLERANCE) ? 1 : 0;
            }
        }
        assertTrue(floorChecked > 20, "floor tiles checked: " + floorChecked);
        assertEquals(floorChecked, floorMatching, "floor tiles drawn in the background colour");
        int bottomLeft = image.getRGB(1, image.getHeight() - 2) & 0xFFFFFF;
        assertTrue(near(bottomLeft, Palette.BACKGROUND_RGB, TOLERANCE), "bottom-left corner " + Integer.toHexString(bottomLeft));
    }

    /** Every wall tile's centre away from players' labels is wall-coloured. */
    void checkWalls(Map<Integer, double[]> players) {
        checkWalls(players, 1.0);
    }

    /**
     * Wall tiles away from players are drawn in the wall colour; at least {@code share} of them, since in a
     * live match the kill feed, death marks and rocket trails may lie over a few.
     */
    void checkWalls(Map<Integer, double[]> players, double share) {
        int checked = 0;
        int matching = 0;
        for (int row = 0; row < map.rows(); row++) {
            for (int column = 0; column < map.columns(); column++) {
                double x = (column + 0.5) * map.tileSize();
                double y = (row + 0.5) * map.tileSize();
                if (!map.isWallTile(column, row) || nearAnyPlayer(players, x, y, 2 * map.tileSize())) {
                    continue;
                }
                checked++;
                matching += near(pixel(camera.screenX(x), camera.screenY(y)), Palette.WALL_RGB, TOLERANCE) ? 1 : 0;
            }
        }
        assertTrue(checked > 40, "wall tiles checked: " + checked);
        if (share >= 1.0) {
            assertEquals(checked, matching, "wall tiles drawn in the wall colour");
        } else {
            assertTrue(matching >= share * checked, "wall tiles drawn in the wall colour: " + matching + " of " + checked);
        }
    }

    /** Around each player's position, a good share of the disc is their colour. */
    void checkPlayers(Map<Integer, double[]> players) {
        for (Map.Entry<Integer, double[]> player : players.entrySet()) {
            int colour = PlayerColors.rgb(player.getKey());
            double centreX = camera.screenX(player.getValue()[0]);
            double centreY = camera.screenY(player.getValue()[1]);
            double radius = camera.pixels(GameConstants.PLAYER_RADIUS);
            int total = 0;
            int matching = 0;
            for (int dy = (int) -radius; dy <= radius; dy++) {
                for (int dx = (int) -radius; dx <= radius; dx++) {
                    if (dx * dx + dy * dy > radius * radius * 0.8) {
                        continue;
                    }
                    total++;
                    matching += near(pixel(centreX + dx, centreY + dy), colour, TOLERANCE) ? 1 : 0;
                }
            }
            assertTrue(matching > total / 2, "player " + player.getKey() + " at (" + Math.round(centreX) + ", "
                    + Math.round(centreY) + ") in " + Integer.toHexString(colour) + ": " + matching + " of " + total);
        }
    }

    /** The HUD bar holds text. */
    void checkHud() {
        int text = 0;
        for (int y = 0; y < Camera.HUD_HEIGHT_PIXELS; y++) {
            for (int x = 0; x < image.getWidth() / 2; x++) {
                text += near(image.getRGB(x, y) & 0xFFFFFF, Palette.TEXT_RGB, TOLERANCE) ? 1 : 0;
            }
        }
        assertTrue(text > 200, "HUD text pixels: " + text);
    }

    private static boolean nearAnyPlayer(Map<Integer, double[]> players, double x, double y, double distance) {
        for (double[] position : players.values()) {
            if (Math.hypot(position[0] - x, position[1] - y) < distance) {
                return true;
            }
        }
        return false;
    }
}
