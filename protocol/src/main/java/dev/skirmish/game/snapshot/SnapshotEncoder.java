package dev.skirmish.game.snapshot;

import static dev.skirmish.game.snapshot.SnapshotFormat.BASELINE_AGE_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGED_AIM;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGED_POSITION;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGED_SCORE;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGED_VITALS;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGED_WEAPON;
import static dev.skirmish.game.snapshot.SnapshotFormat.CHANGE_MASK_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.COMMAND_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.HEALTH_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.PLAYER_ID_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.POSITION_CLASS_ABSOLUTE;
import static dev.skirmish.game.snapshot.SnapshotFormat.POSITION_CLASS_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.POSITION_DELTA_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.PROJECTILE_AGE_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.PROJECTILE_ID_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.SPAWN_SERIAL_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.TICK_BITS;
import static dev.skirmish.game.snapshot.SnapshotFormat.VAR_CHUNK_BITS;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.wire.BitWriter;

/**
 * Encodes a {@link Snapshot} for one client as a delta against a baseline snapshot that client has
 * acknowledged, or in full when there is none; bit-packed, into a reused buffer, without allocating.
 *
 * <p>Wire format (bits, most significant first; see {@link BitWriter}). A full snapshot is a delta
 * against an empty world in which every entry is an add, so the op codes are left out.
 * <pre>
 *   32     tick                                      0 or more
 *   1      has baseline
 *   8      baseline age, ticks (if has baseline)     1..255; baseline tick = tick - age
 *   32     last processed command (no baseline)      raw, -1 = none yet
 *   svar4  last processed command minus baseline's   (with baseline)
 *
 *   players, ids ascending, only entries that differ from the baseline:
 *   { 1  more (1) ; 1 id is previous id + 1 (first: previous = -1) ; 6 id (if not)
 *     op (with baseline only): 0 update | 10 add | 11 remove
 *     update: 5 changed groups, bit 0 position, 1 aim, 2 vitals, 3 score, 4 weapon; then each changed group:
 *        position: 2 class c; c = 0,1,2: dx, dy signed 8/11/14 bits (position steps); c = 3: x, y 16 bits each
 *        aim 10 | vitals: health 7, alive 1, spawn serial 2 | score: svar4 difference | weapon 2
 *     add:    x 16, y 16, aim 10, health 7, alive 1, spawn serial 2, score svar4, weapon 2
 *   }* 1 more (0)
 *
 *   projectiles, ids ascending, only entries that differ:
 *   { 1 more (1) ; 1 id is previous id + 1 ; 7 id (if not)
 *     op (with baseline only): 1 add or replace | 0 remove
 *     add:    owner 6, origin x 16, origin y 16, angle 12, age in ticks (tick - spawn tick) 12
 *   }* 1 more (0)
 *   zero padding to a whole byte
 * </pre>
 * {@code svar4} is a zigzag var-int in 4-bit groups ({@link BitWriter#writeSignedVar}). An unchanged
 * player costs nothing; a moving, turning one about 34 bits; a rocket costs 71 bits once, when it
 * appears, and 10 when it goes. The format is bounded by {@link #MAX_SNAPSHOT_BYTES}.
 *
 * <p>Baselines: pass the snapshot the client acknowledged (the server keeps what it sent in a
 * {@link SnapshotRing}), or null for a full snapshot. A baseline more than
 * {@value #MAX_BASELINE_AGE_TICKS} ticks old is ignored and the snapshot sent in full;
 * {@link #lastBaselineTick()} says which happened. Not thread-safe; one encoder per server thread.
 */
public final class SnapshotEncoder {

    /** Baseline tick named by a full snapshot. */
    public static final int NO_BASELINE = -1;

    /** Oldest usable baseline, in ticks before the encoded snapshot. */
    public static final int MAX_BASELINE_AGE_TICKS = (1 << BASELINE_AGE_BITS) - 1;

    /** Largest possible encoded snapshot. */
    public static final int MAX_SNAPSHOT_BYTES = (SnapshotFormat.MAX_BITS + 7) / 8;

    private final BitWriter writer = new BitWriter(MAX_SNAPSHOT_BYTES);
    private int lastBaselineTick = NO_BASELINE;

