package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.wire.Quantization;
import org.junit.jupiter.api.Test;

class InterpolationBufferTest {

    private static final double EPSILON = 1e-9;
    private static final int OTHER = 3;
    private static final int LOCAL = 0;

    private final ClientView view = new ClientView();

    /** A snapshot of {@code tick} with player {@link #OTHER} at {@code (x, 200)}, aiming {@code aimDegrees}. */
    private static Snapshot snapshot(int tick, double x) {
        return snapshot(tick, x, 0, 0, true);
    }

    private static Snapshot snapshot(int tick, double x, double aimDegrees, int spawnSerial, boolean alive) {
        Snapshot snapshot = new Snapshot().clear(tick);
        snapshot.addPlayer(LOCAL).set(Quantization.positionCode(50), Quantization.positionCode(50), 0, 100, true, 0, 0,
                Weapon.RIFLE);
        snapshot.addPlayer(OTHER).set(Quantization.positionCode(x), Quantization.positionCode(200),
                Quantization.angleCode(Math.toRadians(aimDegrees), GameConstants.SNAPSHOT_AIM_BITS),
                alive ? 100 : 0, alive, spawnSerial, 0, Weapon.RIFLE);
        return snapshot;
    }

    private PlayerView sampleOther(InterpolationBuffer buffer, double renderTick) {
        buffer.seek(renderTick);
        buffer.samplePlayers(LOCAL, view);
        assertEquals(1, view.otherCount(), "the local player is skipped");
        return view.other(0);
    }

