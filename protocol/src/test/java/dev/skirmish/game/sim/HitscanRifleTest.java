package dev.skirmish.game.sim;

import static dev.skirmish.game.GameConstants.PLAYER_RADIUS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.TestMaps;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.SpawnPoint;
import org.junit.jupiter.api.Test;

class HitscanRifleTest {

    private final GameMap open = TestMaps.open();
    private final ShotResult result = new ShotResult();

    @Test
    void hitsThePlayerInTheLineOfFire() {
        PlayerState shooter = player(0, 100, 300, 0);
        PlayerState target = player(1, 400, 305, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, target}, 2, open, result);

        assertEquals(ShotResult.Outcome.PLAYER, result.outcome());
        assertEquals(1, result.targetId());
        double expected = 300 - Math.sqrt(PLAYER_RADIUS * PLAYER_RADIUS - 25);
        assertEquals(expected, result.distance(), 1e-9);
        assertEquals(100 + expected, result.endX(), 1e-9);
    }

    @Test
    void missesAPlayerBesideTheLine() {
        PlayerState shooter = player(0, 100, 300, 0);
        PlayerState target = player(1, 400, 300 + PLAYER_RADIUS + 0.5, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, target}, 2, open, result);

        assertEquals(ShotResult.Outcome.WALL, result.outcome(), "ends on the world edge");
        assertEquals(open.width() - 100, result.distance(), 1e-9);
    }

    @Test
    void nearestOfSeveralPlayersIsHit() {
        PlayerState shooter = player(0, 100, 300, 0);
        PlayerState far = player(1, 500, 300, 0);
        PlayerState near = player(2, 250, 300, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {far, shooter, null, near}, 4, open, result);

        assertEquals(2, result.targetId());
    }

    @Test
    void aWallBetweenBlocksTheShot() {
        GameMap map = TestMaps.grid(32,
                "S.........",
                "..........",
                ".....#....",
                "..........");
        PlayerState shooter = player(0, 40, 80, 0);
        PlayerState target = player(1, 280, 80, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, target}, 2, map, result);

        assertEquals(ShotResult.Outcome.WALL, result.outcome());
        assertEquals(160 - 40, result.distance(), 1e-9);
        assertEquals(-1, result.targetId());
    }

    @Test
    void shotsReachOnlyTheRiflesRange() {
        GameMap wide = TestMaps.grid(64, "S" + ".".repeat(39), ".".repeat(40), ".".repeat(40), ".".repeat(40));
        PlayerState shooter = player(0, 50, 100, 0);
        PlayerState beyond = player(1, 50 + GameConstants.RIFLE_RANGE + PLAYER_RADIUS + 5, 100, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, beyond}, 2, wide, result);

        assertEquals(ShotResult.Outcome.MISS, result.outcome());
        assertEquals(GameConstants.RIFLE_RANGE, result.distance(), 1e-9);
    }

    @Test
    void ignoresTheShooterAndDeadPlayers() {
        PlayerState shooter = player(0, 100, 300, Math.PI);
        PlayerState corpse = player(1, 50, 300, 0);
        corpse.applyDamage(GameConstants.MAX_HEALTH);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, corpse}, 2, open, result);

        assertEquals(ShotResult.Outcome.WALL, result.outcome());
        assertEquals(100, result.distance(), 1e-9);
    }

    @Test
    void aimsAlongTheAngleWithYPointingDown() {
        PlayerState shooter = player(0, 300, 300, Math.PI / 2);
        PlayerState below = player(1, 300, 400, 0);

        HitscanRifle.fire(shooter, new PlayerState[] {shooter, below}, 2, open, result);

        assertEquals(1, result.targetId());
    }

    static PlayerState player(int id, double x, double y, double aim) {
        return new PlayerState(id).spawn(new SpawnPoint(x, y)).setAimAngle(aim);
    }
}
