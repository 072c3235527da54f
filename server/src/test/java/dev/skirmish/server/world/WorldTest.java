package dev.skirmish.server.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.SpawnPoint;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.server.TestMaps;
import dev.skirmish.server.input.InputRejection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {

    private static final int RATE = 60;

    private final List<String> events = new ArrayList<>();
    private final List<MatchResult> results = new ArrayList<>();
    private final WorldListener recorder = new WorldListener() {
        @Override
        public void onSpawn(ServerPlayer player) {
            events.add("spawn " + player.id());
        }

        @Override
        public void onKill(ServerPlayer killer, ServerPlayer victim, Weapon weapon) {
            events.add("kill " + killer.id() + " " + victim.id() + " " + weapon);
        }

        @Override
        public void onClamp(ServerPlayer shooter, InputRejection reason) {
            events.add("clamp " + shooter.id() + " " + reason);
        }

        @Override
        public void onMatchEnd(MatchResult result) {
            results.add(result);
            events.add("match end " + result.matchNumber());
        }

        @Override
        public void onMatchStart(int matchNumber, int tick) {
            events.add("match start " + matchNumber + " at " + tick);
        }
    };

    private int tick;

    private World world(int matchTicks, double maxRewindTicks) {
        return new World(TestMaps.field(), new WorldRules(RATE, matchTicks, maxRewindTicks, 1), recorder);
    }

    private static InputCommand idle() {
        return new InputCommand();
    }

    private static InputCommand fire(double angle, Weapon weapon) {
        return new InputCommand().setAimAngle(angle).setFire(true).setWeapon(weapon);
    }

    /** Runs one tick in which {@code player} (if not null) applies {@code command}. */
    private void step(World world, ServerPlayer player, InputCommand command) {
        world.beginTick(tick);
        if (player != null) {
            world.applyCommand(player, command);
        }
        world.endTick();
        tick++;
    }

    /** Adds "bob" facing {@code shooter} across open floor: shooter at (100, 250), target at (300, 250), angle 0. */
    private static ServerPlayer duelTarget(World world, ServerPlayer shooter) {
        ServerPlayer target = world.addPlayer(1, "bob", 0, 0, 0);
        shooter.state().setPosition(100, 250);
        target.state().setPosition(300, 250);
        return target;
    }

    private void idleTicks(World world, int ticks) {
        for (int i = 0; i < ticks; i++) {
            step(world, null, null);
        }
    }

    @Test
    void spawnsJoiningPlayersAliveAtSpawnPointsFarFromOthers() {
        World world = world(10_000, 0);
        ServerPlayer first = world.addPlayer(0, "ann", 0, 0, 0);
        ServerPlayer second = world.addPlayer(1, "bob", 0, 0, 0);
        assertTrue(first.state().alive());
        assertEquals(GameConstants.MAX_HEALTH, first.state().health());
        assertTrue(world.map().spawns().contains(new SpawnPoint(first.state().x(), first.state().y())));
        SpawnPoint far = new SpawnPoint(second.state().x(), second.state().y());
        assertEquals(new SpawnPoint(592, 336), far, "the corner opposite (48, 48)");
        assertEquals(new SpawnPoint(48, 48), new SpawnPoint(first.state().x(), first.state().y()));
        assertEquals(List.of("spawn 0", "spawn 1"), events);
    }

    @Test
    void rifleHitDoesDamageAndFiveHitsKillAndScore() {
        World world = world(10_000, 0);
        ServerPlayer shooter = world.addPlayer(0, "ann", 0, 0, 0);
        ServerPlayer target = duelTarget(world, shooter);
        step(world, shooter, fire(0, Weapon.RIFLE));
        assertEquals(GameConstants.MAX_HEALTH - GameConstants.RIFLE_DAMAGE, target.state().health());
        assertEquals(1, world.shotsHit());
        // Fire held: the rifle's rate (every 6 ticks at 60 Hz) decides when the next shots leave.
        int shots = 1;
        while (target.state().alive()) {
            step(world, shooter, fire(0, Weapon.RIFLE));
            shots = (int) world.shotsFired();
            assertTrue(tick < 100, "target should die");
        }
        assertEquals(5, shots);
        assertEquals(25, tick, "five shots at 0.1 s intervals: fired on ticks 0, 6, 12, 18, 24");
        assertEquals(1, shooter.score());
        assertEquals(1, shooter.kills());
        assertEquals(1, target.deaths());
        assertEquals(0, target.score());
        assertTrue(events.contains("kill 0 1 RIFLE"));
    }

    @Test
    void theDeadRespawnAfterTheDelayAtASpawnPoint() {
        World world = world(10_000, 0);
        ServerPlayer shooter = world.addPlayer(0, "ann", 0, 0, 0);
        ServerPlayer target = duelTarget(world, shooter);
        target.state().setVitals(GameConstants.RIFLE_DAMAGE, true);
        step(world, shooter, fire(0, Weapon.RIFLE));
        assertFalse(target.state().alive());
        int deathTick = tick - 1;
        int spawns = target.state().spawnCount();
        int delay = world.rules().respawnDelayTicks();
        assertEquals(120, delay, "2 s at 60 Hz");
        while (tick < deathTick + delay) {
            step(world, null, null);
            assertFalse(target.state().alive(), "still dead at tick " + (tick - 1));
        }
        step(world, null, null);
        assertTrue(target.state().alive(), "back at tick " + (deathTick + delay));
        assertEquals(spawns + 1, target.state().spawnCount());
        assertEquals(GameConstants.MAX_HEALTH, target.state().health());
        assertTrue(world.map().spawns().contains(new SpawnPoint(target.state().x(), target.state().y())));
    }

    @Test
    void aDeathByOwnRocketIsASuicideThatCostsAPoint() {
        World world = world(10_000, 0);
        ServerPlayer player = world.addPlayer(0, "ann", 0, 0, 0);
        // Beside the wall block's left face (x = 256), facing it: the rocket bursts at point blank.
        player.state().setPosition(256 - 30, 144);
        player.state().setVitals(10, true);
        player.state().setWeapon(Weapon.ROCKET_LAUNCHER);
        step(world, player, fire(0, Weapon.ROCKET_LAUNCHER));
        assertEquals(1, world.rocketsLaunched());
        for (int i = 0; i < 10 && player.state().alive(); i++) {
            step(world, player, idle().setWeapon(Weapon.ROCKET_LAUNCHER));
        }
        assertFalse(player.state().alive());
        assertEquals(-1, player.score());
        assertEquals(1, player.deaths());
        assertEquals(0, player.kills());
        assertTrue(events.contains("kill 0 0 ROCKET_LAUNCHER"));
        assertEquals(0, world.projectileCount());
    }

    @Test
    void aRocketShowsAtItsOriginInTheTickItIsLaunched() {
        World world = world(10_000, 0);
        ServerPlayer player = world.addPlayer(0, "ann", 0, 0, 0);
        player.state().setPosition(100, 250).setWeapon(Weapon.ROCKET_LAUNCHER);
        step(world, player, fire(0, Weapon.ROCKET_LAUNCHER));
        Snapshot snapshot = new Snapshot();
        world.fillSnapshot(snapshot);
        assertEquals(1, snapshot.projectileCount());
        assertEquals(tick - 1, snapshot.projectile(0).spawnTick(), "age 0 in the launch tick's snapshot");
    }

    @Test
    void theMatchEndsAfterItsTicksThenScoresResetAndEveryoneRespawns() {
        World world = world(100, 0);
        ServerPlayer shooter = world.addPlayer(0, "ann", 0, 0, 0);
        ServerPlayer target = duelTarget(world, shooter);
        target.state().setVitals(GameConstants.RIFLE_DAMAGE, true);
        step(world, shooter, fire(0, Weapon.RIFLE));
        assertEquals(1, shooter.score());
        int shooterSpawns = shooter.state().spawnCount();
        idleTicks(world, 99);
        assertTrue(results.isEmpty(), "tick 99 is still in match 1");
        step(world, null, null);
        assertEquals(1, results.size());
        MatchResult result = results.get(0);
        assertEquals(1, result.matchNumber());
        assertEquals(0, result.startTick());
        assertEquals(100, result.endTick());
        assertEquals(new PlayerStanding(0, "ann", 1, 1, 0), result.winner());
        assertEquals(new PlayerStanding(1, "bob", 0, 0, 1), result.standings().get(1));
        assertEquals(2, world.matchNumber());
        assertEquals(0, shooter.score());
        assertEquals(0, shooter.kills());
        assertEquals(0, target.deaths());
        assertTrue(target.state().alive());
        assertEquals(shooterSpawns + 1, shooter.state().spawnCount(), "everyone respawns for the new match");
        assertTrue(events.indexOf("match end 1") < events.indexOf("match start 2 at 100"));
        idleTicks(world, 99);
        assertEquals(1, results.size());
        step(world, null, null);
        assertEquals(2, results.size(), "the next match is as long");
    }

    @Test
    void leavingRemovesThePlayersRockets() {
        World world = world(10_000, 0);
        ServerPlayer player = world.addPlayer(0, "ann", 0, 0, 0);
        player.state().setPosition(100, 250).setWeapon(Weapon.ROCKET_LAUNCHER);
        step(world, player, fire(0, Weapon.ROCKET_LAUNCHER));
        assertEquals(1, world.projectileCount());
        PlayerStanding standing = world.removePlayer(0);
        assertEquals("ann", standing.name());
        assertEquals(0, world.projectileCount());
        assertEquals(0, world.playerCount());
        assertEquals(0, world.freePlayerId(32));
    }

    @Test
    void returningPlayersKeepTheirStanding() {
        World world = world(10_000, 0);
        ServerPlayer player = world.addPlayer(3, "ann", 7, 9, 2);
        assertEquals(new PlayerStanding(3, "ann", 7, 9, 2), player.standing());
    }

    // ------------------------------------------------------------------ lag compensation

    /** A target walking down (+y) at x = 300 from y = 200; a shooter standing at (100, 200 + 4k) aims level at it. */
    private static final class Walk {
        final World world;
        final ServerPlayer target;
        final ServerPlayer shooter;
        final double[] yAtTick = new double[64];

        Walk(WorldTest test, double maxRewindTicks) {
            world = test.world(10_000, maxRewindTicks);
            target = world.addPlayer(0, "target", 0, 0, 0);
            shooter = world.addPlayer(1, "shooter", 0, 0, 0);
            target.state().setPosition(300, 200);
            shooter.state().setPosition(100, 300);
            for (int t = 0; t < 20; t++) {
                world.beginTick(test.tick);
                world.applyCommand(target, new InputCommand().setButtons(InputCommand.MOVE_DOWN));
                world.endTick();
                yAtTick[test.tick] = target.state().y();
                test.tick++;
            }
        }

        /** Fires from (100, y) level (angle 0) with the given view, in the next tick; returns whether it hit. */
        boolean shootLevelAt(WorldTest test, double y, int viewTick, int viewFraction) {
            shooter.state().setPosition(100, y);
            long hitsBefore = world.shotsHit();
            world.beginTick(test.tick);
            world.applyCommand(shooter, fire(0, Weapon.RIFLE).setView(viewTick, viewFraction));
            world.endTick();
            test.tick++;
            return world.shotsHit() > hitsBefore;
        }
    }

    @Test
    void rewindsTargetsToWhereTheShooterSawThem() {
        Walk walk = new Walk(this, 12);
        double seen = walk.yAtTick[10];
        assertEquals(200 + 11 * 4, seen, 1e-9, "4 units per tick at 240 u/s, 60 Hz");
        assertTrue(walk.target.state().y() - seen > 2 * GameConstants.PLAYER_RADIUS, "the target has moved on");
        assertTrue(walk.shootLevelAt(this, seen, 10, 0), "hit where it was seen at tick 10");
        assertEquals(80, walk.target.state().health());
        assertTrue(events.stream().noneMatch(e -> e.startsWith("clamp")), events.toString());
    }

    @Test
    void rewindBlendsBetweenTicksByTheViewFraction() {
        Walk walk = new Walk(this, 12);
        // Halfway between ticks 10 and 11 the target was 2 units further down than at 10. A level shot
        // grazing the bottom of that circle hits only if the blend is applied.
        double grazing = walk.yAtTick[10] + 2 + GameConstants.PLAYER_RADIUS - 0.5;
        assertTrue(walk.shootLevelAt(this, grazing, 10, 128));
        Walk again = new Walk(this, 12);
        assertFalse(again.shootLevelAt(this, again.yAtTick[10] + 2 + GameConstants.PLAYER_RADIUS + 0.5, 10, 128),
                "just below the blended circle");
    }

    @Test
    void withoutCompensationTheSameShotMisses() {
        Walk walk = new Walk(this, 0);
        assertFalse(walk.shootLevelAt(this, walk.yAtTick[10], 10, 0));
        assertEquals(1, walk.world.shotsFired());
        assertEquals(GameConstants.MAX_HEALTH, walk.target.state().health());
    }

    @Test
    void rewindIsLimitedAndCountsClampedViewTicks() {
        Walk walk = new Walk(this, 6);
        // Tick 20 runs now: tick 19 is the newest recorded, so 6 ticks of rewind reach back to tick 13.
        assertFalse(walk.shootLevelAt(this, walk.yAtTick[5], 5, 0), "too old: clamped to tick 13");
        assertTrue(events.contains("clamp 1 VIEW_TICK_TOO_OLD"), events.toString());
        tick += 6;
        Walk fresh = new Walk(this, 6);
        int newest = tick - 1;
        assertTrue(fresh.shootLevelAt(this, fresh.yAtTick[newest], newest + 5, 0), "a future view is the newest tick");
        assertTrue(events.contains("clamp 1 VIEW_TICK_IN_FUTURE"), events.toString());
    }

    @Test
    void wallsStillBlockARewoundShot() {
        World world = world(10_000, 12);
        ServerPlayer target = world.addPlayer(0, "target", 0, 0, 0);
        ServerPlayer shooter = world.addPlayer(1, "shooter", 0, 0, 0);
        // The target stood right of the wall block (x 256..384, y 128..160) and then walked down out of cover.
        target.state().setPosition(450, 144);
        shooter.state().setPosition(100, 144);
        for (int t = 0; t < 12; t++) {
            world.beginTick(tick);
            world.applyCommand(target, new InputCommand().setButtons(InputCommand.MOVE_DOWN));
            world.endTick();
            tick++;
        }
        world.beginTick(tick);
        world.applyCommand(shooter, fire(0, Weapon.RIFLE).setView(0, 0));
        world.endTick();
        assertEquals(1, world.shotsFired());
        assertEquals(0, world.shotsHit(), "the wall stands between the shooter and where the target was");
        assertNotEquals(144, target.state().y());
    }

    /** With snapshots every 2 ticks, a target that stands, steps down 4 units in tick 11 only, then stands. */
    private boolean shootAtViewElevenWithSnapshotsEveryTwoTicks(double shooterY) {
        tick = 0;
        World world = new World(TestMaps.field(), new WorldRules(RATE, 10_000, 12, 2), recorder);
        ServerPlayer target = world.addPlayer(0, "target", 0, 0, 0);
        ServerPlayer shooter = world.addPlayer(1, "shooter", 0, 0, 0);
        target.state().setPosition(300, 200);
        for (int t = 0; t < 16; t++) {
            world.beginTick(tick);
            world.applyCommand(target, new InputCommand().setButtons(tick == 11 ? InputCommand.MOVE_DOWN : 0));
            world.endTick();
            tick++;
        }
        shooter.state().setPosition(100, shooterY);
        world.beginTick(tick);
        world.applyCommand(shooter, fire(0, Weapon.RIFLE).setView(11, 0));
        world.endTick();
        return world.shotsHit() == 1;
    }

    @Test
    void withASnapshotIntervalRewindBlendsBetweenTheSnapshotsTheClientDrew() {
        // Snapshots went out at ticks 10 and 12 only: at view 11.0 the client drew the target halfway,
        // at y = 202, not at y = 204 where tick 11 really had it.
        double drawnBottom = 202 + GameConstants.PLAYER_RADIUS;
        assertTrue(shootAtViewElevenWithSnapshotsEveryTwoTicks(drawnBottom - 0.5), "grazing the drawn circle");
        assertFalse(shootAtViewElevenWithSnapshotsEveryTwoTicks(drawnBottom + 0.5),
                "just below the drawn circle, though inside where tick 11 had the target");
    }
}
