package dev.skirmish.game.sim;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.WallRect;
import java.util.List;

/**
 * Intersection of rays with the shapes of the game: boxes, circles, the map's walls and its edge.
 *
 * <p>A ray starts at {@code (ox, oy)} and runs along the unit vector {@code (dx, dy)}; every result is
 * the distance along it to the first contact, or {@link #MISS}. A ray that starts inside a shape hits
 * it at distance 0. Only IEEE arithmetic and {@link Math#sqrt} (exactly rounded) are used, so results
 * are identical on every JVM.
 */
public final class RayCast {

    /** Distance returned when nothing is hit. */
    public static final double MISS = Double.POSITIVE_INFINITY;

    private RayCast() {
    }

    /** Distance to box {@code [minX, maxX] x [minY, maxY]}, grown by {@code margin} on every side. */
    public static double box(double ox, double oy, double dx, double dy,
                             double minX, double minY, double maxX, double maxY, double margin) {
        double x0 = minX - margin;
        double x1 = maxX + margin;
        double y0 = minY - margin;
        double y1 = maxY + margin;
        double enter = 0;
        double exit = Double.POSITIVE_INFINITY;
        if (dx == 0) {
            if (ox < x0 || ox > x1) {
                return MISS;
            }
        } else {
            double t0 = (x0 - ox) / dx;
            double t1 = (x1 - ox) / dx;
            enter = Math.max(enter, Math.min(t0, t1));
            exit = Math.min(exit, Math.max(t0, t1));
        }
        if (dy == 0) {
            if (oy < y0 || oy > y1) {
                return MISS;
            }
        } else {
            double t0 = (y0 - oy) / dy;
            double t1 = (y1 - oy) / dy;
            enter = Math.max(enter, Math.min(t0, t1));
            exit = Math.min(exit, Math.max(t0, t1));
        }
        return enter <= exit ? enter : MISS;
    }

    /** Distance to the circle of {@code radius} around {@code (cx, cy)}. */
    public static double circle(double ox, double oy, double dx, double dy, double cx, double cy, double radius) {
        double fx = ox - cx;
        double fy = oy - cy;
        double c = fx * fx + fy * fy - radius * radius;
        if (c <= 0) {
            return 0;
        }
        double b = fx * dx + fy * dy;
        if (b >= 0) {
            return MISS;
        }
        double discriminant = b * b - c;
        if (discriminant < 0) {
            return MISS;
        }
        return -b - Math.sqrt(discriminant);
    }

    /**
     * Distance to the nearest wall of {@code map}, each grown by {@code margin}, or to the point where
     * the ray leaves the world shrunk by {@code margin} (the edge is solid); never {@link #MISS}.
     */
    public static double walls(GameMap map, double ox, double oy, double dx, double dy, double margin) {
        double nearest = leaveBounds(ox, oy, dx, dy, margin, margin, map.width() - margin, map.height() - margin);
        List<WallRect> walls = map.walls();
        for (int i = 0, n = walls.size(); i < n; i++) {
            WallRect wall = walls.get(i);
            double t = box(ox, oy, dx, dy, wall.minX(), wall.minY(), wall.maxX(), wall.maxY(), margin);
            if (t < nearest) {
                nearest = t;
            }
        }
        return nearest;
    }

    /** Distance at which a ray starting inside {@code [minX, maxX] x [minY, maxY]} leaves it; 0 if it starts outside. */
    public static double leaveBounds(double ox, double oy, double dx, double dy,
                                     double minX, double minY, double maxX, double maxY) {
        if (ox < minX || ox > maxX || oy < minY || oy > maxY) {
            return 0;
        }
        double exit = Double.POSITIVE_INFINITY;
        if (dx > 0) {
            exit = (maxX - ox) / dx;
        } else if (dx < 0) {
            exit = (minX - ox) / dx;
        }
        if (dy > 0) {
            exit = Math.min(exit, (maxY - oy) / dy);
        } else if (dy < 0) {
            exit = Math.min(exit, (minY - oy) / dy);
        }
        return exit;
    }
}
