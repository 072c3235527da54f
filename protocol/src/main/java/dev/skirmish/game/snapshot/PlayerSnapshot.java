package dev.skirmish.game.snapshot;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.wire.Quantization;

/**
 * One player as a snapshot carries it: already quantized to the wire's resolution, so what the
 * server encodes and what the client decodes are exactly equal. Positions are codes of 1/16 unit
 * ({@link Quantization}), the aim a {@link GameConstants#SNAPSHOT_AIM_BITS}-bit fraction of a turn,
 * and the spawn serial the low two bits of the player's spawn count, which changes exactly when the
 * player teleports to a spawn so a client never interpolates across a respawn.
 *
 * <p>Mutable and pooled inside {@link Snapshot}; fields are grouped as the codec sends them.
 */
public final class PlayerSnapshot {

    /** Values of {@link #spawnSerial()}: 0..3. */
    public static final int SPAWN_SERIAL_MODULUS = 4;

    private int id;
    private int xCode;
    private int yCode;
    private int aimCode;
    private int health;
    private boolean alive;
    private int spawnSerial;
    private int score;
    private Weapon weapon = Weapon.RIFLE;

    PlayerSnapshot() {
    }

    /** Captures {@code state} (except its id, which the snapshot slot already has), quantizing it. */
    public PlayerSnapshot set(PlayerState state) {
        if (state.id() != id) {
            throw new IllegalArgumentException("player " + state.id() + " written into snapshot slot of " + id);
        }
        xCode = Quantization.positionCode(state.x());
        yCode = Quantization.positionCode(state.y());
        aimCode = Quantization.angleCode(state.aimAngle(), GameConstants.SNAPSHOT_AIM_BITS);
        health = state.health();
        alive = state.alive();
        spawnSerial = Math.floorMod(state.spawnCount(), SPAWN_SERIAL_MODULUS);
        score = state.score();
        weapon = state.weapon();
        return this;
    }

    /**
     * Sets every field from wire codes; checks ranges with {@link IllegalArgumentException}.
     * Mostly for the decoder and for tests that build snapshots directly.
     */
    public PlayerSnapshot set(int xCode, int yCode, int aimCode, int health, boolean alive, int spawnSerial,
                              int score, Weapon weapon) {
        setPosition(xCode, yCode);
        setAimCode(aimCode);
        setVitals(health, alive, spawnSerial);
        this.score = score;
        setWeapon(weapon);
        return this;
    }

    /** Writes position, aim, vitals, score and weapon into {@code state} (not its cooldown or spawn count). */
    public void applyTo(PlayerState state) {
        state.setId(id)
                .setPosition(x(), y())
                .setAimAngle(aimAngle())
                .setVitals(health, alive)
                .setScore(score)
                .setWeapon(weapon);
    }

    void copyFrom(PlayerSnapshot other) {
        id = other.id;
        xCode = other.xCode;
        yCode = other.yCode;
        aimCode = other.aimCode;
        health = other.health;
        alive = other.alive;
        spawnSerial = other.spawnSerial;
        score = other.score;
        weapon = other.weapon;
    }

    void reset(int id) {
        this.id = id;
        xCode = 0;
        yCode = 0;
        aimCode = 0;
        health = 0;
        alive = false;
        spawnSerial = 0;
        score = 0;
        weapon = Weapon.RIFLE;
    }

    void setPosition(int xCode, int yCode) {
        checkPositionCode(xCode);
        checkPositionCode(yCode);
        this.xCode = xCode;
        this.yCode = yCode;
    }

    void setAimCode(int aimCode) {
        if (aimCode < 0 || aimCode >= 1 << GameConstants.SNAPSHOT_AIM_BITS) {
            throw new IllegalArgumentException("aim code out of range: " + aimCode);
        }
        this.aimCode = aimCode;
    }

    void setVitals(int health, boolean alive, int spawnSerial) {
        if (health < 0 || health > GameConstants.MAX_HEALTH) {
            throw new IllegalArgumentException("health must be 0.." + GameConstants.MAX_HEALTH + ", got " + health);
        }
        if (spawnSerial < 0 || spawnSerial >= SPAWN_SERIAL_MODULUS) {
            throw new IllegalArgumentException("spawn serial must be 0..3, got " + spawnSerial);
        }
        this.health = health;
        this.alive = alive;
        this.spawnSerial = spawnSerial;
    }

    void setScore(int score) {
        this.score = score;
    }

    void setWeapon(Weapon weapon) {
        if (weapon == null) {
            throw new IllegalArgumentException("weapon must not be null");
        }
        this.weapon = weapon;
    }

    boolean samePosition(PlayerSnapshot other) {
        return xCode == other.xCode && yCode == other.yCode;
    }

    boolean sameVitals(PlayerSnapshot other) {
        return health == other.health && alive == other.alive && spawnSerial == other.spawnSerial;
    }

    /** Whether every field equals {@code other}'s. */
    public boolean sameAs(PlayerSnapshot other) {
        return id == other.id && samePosition(other) && aimCode == other.aimCode && sameVitals(other)
                && score == other.score && weapon == other.weapon;
    }

    /** Player id. */
    public int id() {
        return id;
    }

    /** Centre x as a position code. */
    public int xCode() {
        return xCode;
    }

    /** Centre y as a position code. */
    public int yCode() {
        return yCode;
    }

    /** Centre x in units. */
    public double x() {
        return Quantization.position(xCode);
    }

    /** Centre y in units. */
    public double y() {
        return Quantization.position(yCode);
    }

    /** Aim as a {@link GameConstants#SNAPSHOT_AIM_BITS}-bit code. */
    public int aimCode() {
        return aimCode;
    }

    /** Aim in radians, {@code [0, 2 pi)}. */
    public double aimAngle() {
        return Quantization.angle(aimCode, GameConstants.SNAPSHOT_AIM_BITS);
    }

    /** Health. */
    public int health() {
        return health;
    }

    /** Whether alive. */
    public boolean alive() {
        return alive;
    }

    /** Spawn count modulo {@value #SPAWN_SERIAL_MODULUS}. */
    public int spawnSerial() {
        return spawnSerial;
    }

    /** Score. */
    public int score() {
        return score;
    }

    /** Weapon in hand. */
    public Weapon weapon() {
        return weapon;
    }

    @Override
    public String toString() {
        return "Player[" + id + " (" + xCode + ", " + yCode + ") aim=" + aimCode + " hp=" + health
                + (alive ? "" : " dead") + " spawn=" + spawnSerial + " score=" + score + " " + weapon + "]";
    }

    private static void checkPositionCode(int code) {
        if (code < 0 || code > Quantization.MAX_POSITION_CODE) {
            throw new IllegalArgumentException("position code out of range: " + code);
        }
    }
}
