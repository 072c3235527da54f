package dev.skirmish.game.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.wire.Quantization;
import dev.skirmish.game.wire.WireFormatException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SnapshotCodecTest {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCodecTest.class);
    private static final GameMap ARENA = ShippedMaps.load("arena");

    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final SnapshotDecoder decoder = new SnapshotDecoder();

    @Test
    void deltasAgainstRandomAcknowledgedBaselinesReproduceTheWorld() {
        for (long seed = 1; seed <= 120; seed++) {
            try {
                runSession(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("snapshot session failed with seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A server sends every tick's snapshot against a baseline the client acknowledged; some snapshots
     * are lost; acknowledgements arrive late and out of order. The client decodes with its own ring.
     */
    private void runSession(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        RandomWorld world = new RandomWorld(seed, seed % 2 == 0 ? ARENA : ShippedMaps.load("warehouse"),
                1 + random.nextInt(GameConstants.MAX_PLAYERS), 1 + random.nextInt(20), true);
        SnapshotRing sent = new SnapshotRing(64);
        SnapshotRing received = new SnapshotRing(64);
        Snapshot scratch = new Snapshot();
        int acknowledged = -1;
        double lossRate = random.nextDouble(0, 0.4);
        for (int step = 0; step < 150; step++) {
            world.step();
            Snapshot current = world.capture(sent.claim(world.tick()));
            Snapshot baseline = sent.get(acknowledged);
            int length = encoder.encode(current, baseline);
            byte[] datagram = Arrays.copyOf(encoder.buffer(), length);
            assertEquals(baseline == null || current.tick() - acknowledged > SnapshotEncoder.MAX_BASELINE_AGE_TICKS
                    ? SnapshotEncoder.NO_BASELINE : acknowledged, encoder.lastBaselineTick());
            if (random.nextDouble() < lossRate) {
                continue;
            }
            int baseTick = decoder.baselineTick(datagram, 0, datagram.length);
            decoder.decode(datagram, 0, datagram.length, received.get(baseTick), scratch);
            int at = step;
            assertTrue(scratch.sameAs(current), () -> "step " + at + "\nsent " + current + "\ngot  " + scratch);
            assertWithinQuantization(world, scratch);
            received.put(scratch);
            if (random.nextInt(4) != 0) {
                // The acknowledgement reaches the server, perhaps after newer ones (then it is ignored).
                acknowledged = Math.max(acknowledged, scratch.tick() - random.nextInt(3));
                if (received.get(acknowledged) == null) {
                    acknowledged = scratch.tick();
                }
            }
        }
    }

    @Test
    void fullSnapshotWhenThereIsNoBaseline() {
        RandomWorld world = new RandomWorld(42, ARENA, 16, 1, false);
        world.step();
        Snapshot current = world.capture(new Snapshot());

        int length = encoder.encode(current, null);
        byte[] datagram = Arrays.copyOf(encoder.buffer(), length);

        assertEquals(SnapshotEncoder.NO_BASELINE, encoder.lastBaselineTick());
        assertEquals(SnapshotEncoder.NO_BASELINE, decoder.baselineTick(datagram, 0, length));
        Snapshot out = new Snapshot();
        Snapshot unrelated = new Snapshot().clear(3);
        decoder.decode(datagram, 0, length, unrelated, out);
        assertTrue(out.sameAs(current));
        LOG.info("full snapshot of 16 players: {} bytes", length);
    }

    @Test
    void evictedBaselineFallsBackToAFullSnapshot() {
        RandomWorld world = new RandomWorld(8, ARENA, 12, 1, false);
        SnapshotRing sent = new SnapshotRing(8);
        world.step();
        int acknowledged = world.capture(sent.claim(world.tick())).tick();
        for (int i = 0; i < 8; i++) {
            world.step();
            world.capture(sent.claim(world.tick()));
        }
        Snapshot current = sent.get(world.tick());

        assertNull(sent.get(acknowledged), "evicted by newer ticks");
        int length = encoder.encode(current, sent.get(acknowledged));

        assertEquals(SnapshotEncoder.NO_BASELINE, encoder.lastBaselineTick());
        Snapshot out = new Snapshot();
        decoder.decode(encoder.buffer(), 0, length, null, out);
        assertTrue(out.sameAs(current));
    }

    @Test
    void baselineOlderThanTheFormatAllowsIsSentInFull() {
        Snapshot old = new Snapshot().clear(100);
        Snapshot current = new Snapshot().clear(100 + SnapshotEncoder.MAX_BASELINE_AGE_TICKS + 1);

        encoder.encode(current, old);

        assertEquals(SnapshotEncoder.NO_BASELINE, encoder.lastBaselineTick());
    }

    @Test
    void deltaWithoutItsBaselineFailsClearly() {
        RandomWorld world = new RandomWorld(5, ARENA, 16, 1, false);
        world.step();
        Snapshot baseline = world.capture(new Snapshot());
        world.step();
        world.step();
        Snapshot current = world.capture(new Snapshot());
        int length = encoder.encode(current, baseline);
        byte[] datagram = Arrays.copyOf(encoder.buffer(), length);
        Snapshot out = new Snapshot();

        assertEquals(baseline.tick(), decoder.baselineTick(datagram, 0, length));
        MissingBaselineException none = assertThrows(MissingBaselineException.class,
                () -> decoder.decode(datagram, 0, length, null, out));
        assertEquals(baseline.tick(), none.baselineTick());
        Snapshot wrong = new Snapshot().copyFrom(current).clear(baseline.tick() - 1);
        MissingBaselineException mismatch = assertThrows(MissingBaselineException.class,
                () -> decoder.decode(datagram, 0, length, wrong, out));
        assertTrue(mismatch.getMessage().contains("baseline given is tick " + (baseline.tick() - 1)), mismatch.getMessage());

        decoder.decode(datagram, 0, length, baseline, out);
        assertTrue(out.sameAs(current));
    }

    @Test
    void encoderRefusesABaselineThatIsNotOlder() {
        Snapshot current = new Snapshot().clear(10);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(current, new Snapshot().clear(10)));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(current, new Snapshot().clear(11)));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(current, current));
    }

    @Test
    void anUnchangedWorldCostsAFewBytes() {
        Snapshot baseline = sixteenStillPlayers(new Snapshot().clear(500));
        Snapshot current = sixteenStillPlayers(new Snapshot().clear(503));

        int length = encoder.encode(current, baseline);

        assertTrue(length <= 6, length + " bytes");
        Snapshot out = new Snapshot();
        decoder.decode(encoder.buffer(), 0, length, baseline, out);
        assertTrue(out.sameAs(current));
    }

    @Test
    void typicalSixteenPlayerDeltaSizeIsReported() {
        RandomWorld world = new RandomWorld(1616, ARENA, 16, 1, false);
        SnapshotRing sent = new SnapshotRing(32);
        int ticks = 600;
        long deltaBytes = 0;
        int largest = 0;
        int players = 0;
        for (int i = 0; i < ticks; i++) {
            world.step();
            Snapshot current = world.capture(sent.claim(world.tick()));
            players += current.playerCount();
            // An acknowledgement about 100 ms (6 ticks) old, as with a 100 ms round trip.
            int length = encoder.encode(current, sent.get(world.tick() - 6));
            if (i >= 6) {
                deltaBytes += length;
                largest = Math.max(largest, length);
            }
        }
        double average = (double) deltaBytes / (ticks - 6);
        double kbitPerSecond = average * 8 * GameConstants.DEFAULT_TICK_RATE_HZ / 1000;
        assertEquals(16 * ticks, players);
        LOG.info("delta snapshots of 16 players, baseline 6 ticks old: average {} bytes, largest {}, "
                        + "{} kbit/s at 60 Hz before transport headers",
                String.format("%.1f", average), largest,
                String.format("%.1f", kbitPerSecond));
        assertTrue(average < 300, "sanity bound: average " + average);
    }

    @Test
    void worstCaseSnapshotFitsTheDeclaredMaximum() {
        Snapshot baseline = new Snapshot().clear(1000).setLastProcessedCommand(Integer.MAX_VALUE);
        Snapshot current = new Snapshot().clear(1001).setLastProcessedCommand(Snapshot.NO_COMMAND);
        for (int id = 0; id < GameConstants.MAX_PLAYERS; id++) {
            baseline.addPlayer(id).set(0, 0, 0, 0, false, 0, Integer.MIN_VALUE, Weapon.RIFLE);
            current.addPlayer(id).set(Quantization.MAX_POSITION_CODE, Quantization.MAX_POSITION_CODE, 1023,
                    GameConstants.MAX_HEALTH, true, 3, Integer.MAX_VALUE, Weapon.ROCKET_LAUNCHER);
        }
        for (int id = 0; id < GameConstants.MAX_PROJECTILES; id += 2) {
            current.addProjectile(id).set(31, Quantization.MAX_POSITION_CODE, Quantization.MAX_POSITION_CODE, 4095, 0);
        }
        int length = encoder.encode(current, baseline);
        Snapshot out = new Snapshot();
        decoder.decode(encoder.buffer(), 0, length, baseline, out);
        assertTrue(out.sameAs(current));

        Snapshot crowded = new Snapshot().clear(4000);
        for (int id = 0; id < GameConstants.MAX_PROJECTILES; id++) {
            crowded.addProjectile(id).set(31, Quantization.MAX_POSITION_CODE, Quantization.MAX_POSITION_CODE, 4095, 0);
        }
        for (int id = 0; id < GameConstants.MAX_PLAYERS; id++) {
            crowded.addPlayer(id).set(1, 1, 1, 1, true, 1, Integer.MIN_VALUE, Weapon.ROCKET_LAUNCHER);
        }
        int crowdedLength = encoder.encode(crowded, null);
        assertTrue(crowdedLength <= SnapshotEncoder.MAX_SNAPSHOT_BYTES);
        LOG.info("largest snapshots: {} bytes (32 players rewritten), {} bytes (128 new rockets); bound {}",
                length, crowdedLength, SnapshotEncoder.MAX_SNAPSHOT_BYTES);
    }

    @Test
    void aRocketReplacedInTheSameSlotIsResent() {
        Snapshot baseline = new Snapshot().clear(50);
        baseline.addProjectile(4).set(1, 100, 100, 7, 40);
        Snapshot current = new Snapshot().clear(52);
        current.addProjectile(4).set(2, 300, 300, 9, 51);

        int length = encoder.encode(current, baseline);
        Snapshot out = new Snapshot();
        decoder.decode(encoder.buffer(), 0, length, baseline, out);

        assertTrue(out.sameAs(current), out.toString());
    }

    @Test
    void truncatedOrCorruptedSnapshotsOnlyEverThrowWireFormatException() {
        SplittableRandom random = new SplittableRandom(99);
        RandomWorld world = new RandomWorld(99, ARENA, 20, 5, false);
        world.step();
        Snapshot baseline = world.capture(new Snapshot());
        for (int i = 0; i < 5; i++) {
            world.step();
        }
        Snapshot current = world.capture(new Snapshot());
        int length = encoder.encode(current, baseline);
        byte[] valid = Arrays.copyOf(encoder.buffer(), length);
        Snapshot out = new Snapshot();

        for (int cut = 0; cut < length; cut++) {
            int c = cut;
            assertThrows(WireFormatException.class, () -> decoder.decode(valid, 0, c, baseline, out), "cut " + cut);
        }
        byte[] padded = Arrays.copyOf(valid, length + 1);
        assertThrows(WireFormatException.class, () -> decoder.decode(padded, 0, padded.length, baseline, out));

        for (int trial = 0; trial < 5000; trial++) {
            byte[] corrupt = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                decoder.decode(corrupt, 0, corrupt.length, baseline, out);
            } catch (WireFormatException expected) {
                // dropped and counted by a client
            } catch (RuntimeException e) {
                fail("trial " + trial + " escaped as " + e, e);
            }
        }
    }

    @Test
    void encodingAndDecodingDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        RandomWorld world = new RandomWorld(12, ARENA, 16, 3, false);
        Snapshot[] states = new Snapshot[8];
        for (int i = 0; i < states.length; i++) {
            world.step();
            states[i] = world.capture(new Snapshot());
        }
        Snapshot out = new Snapshot();
        int rounds = 20_000;
        for (int warmup = 0; warmup < 2; warmup++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < rounds; i++) {
                Snapshot current = states[states.length - 1 - (i % 4)];
                Snapshot baseline = states[i % 4];
                int length = encoder.encode(current, baseline);
                decoder.decode(encoder.buffer(), 0, length, baseline, out);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (warmup == 1) {
                assertTrue(allocated < rounds, allocated + " bytes allocated in " + rounds + " encode/decode rounds");
            }
        }
    }

    @Test
    void ringAnswersOnlyTicksItStillHolds() {
        SnapshotRing ring = new SnapshotRing(4);
        Snapshot seven = ring.claim(7);

        assertSame(seven, ring.get(7));
        assertNull(ring.get(3));
        assertNull(ring.get(-1));
        ring.claim(11);
        assertNull(ring.get(7), "slot reused by tick 11");
        ring.clear();
        assertNull(ring.get(11));
    }

    private static Snapshot sixteenStillPlayers(Snapshot snapshot) {
        snapshot.setLastProcessedCommand(77);
        for (int id = 0; id < 16; id++) {
            snapshot.addPlayer(id * 2).set(1000 + id * 300, 2000 + id * 100, id * 60, 100, true, id % 4, id,
                    Weapon.RIFLE);
        }
        return snapshot;
    }

    private static void assertWithinQuantization(RandomWorld world, Snapshot decoded) {
        double aimStep = 2 * Math.PI / (1 << GameConstants.SNAPSHOT_AIM_BITS);
        for (int i = 0; i < decoded.playerCount(); i++) {
            PlayerSnapshot player = decoded.player(i);
            PlayerState truth = world.player(player.id());
            assertTrue(Math.abs(player.x() - truth.x()) <= Quantization.POSITION_STEP / 2 + 1e-9, () -> player + " vs " + truth);
            assertTrue(Math.abs(player.y() - truth.y()) <= Quantization.POSITION_STEP / 2 + 1e-9, () -> player + " vs " + truth);
            double aimError = Math.abs(Math.IEEEremainder(player.aimAngle() - truth.aimAngle(), 2 * Math.PI));
            assertTrue(aimError <= aimStep / 2 + 1e-9, () -> player + " vs " + truth);
            assertEquals(truth.health(), player.health());
            assertEquals(truth.alive(), player.alive());
            assertEquals(truth.score(), player.score());
            assertEquals(truth.weapon(), player.weapon());
            assertEquals(Math.floorMod(truth.spawnCount(), 4), player.spawnSerial());
        }
    }
}
