package dev.skirmish.game.sim;

import static dev.skirmish.game.GameConstants.PLAYER_RADIUS;
import static dev.skirmish.game.GameConstants.ROCKET_RADIUS;
import static dev.skirmish.game.GameConstants.ROCKET_SPEED_UNITS_PER_SECOND;
import static dev.skirmish.game.sim.HitscanRifleTest.player;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.TestMaps;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.ShippedMaps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProjectileTest {

    private static final double TICK = 1.0 / GameConstants.DEFAULT_TICK_RATE_HZ;

    private final GameMap open = TestMaps.open();

    @Test
    void fliesStraightAtRocketSpeed() {
        PlayerState shooter = player(0, 100, 300, 0);
        Projectile rocket = new Projectile().launch(7, shooter, 50);

        for (int i = 0; i < 10; i++) {
            assertEquals(Projectile.Status.FLYING, rocket.step(TICK, open, new PlayerState[] {shooter}, 1));
        }

        assertEquals(100 + ROCKET_SPEED_UNITS_PER_SECOND * 10 * TICK, rocket.x(), 1e-9);
        assertEquals(300, rocket.y(), 1e-9);
        assertEquals(10, rocket.ageTicks());
    }

    @Test
    void launchIsRoundedToWireCodes() {
        PlayerState shooter = player(0, 100.01, 300.02, 0.3001);
        Projectile rocket = new Projectile().launch(0, shooter, 0);

        assertEquals(1600, rocket.originXCode());
        assertEquals(4800, rocket.originYCode());
        assertEquals(100.0, rocket.x());
        assertEquals(Math.round(0.3001 / (2 * Math.PI) * 4096), rocket.angleCode());
    }

    @Test
    void explodesOnTheWallItMeetsEvenWhenOneStepWouldCrossIt() {
        GameMap map = TestMaps.grid(28,
                "S...#....",
                "....#....",
                "....#....",
                "....#....");
        PlayerState shooter = player(0, 40, 42, 0);
        Projectile rocket = new Projectile().launch(0, shooter, 0);

        Projectile.Status status = Projectile.Status.FLYING;
        for (int i = 0; i < 20 && status == Projectile.Status.FLYING; i++) {
            status = rocket.step(GameConstants.MAX_STEP_SECONDS, map, new PlayerState[] {shooter}, 1);
        }

        assertEquals(Projectile.Status.EXPLODED, status);
        assertEquals(4 * 28 - ROCKET_RADIUS, rocket.explosionX(), 1e-9);
        assertEquals(-1, rocket.directHitId());
    }

    @Test
    void directHitStopsOnTheTargetAndIgnoresTheOwner() {
        PlayerState shooter = player(0, 100, 300, 0);
        PlayerState target = player(1, 300, 300, 0);
        PlayerState[] players = {shooter, target};
        Projectile rocket = new Projectile().launch(0, shooter, 0);

        Projectile.Status status;
        do {
            status = rocket.step(TICK, open, players, 2);
        } while (status == Projectile.Status.FLYING);

        assertEquals(Projectile.Status.EXPLODED, status);
        assertEquals(1, rocket.directHitId());
        assertEquals(300 - PLAYER_RADIUS - ROCKET_RADIUS, rocket.explosionX(), 1e-9);
        assertEquals(GameConstants.ROCKET_DIRECT_DAMAGE, RocketLauncher.damageTo(rocket, target, open));
    }

    @Test
    void splashFallsOffWithDistanceAndHurtsTheOwnerLess() {
        GameMap map = TestMaps.grid(32,
                "S.........",
                "..........",
                "..........",
                "..........",
                "..........");
        PlayerState owner = player(0, 100, 80, 0);
        Projectile rocket = explodeAgainstRightEdge(owner, map);
        double ex = rocket.explosionX();

        PlayerState touching = player(1, ex - PLAYER_RADIUS, 80, 0);
        PlayerState halfway = player(2, ex - PLAYER_RADIUS - GameConstants.ROCKET_SPLASH_RADIUS / 2, 80, 0);
        PlayerState outside = player(3, ex - PLAYER_RADIUS - GameConstants.ROCKET_SPLASH_RADIUS - 1, 80, 0);
        PlayerState ownerNear = player(0, ex - PLAYER_RADIUS, 80, 0);

        assertEquals(GameConstants.ROCKET_SPLASH_DAMAGE, RocketLauncher.damageTo(rocket, touching, map));
        assertEquals(GameConstants.ROCKET_SPLASH_DAMAGE / 2, RocketLauncher.damageTo(rocket, halfway, map));
        assertEquals(0, RocketLauncher.damageTo(rocket, outside, map));
        assertEquals((int) Math.round(GameConstants.ROCKET_SPLASH_DAMAGE * GameConstants.ROCKET_SELF_DAMAGE_FACTOR),
                RocketLauncher.damageTo(rocket, ownerNear, map));
    }

    @Test
    void wallsShieldPlayersFromSplash() {
        GameMap map = TestMaps.grid(32,
                "S.........",
                "......#...",
                "......#...",
                "......#...");
        PlayerState owner = player(0, 40, 64, 0);
        Projectile rocket = new Projectile().launch(0, owner, 0);
        while (rocket.step(TICK, map, new PlayerState[] {owner}, 1) == Projectile.Status.FLYING) {
            assertTrue(rocket.ageTicks() < 100);
        }
        PlayerState behindWall = player(1, 7 * 32 + PLAYER_RADIUS + 2, 64, 0);
        PlayerState inFront = player(2, 6 * 32 - 40, 64, 0);

        assertEquals(0, RocketLauncher.damageTo(rocket, behindWall, map));
        assertTrue(RocketLauncher.damageTo(rocket, inFront, map) > 0);
    }

    @Test
    void expiresAfterItsLifetimeWithoutExploding() {
        PlayerState shooter = player(0, 100, 100, 0);
        Projectile rocket = new Projectile().launch(0, shooter, 0);
        Projectile.Status status = Projectile.Status.FLYING;
        int ticks = 0;
        GameMap open = TestMaps.grid(64, "S" + ".".repeat(63), ".".repeat(64), ".".repeat(64), ".".repeat(64));
        while (status == Projectile.Status.FLYING) {
            status = rocket.step(TICK, open, new PlayerState[0], 0);
            ticks++;
        }
        assertEquals(Projectile.Status.EXPIRED, status);
        assertEquals(Math.round(GameConstants.ROCKET_LIFETIME_SECONDS * GameConstants.DEFAULT_TICK_RATE_HZ), ticks);
    }

    @Test
    void clientRebuildsTheServersPathFromTheLaunchAlone() {
        SplittableRandom random = new SplittableRandom(3);
        GameMap map = ShippedMaps.load("arena");
        int compared = 0;
        for (int trial = 0; trial < 50; trial++) {
            PlayerState shooter = player(0, random.nextDouble(100, 1400), random.nextDouble(100, 1000),
                    random.nextDouble(0, 2 * Math.PI));
            int launchTick = random.nextInt(10_000);
            Projectile server = new Projectile().launch(trial % GameConstants.MAX_PROJECTILES, shooter, launchTick);
            int flown = 1 + random.nextInt(30);
            Projectile.Status status = Projectile.Status.FLYING;
            for (int i = 0; i < flown && status == Projectile.Status.FLYING; i++) {
                status = server.step(TICK, map, new PlayerState[0], 0);
            }
            Projectile client = new Projectile().launch(server.id(), server.ownerId(), server.originXCode(),
                    server.originYCode(), server.angleCode(), server.spawnTick()).advanceTo(server.ageTicks(), TICK);
            if (status == Projectile.Status.FLYING) {
                assertEquals(server.x(), client.x(), "trial " + trial);
                assertEquals(server.y(), client.y(), "trial " + trial);
                compared++;
            }
        }
        assertTrue(compared > 10, "only " + compared + " rockets were still flying");
    }

    private static Projectile explodeAgainstRightEdge(PlayerState owner, GameMap map) {
        Projectile rocket = new Projectile().launch(0, owner, 0);
        while (rocket.step(TICK, map, new PlayerState[0], 0) == Projectile.Status.FLYING) {
            assertTrue(rocket.ageTicks() < 100);
        }
        assertEquals(map.width() - ROCKET_RADIUS, rocket.explosionX(), 1e-9);
        return rocket;
    }
}
