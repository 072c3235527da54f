package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.map.SpawnPoint;

/**
 * The simulated state of one player, as the server holds it and as a client predicts its own:
 * position (centre, world units), aim, health, life, score, weapon and fire cooldown.
 *
 * <p>Mutable and reusable so simulation never allocates; the shared rules ({@link Movement},
 * {@link FireControl}, weapons) read and write it. A dead player keeps their last position and
 * neither moves nor fires until {@link #spawn}.
 */
public final class PlayerState {

    private int id;
    private double x;
    private double y;
    private double aimAngle;
    private int health;
    private boolean alive;
    private int score;
    private Weapon weapon = Weapon.RIFLE;
    private double fireCooldownSeconds;
    private int spawnCount;

    /** Creates a dead player with id 0 at the origin. */
    public PlayerState() {
    }

    /** Creates a dead player with {@code id} at the origin. */
    public PlayerState(int id) {
        setId(id);
    }

    /** Copies every field of {@code other}. */
    public PlayerState copyFrom(PlayerState other) {
        id = other.id;
        x = other.x;
        y = other.y;
        aimAngle = other.aimAngle;
        health = other.health;
        alive = other.alive;
        score = other.score;
        weapon = other.weapon;
        fireCooldownSeconds = other.fireCooldownSeconds;
        spawnCount = other.spawnCount;
        return this;
    }

    /** Brings the player to life at {@code point} with full health and a ready weapon; counts the spawn. */
    public PlayerState spawn(SpawnPoint point) {
        x = point.x();
        y = point.y();
        health = GameConstants.MAX_HEALTH;
        alive = true;
        fireCooldownSeconds = 0;
        spawnCount++;
        return this;
    }

    /**
     * Removes {@code damage} health (0 or more); at 0 the player dies. Returns true if this damage
     * killed them. Damage to a dead player does nothing.
     */
    public boolean applyDamage(int damage) {
        if (damage < 0) {
            throw new IllegalArgumentException("damage must be >= 0, got " + damage);
        }
        if (!alive) {
            return false;
        }
        health = Math.max(0, health - damage);
        if (health == 0) {
            alive = false;
            return true;
        }
        return false;
    }

    /** Player id, 0..{@link GameConstants#MAX_PLAYERS}-1. */
    public int id() {
        return id;
    }

    /** Sets the player id. */
    public PlayerState setId(int id) {
        if (id < 0 || id >= GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("player id must be 0.." + (GameConstants.MAX_PLAYERS - 1) + ", got " + id);
        }
        this.id = id;
        return this;
    }

    /** Centre x in units. */
    public double x() {
        return x;
    }

    /** Centre y in units. */
    public double y() {
        return y;
    }

    /** Moves the centre to {@code (x, y)} without collision; both must be finite. */
    public PlayerState setPosition(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position must be finite, got (" + x + ", " + y + ")");
        }
        this.x = x;
        this.y = y;
        return this;
    }

    /** Aim in radians, {@code [0, 2 pi)}. */
    public double aimAngle() {
        return aimAngle;
    }

    /** Sets the aim; must be finite. */
    public PlayerState setAimAngle(double aimAngle) {
        if (!Double.isFinite(aimAngle)) {
            throw new IllegalArgumentException("aim must be finite, got " + aimAngle);
        }
        this.aimAngle = aimAngle;
        return this;
    }

    /** Health, 0..{@link GameConstants#MAX_HEALTH}. */
    public int health() {
        return health;
    }

    /** Sets health and life directly (for clients adopting a snapshot). */
    public PlayerState setVitals(int health, boolean alive) {
        if (health < 0 || health > GameConstants.MAX_HEALTH) {
            throw new IllegalArgumentException("health must be 0.." + GameConstants.MAX_HEALTH + ", got " + health);
        }
        this.health = health;
        this.alive = alive;
        return this;
    }

    /** Whether the player is alive. */
    public boolean alive() {
        return alive;
    }

    /** Score (kills minus suicides, as the server counts it); may be negative. */
    public int score() {
        return score;
    }

    /** Sets the score. */
    public PlayerState setScore(int score) {
        this.score = score;
        return this;
    }

    /** Weapon in hand. */
    public Weapon weapon() {
        return weapon;
    }

    /** Puts {@code weapon} in hand without a switch delay (for spawning and adopting snapshots). */
    public PlayerState setWeapon(Weapon weapon) {
        if (weapon == null) {
            throw new IllegalArgumentException("weapon must not be null");
        }
        this.weapon = weapon;
        return this;
    }

    /** Seconds until the weapon may fire again; 0 or a tiny negative carry when ready. */
    public double fireCooldownSeconds() {
        return fireCooldownSeconds;
    }

    /** Sets the fire cooldown (for clients adopting server state). */
    public PlayerState setFireCooldownSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("cooldown must be finite, got " + seconds);
        }
        this.fireCooldownSeconds = seconds;
        return this;
    }

    /** Number of times this player has spawned; changes exactly when the player teleports to a spawn. */
    public int spawnCount() {
        return spawnCount;
    }

    /** Sets the spawn count (for clients adopting server state). */
    public PlayerState setSpawnCount(int spawnCount) {
        this.spawnCount = spawnCount;
        return this;
    }

    @Override
    public String toString() {
        return "PlayerState[" + id + " at (" + x + ", " + y + ") aim=" + aimAngle + " hp=" + health
                + (alive ? "" : " dead") + " score=" + score + " " + weapon + "]";
    }
}
