package dev.skirmish.game.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.Weapon;
import org.junit.jupiter.api.Test;

/** The sender's baseline rule: deltas against the newest acknowledged snapshot still held, else full. */
class SnapshotBaselinesTest {
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final SnapshotDecoder decoder = new SnapshotDecoder();

    private static Snapshot world(int tick) {
        Snapshot world = new Snapshot().clear(tick);
        world.addPlayer(3).set(100 + tick, 200, 5, 100, true, 1, 0, Weapon.RIFLE);
        return world;
    }

    @Test
    void encodesInFullUntilAnAcknowledgementThenAgainstIt() {
        SnapshotBaselines baselines = new SnapshotBaselines(8);
        baselines.encodeNext(world(10), 4, encoder);
        assertEquals(SnapshotEncoder.NO_BASELINE, encoder.lastBaselineTick());
        assertEquals(SnapshotBaselines.Ack.ACCEPTED, baselines.acknowledge(10, 11));
        int length = baselines.encodeNext(world(11), 5, encoder);
        assertEquals(10, encoder.lastBaselineTick());
        Snapshot baseline = world(10).setLastProcessedCommand(4);
        Snapshot decoded = new Snapshot();
        decoder.decode(encoder.buffer(), 0, length, baseline, decoded);
        assertTrue(decoded.sameAs(world(11).setLastProcessedCommand(5)), decoded.toString());
    }

    @Test
    void ignoresOldAcknowledgementsAndRefusesTicksNeverSent() {
        SnapshotBaselines baselines = new SnapshotBaselines(8);
        for (int tick = 1; tick <= 5; tick++) {
            baselines.encodeNext(world(tick), SnapshotBaselines.NONE, encoder);
        }
        assertEquals(SnapshotBaselines.Ack.IGNORED, baselines.acknowledge(SnapshotBaselines.NONE, 5));
        assertEquals(SnapshotBaselines.Ack.ACCEPTED, baselines.acknowledge(4, 5));
        assertEquals(SnapshotBaselines.Ack.IGNORED, baselines.acknowledge(3, 5));
        assertEquals(SnapshotBaselines.Ack.INVALID, baselines.acknowledge(9, 5));
        assertEquals(4, baselines.ackedTick());
        assertNull(baselines.baselineFor(4), "a snapshot is never its own baseline");
    }

    @Test
    void fallsBackToFullWhenTheBaselineLeftTheRing() {
        SnapshotBaselines baselines = new SnapshotBaselines(4);
        baselines.encodeNext(world(1), 0, encoder);
        assertEquals(SnapshotBaselines.Ack.ACCEPTED, baselines.acknowledge(1, 1));
        for (int tick = 2; tick <= 4; tick++) {
            baselines.encodeNext(world(tick), 0, encoder);
            assertEquals(1, encoder.lastBaselineTick(), "tick " + tick);
        }
        assertNull(baselines.baselineFor(5), "four ticks old in a ring of four: evicted by tick 5");
        baselines.encodeNext(world(5), 0, encoder);
        assertEquals(SnapshotEncoder.NO_BASELINE, encoder.lastBaselineTick());
    }

    @Test
    void judgesAcknowledgementsOfTicksNotHeld() {
        SnapshotBaselines baselines = new SnapshotBaselines(4);
        for (int tick = 10; tick <= 30; tick += 2) {
            baselines.encodeNext(world(tick), 0, encoder);
        }
        assertEquals(SnapshotBaselines.Ack.INVALID, baselines.acknowledge(29, 30), "recent, but never sent");
        assertEquals(SnapshotBaselines.Ack.IGNORED, baselines.acknowledge(12, 30), "sent long ago and evicted");
        assertEquals(SnapshotBaselines.NONE, baselines.ackedTick());
        assertEquals(SnapshotBaselines.Ack.ACCEPTED, baselines.acknowledge(28, 30));
    }

    @Test
    void capacityIsAboutASecondOfTicksWithinTheEncodersReach() {
        assertEquals(SnapshotBaselines.MIN_CAPACITY, SnapshotBaselines.capacityFor(10));
        assertEquals(60, SnapshotBaselines.capacityFor(60));
        assertEquals(SnapshotEncoder.MAX_BASELINE_AGE_TICKS,
                SnapshotBaselines.capacityFor(SnapshotEncoder.MAX_BASELINE_AGE_TICKS + 100));
    }
}
