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
import dev.skirmish.game.wire.BitReader;
import dev.skirmish.game.wire.Quantization;
import dev.skirmish.game.wire.WireFormatException;

/**
 * Decodes what {@link SnapshotEncoder} wrote (format drawn there) into a caller-provided
 * {@link Snapshot}, checking every field; never allocates.
 *
 * <p>Client flow per received snapshot:
 * <pre>
 *   int baseTick = decoder.baselineTick(data, offset, length);        // NO_BASELINE if full
 *   decoder.decode(data, offset, length, received.get(baseTick), scratch);
 *   received.put(scratch);                                              // next baselines
 *   // acknowledge scratch.tick() to the server
 * </pre>
 * Decode into a scratch snapshot, not straight into the ring, so the slot being written can never
 * be the baseline being read.
 *
 * <p>Errors are {@link WireFormatException}s naming the problem: truncation, trailing bytes,
 * out-of-range fields, ids out of order, an update or removal of an entry the baseline lacks, an add
 * of one it already has. A delta whose baseline was not supplied (null or another tick) throws
 * {@link MissingBaselineException}. After an exception the output snapshot's contents are
 * unspecified. Not thread-safe.
 */
public final class SnapshotDecoder {

    private final BitReader reader = new BitReader();

    /** The baseline tick {@code data} names, or {@link SnapshotEncoder#NO_BASELINE} for a full snapshot. */
    public int baselineTick(byte[] data, int offset, int length) {
        reader.wrap(data, offset, length);
        int tick = readTick();
        return reader.readBool() ? baselineTickFrom(tick) : SnapshotEncoder.NO_BASELINE;
    }

    /**
     * Decodes {@code data[offset, offset + length)} into {@code out}. {@code baseline} must be the
     * snapshot of the tick the data names (see {@link #baselineTick}); it is ignored for a full snapshot.
     *
     * @throws MissingBaselineException if the data is a delta and {@code baseline} is null or of another tick
     * @throws WireFormatException if the data is malformed
     */
    public void decode(byte[] data, int offset, int length, Snapshot baseline, Snapshot out) {
        if (out == baseline) {
            throw new IllegalArgumentException("out must not be the baseline itself");
        }
        reader.wrap(data, offset, length);
        int tick = readTick();
        Snapshot base = null;
        if (reader.readBool()) {
            int baseTick = baselineTickFrom(tick);
            if (baseline == null) {
                throw new MissingBaselineException(baseTick, "snapshot " + tick + " is a delta against tick "
                        + baseTick + " but no baseline was given");
            }
            if (baseline.tick() != baseTick) {
                throw new MissingBaselineException(baseTick, "snapshot " + tick + " is a delta against tick "
                        + baseTick + " but the baseline given is tick " + baseline.tick());
            }
            base = baseline;
        }
        out.clear(tick);
        int command = base == null
                ? reader.readBits(COMMAND_BITS)
                : base.lastProcessedCommand() + reader.readSignedVar(VAR_CHUNK_BITS);
        if (command < Snapshot.NO_COMMAND) {
            throw new WireFormatException("last processed command " + command + " is negative");
        }
        out.setLastProcessedCommand(command);
        readPlayers(base, out);
        readProjectiles(base, out);
        reader.requireOnlyPadding();
    }

    private int readTick() {
        int tick = reader.readBits(TICK_BITS);
        if (tick < 0) {
            throw new WireFormatException("tick " + Integer.toUnsignedString(tick) + " out of range");
        }
        return tick;
    }

    private int baselineTickFrom(int tick) {
        int age = reader.readBits(BASELINE_AGE_BITS);
        if (age == 0 || age > tick) {
            throw new WireFormatException("baseline age " + age + " impossible at tick " + tick);
        }
        return tick - age;
    }

    private void readPlayers(Snapshot base, Snapshot out) {
        int baseCount = base == null ? 0 : base.playerCount();
        int j = 0;
        int previousId = -1;
        while (reader.readBool()) {
            int id = readId(previousId, PLAYER_ID_BITS, GameConstants.MAX_PLAYERS, "player");
            previousId = id;
            while (j < baseCount && base.player(j).id() < id) {
                copyPlayer(base.player(j++), out);
            }
            boolean inBase = j < baseCount && base.player(j).id() == id;
            if (base == null || reader.readBool()) {
                boolean remove = base != null && reader.readBool();
                if (remove) {
                    if (!inBase) {
                        throw new WireFormatException("removal of player " + id + " absent from the baseline");
                    }
                    j++;
                } else {
                    if (inBase) {
                        throw new WireFormatException("add of player " + id + " already in the baseline");
                    }
                    readFullPlayer(out.addPlayer(id));
                }
            } else {
                if (!inBase) {
                    throw new WireFormatException("update of player " + id + " absent from the baseline");
                }
                PlayerSnapshot entry = copyPlayer(base.player(j++), out);
                readPlayerUpdate(entry);
            }
        }
        while (j < baseCount) {
            copyPlayer(base.player(j++), out);
        }
    }

