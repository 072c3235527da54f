package dev.skirmish.client;

import dev.skirmish.game.Weapon;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.snapshot.PlayerSnapshot;

/**
 * One player as a renderer or an {@link InputSource} sees it: the local player's predicted state, or
 * another player interpolated between two snapshots. Positions are world units (centre), the aim is
 * radians in {@code [0, 2 pi)}.
 *
 * <p>A plain mutable holder so that views are filled every tick without allocating; whoever owns the
 * enclosing {@link ClientView} writes it, everyone else only reads.
 */
public final class PlayerView {

    private int id;
    private double x;
    private double y;
    private double aimAngle;
    private int health;
    private boolean alive;
    private int score;
    private int spawnSerial;
    private Weapon weapon = Weapon.RIFLE;
    private double fireCooldownSeconds;

    /** Sets every field; the cooldown only means something for the local, predicted player. */
    public PlayerView set(int id, double x, double y, double aimAngle, int health, boolean alive, int score,
                          int spawnSerial, Weapon weapon, double fireCooldownSeconds) {
        this.id = id;
        this.x = x;
        this.y = y;
        this.aimAngle = aimAngle;
        this.health = health;
        this.alive = alive;
        this.score = score;
        this.spawnSerial = spawnSerial;
        this.weapon = weapon;
        this.fireCooldownSeconds = fireCooldownSeconds;
        return this;
    }

    /** Copies a snapshot entry as it stands (no cooldown: snapshots do not carry it). */
    public PlayerView set(PlayerSnapshot player) {
        return set(player.id(), player.x(), player.y(), player.aimAngle(), player.health(), player.alive(),
                player.score(), player.spawnSerial(), player.weapon(), 0);
    }

    /** Copies a simulated player (the local prediction). */
    public PlayerView set(PlayerState player) {
        return set(player.id(), player.x(), player.y(), player.aimAngle(), player.health(), player.alive(),
                player.score(), player.spawnCount() & (PlayerSnapshot.SPAWN_SERIAL_MODULUS - 1), player.weapon(),
                player.fireCooldownSeconds());
    }

    /** Copies every field of {@code other}. */
    public PlayerView copyFrom(PlayerView other) {
        return set(other.id, other.x, other.y, other.aimAngle, other.health, other.alive, other.score,
                other.spawnSerial, other.weapon, other.fireCooldownSeconds);
    }

    /** Moves the player without touching anything else (interpolation writes positions last). */
    PlayerView setPose(double x, double y, double aimAngle) {
        this.x = x;
        this.y = y;
        this.aimAngle = aimAngle;
        return this;
    }

    /** Player id. */
    public int id() {
        return id;
    }

    /** Centre x in units. */
    public double x() {
        return x;
    }

    /** Centre y in units. */
    public double y() {
        return y;
    }

    /** Aim in radians. */
    public double aimAngle() {
        return aimAngle;
    }

    /** Health. */
    public int health() {
        return health;
    }

    /** Whether alive. */
    public boolean alive() {
        return alive;
    }

    /** Score as the snapshots carry it. */
    public int score() {
        return score;
    }

    /** Spawn count modulo {@link PlayerSnapshot#SPAWN_SERIAL_MODULUS}; changes when the player respawns. */
    public int spawnSerial() {
        return spawnSerial;
    }

    /** Weapon in hand. */
    public Weapon weapon() {
        return weapon;
    }

    /** Seconds until the weapon can fire again (local player only; 0 for others). */
    public double fireCooldownSeconds() {
        return fireCooldownSeconds;
    }

    @Override
    public String toString() {
        return "PlayerView[" + id + " (" + x + ", " + y + ") aim=" + aimAngle + " hp=" + health
                + (alive ? "" : " dead") + " " + weapon + "]";
    }
}