    /**
     * Encodes {@code current} against {@code baseline} (null for a full snapshot) into
     * {@link #buffer()} and returns the length in bytes.
     *
     * @throws IllegalArgumentException if the baseline is not older than {@code current}, or a
     *     projectile is older than the format's 12-bit age
     */
    public int encode(Snapshot current, Snapshot baseline) {
        Snapshot base = usableBaseline(current, baseline);
        writer.reset();
        writer.writeBits(current.tick(), TICK_BITS);
        writer.writeBool(base != null);
        if (base != null) {
            writer.writeBits(current.tick() - base.tick(), BASELINE_AGE_BITS);
            writer.writeSignedVar(current.lastProcessedCommand() - base.lastProcessedCommand(), VAR_CHUNK_BITS);
        } else {
            writer.writeBits(current.lastProcessedCommand(), COMMAND_BITS);
        }
        writePlayers(current, base);
        writeProjectiles(current, base);
        lastBaselineTick = base == null ? NO_BASELINE : base.tick();
        return writer.byteLength();
    }

    /** The array holding the last encoded snapshot in its first {@code encode(...)} bytes. */
    public byte[] buffer() {
        return writer.buffer();
    }

    /** Baseline tick of the last encoded snapshot, or {@link #NO_BASELINE} if it was sent in full. */
    public int lastBaselineTick() {
        return lastBaselineTick;
    }

    private static Snapshot usableBaseline(Snapshot current, Snapshot baseline) {
        if (baseline == null) {
            return null;
        }
        if (baseline == current || baseline.tick() >= current.tick()) {
            throw new IllegalArgumentException("baseline tick " + baseline.tick()
                    + " must be older than the snapshot's tick " + current.tick());
        }
        return current.tick() - baseline.tick() <= MAX_BASELINE_AGE_TICKS ? baseline : null;
    }

    private void writePlayers(Snapshot current, Snapshot base) {
        int currentCount = current.playerCount();
        int baseCount = base == null ? 0 : base.playerCount();
        int i = 0;
        int j = 0;
        int previousId = -1;
        while (i < currentCount || j < baseCount) {
            PlayerSnapshot now = i < currentCount ? current.player(i) : null;
            PlayerSnapshot then = j < baseCount ? base.player(j) : null;
            if (then == null || (now != null && now.id() < then.id())) {
                previousId = beginEntry(now.id(), previousId, PLAYER_ID_BITS);
                if (base != null) {
                    writer.writeBits(0b10, 2);
                }
                writeFullPlayer(now);
                i++;
            } else if (now == null || then.id() < now.id()) {
                previousId = beginEntry(then.id(), previousId, PLAYER_ID_BITS);
                writer.writeBits(0b11, 2);
                j++;
            } else {
                int changes = changes(now, then);
                if (changes != 0) {
                    previousId = beginEntry(now.id(), previousId, PLAYER_ID_BITS);
                    writer.writeBool(false);
                    writePlayerUpdate(now, then, changes);
                }
                i++;
                j++;
            }
        }
        writer.writeBool(false);
    }

    private void writeProjectiles(Snapshot current, Snapshot base) {
        int currentCount = current.projectileCount();
        int baseCount = base == null ? 0 : base.projectileCount();
        int i = 0;
        int j = 0;
        int previousId = -1;
        while (i < currentCount || j < baseCount) {
            ProjectileSnapshot now = i < currentCount ? current.projectile(i) : null;
            ProjectileSnapshot then = j < baseCount ? base.projectile(j) : null;
            if (then == null || (now != null && now.id() < then.id())) {
                previousId = beginEntry(now.id(), previousId, PROJECTILE_ID_BITS);
                if (base != null) {
                    writer.writeBool(true);
                }
                writeFullProjectile(now, current.tick());
                i++;
            } else if (now == null || then.id() < now.id()) {
                previousId = beginEntry(then.id(), previousId, PROJECTILE_ID_BITS);
                writer.writeBool(false);
                j++;
            } else {
                if (!now.sameAs(then)) {
                    previousId = beginEntry(now.id(), previousId, PROJECTILE_ID_BITS);
                    writer.writeBool(true);
                    writeFullProjectile(now, current.tick());
                }
                i++;
                j++;
            }
        }
        writer.writeBool(false);
    }

