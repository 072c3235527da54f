package dev.skirmish.game.map;

/**
 * A solid axis-aligned rectangle of a map, in world units: {@code minX <= x <= maxX},
 * {@code minY <= y <= maxY}. Players and projectiles never enter it; shots stop at its edge.
 */
public record WallRect(double minX, double minY, double maxX, double maxY) {

    /** Validates that the rectangle has a positive, finite area. */
    public WallRect {
        if (!(minX < maxX && minY < maxY) || !Double.isFinite(maxX) || !Double.isFinite(maxY)
                || !Double.isFinite(minX) || !Double.isFinite(minY)) {
            throw new IllegalArgumentException(
                    "wall needs finite min < max, got [" + minX + ", " + maxX + "] x [" + minY + ", " + maxY + "]");
        }
    }
}