    @Test
    void interpolatesBetweenTheSnapshotsAroundTheRenderTime() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(12, 120));

        assertEquals(110, sampleOther(buffer, 11).x(), EPSILON);
        assertEquals(105, sampleOther(buffer, 10.5).x(), EPSILON);
        assertEquals(120, sampleOther(buffer, 12).x(), EPSILON);
        assertEquals(200, sampleOther(buffer, 11).y(), EPSILON);
        assertEquals(0, buffer.underruns());
    }

    @Test
    void aGapOfLostSnapshotsWidensTheInterval() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(16, 160));

        assertEquals(130, sampleOther(buffer, 13).x(), EPSILON);
        assertEquals(0, buffer.underruns());
    }

    @Test
    void outOfOrderInsertsTakeTheirPlaceByTick() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        assertTrue(buffer.insert(snapshot(10, 100)));
        assertTrue(buffer.insert(snapshot(14, 140)));
        assertTrue(buffer.insert(snapshot(12, 100)));

        assertEquals(1, buffer.outOfOrderInserts());
        assertEquals(100, sampleOther(buffer, 11).x(), EPSILON, "between 10 and the late 12, not 10 and 14");
        assertEquals(120, sampleOther(buffer, 13).x(), EPSILON);
        assertFalse(buffer.insert(snapshot(12, 999)), "a tick already held is refused");
        assertEquals(1, buffer.refused());
        assertEquals(10, buffer.oldestTick());
        assertEquals(14, buffer.newestTick());
    }

    @Test
    void aFullBufferEvictsTheOldestAndRefusesOlderThanEverything() {
        InterpolationBuffer buffer = new InterpolationBuffer(3, 0);
        for (int tick = 1; tick <= 4; tick++) {
            assertTrue(buffer.insert(snapshot(tick, tick * 10)));
        }
        assertEquals(3, buffer.size());
        assertEquals(2, buffer.oldestTick());
        assertFalse(buffer.insert(snapshot(1, 10)));
        assertFalse(buffer.insert(snapshot(3, 30)), "a tick already held");
        assertTrue(buffer.insert(snapshot(6, 60)));
        assertEquals(3, buffer.oldestTick(), "the oldest made room");
        assertEquals(2, buffer.refused());
    }

    @Test
    void aRenderTimeBeforeTheOldestHoldsTheOldest() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(11, 110));

        assertEquals(100, sampleOther(buffer, 3).x(), EPSILON);
        assertEquals(0, buffer.underruns());
    }

    @Test
    void underrunsAreCountedAndExtrapolationIsBounded() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 2);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(11, 104));

        assertEquals(108, sampleOther(buffer, 12).x(), EPSILON, "one tick along the last velocity");
        assertEquals(1, buffer.underruns());
        assertEquals(112, sampleOther(buffer, 20).x(), EPSILON, "at most two ticks, then held");
        assertEquals(2, buffer.underruns());
        assertEquals(104, sampleOther(buffer, 11).x(), EPSILON);
        assertEquals(2, buffer.underruns(), "the newest tick itself is no underrun");
    }

    @Test
    void withoutExtrapolationAnUnderrunHoldsTheNewest() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(11, 104));

        assertEquals(104, sampleOther(buffer, 15).x(), EPSILON);
        assertEquals(1, buffer.underruns());
    }

    @Test
    void aRespawnOrDeathIsHeldNotSlidAcross() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100, 0, 1, true));
        buffer.insert(snapshot(12, 600, 0, 2, true));
        assertEquals(100, sampleOther(buffer, 11.5).x(), EPSILON, "respawned in between");

        InterpolationBuffer dying = new InterpolationBuffer(8, 0);
        dying.insert(snapshot(10, 100, 0, 1, true));
        dying.insert(snapshot(12, 120, 0, 1, false));
        assertEquals(100, sampleOther(dying, 11).x(), EPSILON, "died in between");
    }

    @Test
    void playersAppearAndLeaveWithTheEarlierSnapshot() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        Snapshot alone = new Snapshot().clear(10);
        alone.addPlayer(LOCAL).set(800, 800, 0, 100, true, 0, 0, Weapon.RIFLE);
        buffer.insert(alone);
        buffer.insert(snapshot(12, 120));

        buffer.seek(11);
        buffer.samplePlayers(LOCAL, view);
        assertEquals(0, view.otherCount(), "joined at 12: not drawn before 12");
        assertEquals(120, sampleOther(buffer, 12).x(), EPSILON);

        Snapshot left = new Snapshot().clear(14);
        left.addPlayer(LOCAL).set(800, 800, 0, 100, true, 0, 0, Weapon.RIFLE);
        buffer.insert(left);
        assertEquals(120, sampleOther(buffer, 13).x(), EPSILON, "left at 14: held until then");
    }

    @Test
    void aimTurnsTheShorterWayRound() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100, 350, 0, true));
        buffer.insert(snapshot(12, 100, 10, 0, true));

        double aim = Math.toDegrees(sampleOther(buffer, 11).aimAngle());
        assertTrue(aim < 0.5 || aim > 359.5, "through 0 degrees, not 180: " + aim);
        double quarter = Math.toDegrees(sampleOther(buffer, 10.5).aimAngle());
        assertEquals(355, quarter, 0.5);
    }

    @Test
    void samplesOnePlayerByIdForTheUnpredictedLocalPlayer() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.insert(snapshot(10, 100));
        buffer.insert(snapshot(12, 120));
        buffer.seek(11);
        PlayerView out = new PlayerView();

        assertTrue(buffer.samplePlayer(OTHER, out));
        assertEquals(110, out.x(), EPSILON);
        assertFalse(buffer.samplePlayer(7, out));
    }

    @Test
    void rocketsAreFlownToTheRenderTime() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        Snapshot launched = snapshot(10, 100);
        launched.addProjectile(5).set(OTHER, Quantization.positionCode(300), Quantization.positionCode(400), 0, 10);
        buffer.insert(launched);
        buffer.insert(snapshot(12, 120));

        buffer.seek(11.5);
        buffer.sampleProjectiles(60, view);
        assertEquals(1, view.projectileCount());
        ProjectileView rocket = view.projectile(0);
        assertEquals(5, rocket.id());
        assertEquals(OTHER, rocket.ownerId());
        assertEquals(300 + GameConstants.ROCKET_SPEED_UNITS_PER_SECOND * 1.5 / 60, rocket.x(), 1e-6);
        assertEquals(400, rocket.y(), 1e-6);
    }

    @Test
    void anEmptyBufferDrawsNothingAndCountsNoUnderrun() {
        InterpolationBuffer buffer = new InterpolationBuffer(8, 0);
        buffer.seek(42);
        buffer.samplePlayers(LOCAL, view);
        buffer.sampleProjectiles(60, view);
        assertEquals(0, view.otherCount());
        assertEquals(0, view.projectileCount());
        assertEquals(0, buffer.underruns());
    }
}