    /** Writes the "more" bit and the id; returns the id, the next entry's "previous". */
    private int beginEntry(int id, int previousId, int idBits) {
        writer.writeBool(true);
        boolean next = id == previousId + 1;
        writer.writeBool(next);
        if (!next) {
            writer.writeBits(id, idBits);
        }
        return id;
    }

    private static int changes(PlayerSnapshot now, PlayerSnapshot then) {
        int mask = 0;
        if (!now.samePosition(then)) {
            mask |= CHANGED_POSITION;
        }
        if (now.aimCode() != then.aimCode()) {
            mask |= CHANGED_AIM;
        }
        if (!now.sameVitals(then)) {
            mask |= CHANGED_VITALS;
        }
        if (now.score() != then.score()) {
            mask |= CHANGED_SCORE;
        }
        if (now.weapon() != then.weapon()) {
            mask |= CHANGED_WEAPON;
        }
        return mask;
    }

    private void writeFullPlayer(PlayerSnapshot player) {
        writer.writeBits(player.xCode(), GameConstants.POSITION_BITS);
        writer.writeBits(player.yCode(), GameConstants.POSITION_BITS);
        writer.writeBits(player.aimCode(), GameConstants.SNAPSHOT_AIM_BITS);
        writeVitals(player);
        writer.writeSignedVar(player.score(), VAR_CHUNK_BITS);
        writer.writeBits(player.weapon().wireId(), Weapon.WIRE_BITS);
    }

    private void writePlayerUpdate(PlayerSnapshot now, PlayerSnapshot then, int changes) {
        writer.writeBits(changes, CHANGE_MASK_BITS);
        if ((changes & CHANGED_POSITION) != 0) {
            writePosition(now, then);
        }
        if ((changes & CHANGED_AIM) != 0) {
            writer.writeBits(now.aimCode(), GameConstants.SNAPSHOT_AIM_BITS);
        }
        if ((changes & CHANGED_VITALS) != 0) {
            writeVitals(now);
        }
        if ((changes & CHANGED_SCORE) != 0) {
            writer.writeSignedVar(now.score() - then.score(), VAR_CHUNK_BITS);
        }
        if ((changes & CHANGED_WEAPON) != 0) {
            writer.writeBits(now.weapon().wireId(), Weapon.WIRE_BITS);
        }
    }

    private void writePosition(PlayerSnapshot now, PlayerSnapshot then) {
        int dx = now.xCode() - then.xCode();
        int dy = now.yCode() - then.yCode();
        int largest = Math.max(Math.abs(dx), Math.abs(dy));
        for (int sizeClass = 0; sizeClass < POSITION_DELTA_BITS.length; sizeClass++) {
            int bits = POSITION_DELTA_BITS[sizeClass];
            if (largest < 1 << (bits - 1)) {
                writer.writeBits(sizeClass, POSITION_CLASS_BITS);
                writer.writeSigned(dx, bits);
                writer.writeSigned(dy, bits);
                return;
            }
        }
        writer.writeBits(POSITION_CLASS_ABSOLUTE, POSITION_CLASS_BITS);
        writer.writeBits(now.xCode(), GameConstants.POSITION_BITS);
        writer.writeBits(now.yCode(), GameConstants.POSITION_BITS);
    }

    private void writeVitals(PlayerSnapshot player) {
        writer.writeBits(player.health(), HEALTH_BITS);
        writer.writeBool(player.alive());
        writer.writeBits(player.spawnSerial(), SPAWN_SERIAL_BITS);
    }

    private void writeFullProjectile(ProjectileSnapshot projectile, int tick) {
        int age = tick - projectile.spawnTick();
        if (age < 0 || age >= 1 << PROJECTILE_AGE_BITS) {
            throw new IllegalArgumentException("projectile " + projectile.id() + " launched at tick "
                    + projectile.spawnTick() + " has age " + age + " at tick " + tick + "; must be 0.."
                    + ((1 << PROJECTILE_AGE_BITS) - 1));
        }
        writer.writeBits(projectile.ownerId(), PLAYER_ID_BITS);
        writer.writeBits(projectile.originXCode(), GameConstants.POSITION_BITS);
        writer.writeBits(projectile.originYCode(), GameConstants.POSITION_BITS);
        writer.writeBits(projectile.angleCode(), GameConstants.PROJECTILE_ANGLE_BITS);
        writer.writeBits(age, PROJECTILE_AGE_BITS);
    }
}
