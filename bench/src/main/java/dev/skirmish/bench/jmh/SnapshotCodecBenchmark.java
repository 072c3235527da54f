package dev.skirmish.bench.jmh;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotDecoder;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Delta-encoding and decoding one snapshot against a baseline three ticks older, with every player
 * moving and aiming, a quarter of them taking damage, and eight rockets in flight (seeded), at 16,
 * 32 and 64 players ({@link GameConstants#MAX_PLAYERS}).
 */
public class SnapshotCodecBenchmark extends BenchmarkSettings {
    private static final int BASELINE_TICK = 1000;
    private static final int CURRENT_TICK = BASELINE_TICK + 3;
    private static final int ROCKETS = 8;

    @Param({"16", "32", "64"})
    public int players;

    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final Snapshot baseline = new Snapshot();
    private final Snapshot current = new Snapshot();
    private final Snapshot decoded = new Snapshot();
    private byte[] encoded;
    private int encodedLength;

    @Setup
    public void buildSnapshots() {
        SplittableRandom random = new SplittableRandom(SEED);
        baseline.clear(BASELINE_TICK).setLastProcessedCommand(500);
        current.clear(CURRENT_TICK).setLastProcessedCommand(503);
        for (int id = 0; id < players; id++) {
            int x = 2000 + random.nextInt(30_000);
            int y = 2000 + random.nextInt(30_000);
            int aim = random.nextInt(1 << GameConstants.SNAPSHOT_AIM_BITS);
            int health = 40 + random.nextInt(61);
            Weapon weapon = random.nextBoolean() ? Weapon.RIFLE : Weapon.ROCKET_LAUNCHER;
            int score = random.nextInt(20);
            baseline.addPlayer(id).set(x, y, aim, health, true, 1, score, weapon);
            PlayerSnapshot moved = current.addPlayer(id);
            int hurt = random.nextInt(4) == 0 ? 20 : 0;
            moved.set(x + random.nextInt(-200, 201), y + random.nextInt(-200, 201),
                    (aim + random.nextInt(-30, 31)) & ((1 << GameConstants.SNAPSHOT_AIM_BITS) - 1),
                    health - hurt, true, 1, score, weapon);
        }
        for (int id = 0; id < ROCKETS; id++) {
            int owner = random.nextInt(players);
            int x = 2000 + random.nextInt(30_000);
            int y = 2000 + random.nextInt(30_000);
            int angle = random.nextInt(1 << GameConstants.PROJECTILE_ANGLE_BITS);
            int spawnTick = BASELINE_TICK - random.nextInt(60);
            baseline.addProjectile(id).set(owner, x, y, angle, spawnTick);
            current.addProjectile(id).set(owner, x, y, angle, spawnTick);
        }
        encodedLength = encoder.encode(current, baseline);
        encoded = encoder.buffer().clone();
    }

    @Benchmark
    public int encodeDelta() {
        return encoder.encode(current, baseline);
    }

    @Benchmark
    public int decodeDelta() {
        decoder.decode(encoded, 0, encodedLength, baseline, decoded);
        return decoded.playerCount();
    }
}
