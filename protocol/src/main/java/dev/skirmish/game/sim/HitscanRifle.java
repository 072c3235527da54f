package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;

/**
 * The rifle's hit rule: a shot is a ray from the shooter's centre along their aim, up to
 * {@link GameConstants#RIFLE_RANGE}. It stops at the nearest of: a living player's circle (other
 * than the shooter's), a wall, the edge of the world. A wall at exactly the same distance as a
 * player blocks the shot. Damage ({@link GameConstants#RIFLE_DAMAGE}) and fire rate
 * ({@link GameConstants#RIFLE_FIRE_INTERVAL_SECONDS}, enforced by {@link FireControl}) are the
 * caller's to apply, so the server can trace against rewound (lag-compensated) copies of the targets.
 *
 * <p>The aim direction uses {@link StrictMath} so every JVM computes the same ray.
 */
public final class HitscanRifle {

    private HitscanRifle() {
    }

    /**
     * Traces a shot by {@code shooter} against {@code targets[0..targetCount)} (null entries, dead
     * players and the shooter are skipped) and the walls of {@code map}; writes where it ended to
     * {@code result}. Allocation-free.
     */
    public static void fire(PlayerState shooter, PlayerState[] targets, int targetCount, GameMap map, ShotResult result) {
        double ox = shooter.x();
        double oy = shooter.y();
        double dx = StrictMath.cos(shooter.aimAngle());
        double dy = StrictMath.sin(shooter.aimAngle());
        double wallDistance = RayCast.walls(map, ox, oy, dx, dy, 0);
        double reach = Math.min(wallDistance, GameConstants.RIFLE_RANGE);

        int hitId = -1;
        double hitDistance = RayCast.MISS;
        for (int i = 0; i < targetCount; i++) {
            PlayerState target = targets[i];
            if (target == null || !target.alive() || target.id() == shooter.id()) {
                continue;
            }
            double t = RayCast.circle(ox, oy, dx, dy, target.x(), target.y(), GameConstants.PLAYER_RADIUS);
            if (t < hitDistance) {
                hitDistance = t;
                hitId = target.id();
            }
        }

        if (hitId >= 0 && hitDistance < wallDistance && hitDistance <= GameConstants.RIFLE_RANGE) {
            result.set(ShotResult.Outcome.PLAYER, hitId, hitDistance, ox + dx * hitDistance, oy + dy * hitDistance);
        } else if (wallDistance <= GameConstants.RIFLE_RANGE) {
            result.set(ShotResult.Outcome.WALL, -1, wallDistance, ox + dx * wallDistance, oy + dy * wallDistance);
        } else {
            result.set(ShotResult.Outcome.MISS, -1, reach, ox + dx * reach, oy + dy * reach);
        }
    }
}
