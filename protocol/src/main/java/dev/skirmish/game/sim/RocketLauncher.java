package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;

/**
 * The rocket launcher's damage rule, for a rocket that has {@link Projectile.Status#EXPLODED}:
 * <ul>
 *   <li>the player struck directly takes {@link GameConstants#ROCKET_DIRECT_DAMAGE};</li>
 *   <li>every other living player takes splash: {@link GameConstants#ROCKET_SPLASH_DAMAGE} scaled
 *       down linearly with the distance from the explosion to the nearest point of their circle,
 *       reaching 0 at {@link GameConstants#ROCKET_SPLASH_RADIUS}, and nothing if a wall lies between
 *       the explosion and their centre;</li>
 *   <li>the owner takes their splash times {@link GameConstants#ROCKET_SELF_DAMAGE_FACTOR}.</li>
 * </ul>
 * Launching is {@link Projectile#launch(int, PlayerState, int)}; the fire rate is {@link FireControl}'s.
 */
public final class RocketLauncher {

    private RocketLauncher() {
    }

    /** Damage that {@code rocket}'s explosion does to {@code target} (0 if dead, out of reach or shielded). */
    public static int damageTo(Projectile rocket, PlayerState target, GameMap map) {
        if (!target.alive()) {
            return 0;
        }
        if (target.id() == rocket.directHitId()) {
            return GameConstants.ROCKET_DIRECT_DAMAGE;
        }
        double awayX = target.x() - rocket.explosionX();
        double awayY = target.y() - rocket.explosionY();
        double centreDistance = Math.sqrt(awayX * awayX + awayY * awayY);
        double edgeDistance = Math.max(0, centreDistance - GameConstants.PLAYER_RADIUS);
        if (edgeDistance >= GameConstants.ROCKET_SPLASH_RADIUS) {
            return 0;
        }
        if (centreDistance > 0) {
            double wall = RayCast.walls(map, rocket.explosionX(), rocket.explosionY(),
                    awayX / centreDistance, awayY / centreDistance, 0);
            if (wall < centreDistance) {
                return 0;
            }
        }
        double damage = GameConstants.ROCKET_SPLASH_DAMAGE * (1 - edgeDistance / GameConstants.ROCKET_SPLASH_RADIUS);
        if (target.id() == rocket.ownerId()) {
            damage *= GameConstants.ROCKET_SELF_DAMAGE_FACTOR;
        }
        return (int) Math.floor(damage + 0.5);
    }
}