    private void readProjectiles(Snapshot base, Snapshot out) {
        int baseCount = base == null ? 0 : base.projectileCount();
        int j = 0;
        int previousId = -1;
        while (reader.readBool()) {
            int id = readId(previousId, PROJECTILE_ID_BITS, GameConstants.MAX_PROJECTILES, "projectile");
            previousId = id;
            while (j < baseCount && base.projectile(j).id() < id) {
                copyProjectile(base.projectile(j++), out);
            }
            boolean inBase = j < baseCount && base.projectile(j).id() == id;
            boolean add = base == null || reader.readBool();
            if (inBase) {
                j++;
            } else if (!add) {
                throw new WireFormatException("removal of projectile " + id + " absent from the baseline");
            }
            if (add) {
                readFullProjectile(out.addProjectile(id), out.tick());
            }
        }
        while (j < baseCount) {
            copyProjectile(base.projectile(j++), out);
        }
    }

    private int readId(int previousId, int idBits, int idCount, String what) {
        int id = reader.readBool() ? previousId + 1 : reader.readBits(idBits);
        if (id <= previousId) {
            throw new WireFormatException(what + " id " + id + " does not ascend after " + previousId);
        }
        if (id >= idCount) {
            throw new WireFormatException(what + " id " + id + " out of range 0.." + (idCount - 1));
        }
        return id;
    }

    private static PlayerSnapshot copyPlayer(PlayerSnapshot from, Snapshot out) {
        PlayerSnapshot entry = out.addPlayer(from.id());
        entry.copyFrom(from);
        return entry;
    }

    private static void copyProjectile(ProjectileSnapshot from, Snapshot out) {
        out.addProjectile(from.id()).copyFrom(from);
    }

    private void readFullPlayer(PlayerSnapshot entry) {
        entry.setPosition(reader.readBits(GameConstants.POSITION_BITS), reader.readBits(GameConstants.POSITION_BITS));
        entry.setAimCode(reader.readBits(GameConstants.SNAPSHOT_AIM_BITS));
        readVitals(entry);
        entry.setScore(reader.readSignedVar(VAR_CHUNK_BITS));
        entry.setWeapon(readWeapon(entry.id()));
    }

    private void readPlayerUpdate(PlayerSnapshot entry) {
        int changes = reader.readBits(CHANGE_MASK_BITS);
        if (changes == 0) {
            throw new WireFormatException("update of player " + entry.id() + " changes nothing");
        }
        if ((changes & CHANGED_POSITION) != 0) {
            readPosition(entry);
        }
        if ((changes & CHANGED_AIM) != 0) {
            entry.setAimCode(reader.readBits(GameConstants.SNAPSHOT_AIM_BITS));
        }
        if ((changes & CHANGED_VITALS) != 0) {
            readVitals(entry);
        }
        if ((changes & CHANGED_SCORE) != 0) {
            entry.setScore(entry.score() + reader.readSignedVar(VAR_CHUNK_BITS));
        }
        if ((changes & CHANGED_WEAPON) != 0) {
            entry.setWeapon(readWeapon(entry.id()));
        }
    }

    private void readPosition(PlayerSnapshot entry) {
        int sizeClass = reader.readBits(POSITION_CLASS_BITS);
        if (sizeClass == POSITION_CLASS_ABSOLUTE) {
            entry.setPosition(reader.readBits(GameConstants.POSITION_BITS), reader.readBits(GameConstants.POSITION_BITS));
            return;
        }
        int bits = POSITION_DELTA_BITS[sizeClass];
        int x = entry.xCode() + reader.readSigned(bits);
        int y = entry.yCode() + reader.readSigned(bits);
        if (x < 0 || x > Quantization.MAX_POSITION_CODE || y < 0 || y > Quantization.MAX_POSITION_CODE) {
            throw new WireFormatException("position of player " + entry.id() + " moves out of the world to ("
                    + x + ", " + y + ")");
        }
        entry.setPosition(x, y);
    }

    private void readVitals(PlayerSnapshot entry) {
        int health = reader.readBits(HEALTH_BITS);
        boolean alive = reader.readBool();
        int spawnSerial = reader.readBits(SPAWN_SERIAL_BITS);
        if (health > GameConstants.MAX_HEALTH) {
            throw new WireFormatException("health " + health + " of player " + entry.id() + " above "
                    + GameConstants.MAX_HEALTH);
        }
        entry.setVitals(health, alive, spawnSerial);
    }

    private Weapon readWeapon(int playerId) {
        int wireId = reader.readBits(Weapon.WIRE_BITS);
        if (!Weapon.isWireId(wireId)) {
            throw new WireFormatException("player " + playerId + " holds unknown weapon id " + wireId);
        }
        return Weapon.byWireId(wireId);
    }

    private void readFullProjectile(ProjectileSnapshot entry, int tick) {
        int owner = reader.readBits(PLAYER_ID_BITS);
        int x = reader.readBits(GameConstants.POSITION_BITS);
        int y = reader.readBits(GameConstants.POSITION_BITS);
        int angle = reader.readBits(GameConstants.PROJECTILE_ANGLE_BITS);
        int age = reader.readBits(PROJECTILE_AGE_BITS);
        if (age > tick) {
            throw new WireFormatException("projectile " + entry.id() + " aged " + age + " at tick " + tick
                    + " was launched before tick 0");
        }
        entry.set(owner, x, y, angle, tick - age);
    }
}
