package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.WallRect;
import java.util.List;

/**
 * The movement rule both the server and client prediction run: one input command moves one player
 * for one step.
 *
 * <p>Velocity comes straight from the movement buttons (no inertia, so no velocity needs to be
 * synchronised): opposite buttons cancel, diagonals are normalised to the same speed. The step is
 * cut into sub-steps of at most {@value #MAX_SUBSTEP_FRACTION_OF_RADIUS} player radius, each followed
 * by pushing the player's circle out of every wall rectangle it overlaps along the shortest way out.
 * Pushing along the contact normal keeps the tangential part of the motion, which is sliding; the short
 * sub-steps make tunnelling through a wall impossible at any allowed speed and step length. Finally
 * the centre is clamped so the circle stays inside the world. Players do not collide with each other,
 * so a client's prediction depends only on its own commands and the map.
 *
 * <p>Determinism: only IEEE double arithmetic and {@link Math#sqrt} (exactly rounded), in a fixed
 * order over a fixed wall list, so equal inputs give bit-identical outputs on every JVM (Java 17
 * floating point is strict everywhere). Allocation-free and thread-safe (stateless).
 */
public final class Movement {

    /** Longest sub-step, as a fraction of the player radius. */
    public static final double MAX_SUBSTEP_FRACTION_OF_RADIUS = 0.5;

    /** Overlap below this many units is left alone, so resolution terminates despite rounding. */
    static final double CONTACT_SLOP = 1e-9;

    /** Rounds of push-out per sub-step; enough for a circle wedged in a concave corner. */
    private static final int RESOLVE_PASSES = 4;

    /** 1/sqrt(2) as a literal, so the diagonal speed cannot depend on a library. */
    private static final double INV_SQRT2 = 0.7071067811865476;

    private Movement() {
    }

    /**
     * Applies {@code command}'s aim and movement to {@code player} for {@code dtSeconds}
     * (0 exclusive to {@link GameConstants#MAX_STEP_SECONDS} inclusive). Dead players do not move.
     */
    public static void step(PlayerState player, InputCommand command, double dtSeconds, GameMap map) {
        if (!(dtSeconds > 0 && dtSeconds <= GameConstants.MAX_STEP_SECONDS)) {
            throw new IllegalArgumentException("step must be in (0, " + GameConstants.MAX_STEP_SECONDS
                    + "] seconds, got " + dtSeconds);
        }
        if (!player.alive()) {
            return;
        }
        player.setAimAngle(command.aimAngle());
        int across = (command.isHeld(InputCommand.MOVE_RIGHT) ? 1 : 0) - (command.isHeld(InputCommand.MOVE_LEFT) ? 1 : 0);
        int down = (command.isHeld(InputCommand.MOVE_DOWN) ? 1 : 0) - (command.isHeld(InputCommand.MOVE_UP) ? 1 : 0);
        double scale = across != 0 && down != 0 ? INV_SQRT2 : 1.0;
        double vx = across * scale * GameConstants.PLAYER_SPEED_UNITS_PER_SECOND;
        double vy = down * scale * GameConstants.PLAYER_SPEED_UNITS_PER_SECOND;

        double distance = GameConstants.PLAYER_SPEED_UNITS_PER_SECOND * dtSeconds;
        double maxSubstep = GameConstants.PLAYER_RADIUS * MAX_SUBSTEP_FRACTION_OF_RADIUS;
        int substeps = (across == 0 && down == 0) ? 1 : Math.max(1, (int) Math.ceil(distance / maxSubstep));
        double h = dtSeconds / substeps;
        for (int i = 0; i < substeps; i++) {
            player.setPosition(player.x() + vx * h, player.y() + vy * h);
            resolveWalls(player, map);
        }
    }

    /** Pushes {@code player}'s circle out of every wall it overlaps and back inside the world. */
    public static void resolveWalls(PlayerState player, GameMap map) {
        double radius = GameConstants.PLAYER_RADIUS;
        double x = player.x();
        double y = player.y();
        List<WallRect> walls = map.walls();
        for (int pass = 0; pass < RESOLVE_PASSES; pass++) {
            boolean pushed = false;
            for (int i = 0, n = walls.size(); i < n; i++) {
                WallRect wall = walls.get(i);
                double nearestX = clamp(x, wall.minX(), wall.maxX());
                double nearestY = clamp(y, wall.minY(), wall.maxY());
                double awayX = x - nearestX;
                double awayY = y - nearestY;
                double distanceSquared = awayX * awayX + awayY * awayY;
                double limit = radius - CONTACT_SLOP;
                if (distanceSquared >= limit * limit) {
                    continue;
                }
                pushed = true;
                if (distanceSquared > 0) {
                    double distance = Math.sqrt(distanceSquared);
                    double push = radius - distance;
                    x += awayX / distance * push;
                    y += awayY / distance * push;
                } else {
                    // Centre inside the wall: leave through the nearest side.
                    double left = x - wall.minX();
                    double right = wall.maxX() - x;
                    double top = y - wall.minY();
                    double bottom = wall.maxY() - y;
                    double least = Math.min(Math.min(left, right), Math.min(top, bottom));
                    if (least == left) {
                        x = wall.minX() - radius;
                    } else if (least == right) {
                        x = wall.maxX() + radius;
                    } else if (least == top) {
                        y = wall.minY() - radius;
                    } else {
                        y = wall.maxY() + radius;
                    }
                }
            }
            x = clamp(x, radius, map.width() - radius);
            y = clamp(y, radius, map.height() - radius);
            if (!pushed) {
                break;
            }
        }
        player.setPosition(x, y);
    }

    private static double clamp(double value, double min, double max) {
        return value < min ? min : (value > max ? max : value);
    }
}
