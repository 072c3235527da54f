package dev.skirmish.game;

/**
 * Every tunable of the game rules and of the game's wire formats, in one place.
 *
 * <p>World units: one unit is roughly one screen pixel at default zoom; map tiles are usually 32
 * units. The world's x axis points right and its y axis points down (map rows grow downward), and
 * an angle {@code a} in radians points along {@code (cos a, sin a)}.
 *
 * <p>Server and client must be built from the same values: a change here is a protocol change, so
 * bump {@link #PROTOCOL_VERSION} with it.
 */
public final class GameConstants {

    /** Sent in the join message; the server refuses clients built from other game rules. */
    public static final int PROTOCOL_VERSION = 1;

    /** Default simulation rate of the server and of client prediction; the server may be configured otherwise. */
    public static final int DEFAULT_TICK_RATE_HZ = 60;

    /** Longest time one movement step may cover; longer steps are a caller bug (a frozen clock fed in at once). */
    public static final double MAX_STEP_SECONDS = 0.25;

    // ---- Players -------------------------------------------------------------------------

    /** Most players on one server; player ids are 0..MAX_PLAYERS-1 (6 bits on the wire). */
    public static final int MAX_PLAYERS = 64;

    /** Players a server admits unless configured otherwise. */
    public static final int DEFAULT_MAX_PLAYERS = 32;

    /** Collision radius of a player, in units. */
    public static final double PLAYER_RADIUS = 14.0;

    /** Running speed, in units per second; diagonals are normalized to the same speed. */
    public static final double PLAYER_SPEED_UNITS_PER_SECOND = 240.0;

    /** Health at spawn. */
    public static final int MAX_HEALTH = 100;

    /** How long a dead player waits before the server respawns them. */
    public static final double RESPAWN_DELAY_SECONDS = 2.0;

    /** Delay after changing weapon before the new one can fire. */
    public static final double WEAPON_SWITCH_SECONDS = 0.2;

    // ---- Hitscan rifle --------------------------------------------------------------------

    /** Time between rifle shots while fire is held (10 shots per second). */
    public static final double RIFLE_FIRE_INTERVAL_SECONDS = 0.1;

    /** Damage of one rifle hit; five hits kill. */
    public static final int RIFLE_DAMAGE = 20;

    /** Rifle range, in units from the shooter's centre. */
    public static final double RIFLE_RANGE = 1600.0;

    // ---- Rocket launcher ------------------------------------------------------------------

    /** Time between rockets while fire is held. */
    public static final double ROCKET_FIRE_INTERVAL_SECONDS = 0.8;

    /** Rocket flight speed, in units per second. */
    public static final double ROCKET_SPEED_UNITS_PER_SECOND = 700.0;

    /** A rocket that has hit nothing after this long disappears without exploding. */
    public static final double ROCKET_LIFETIME_SECONDS = 2.0;

    /** Collision radius of a rocket, in units. */
    public static final double ROCKET_RADIUS = 4.0;

    /** Damage to a player struck directly by a rocket. */
    public static final int ROCKET_DIRECT_DAMAGE = 100;

    /** Splash damage at the centre of an explosion, falling linearly to 0 at {@link #ROCKET_SPLASH_RADIUS}. */
    public static final int ROCKET_SPLASH_DAMAGE = 80;

    /** Reach of the splash, measured from the explosion to the nearest point of a player's circle. */
    public static final double ROCKET_SPLASH_RADIUS = 100.0;

    /** Fraction of splash damage a rocket's owner takes from their own explosion. */
    public static final double ROCKET_SELF_DAMAGE_FACTOR = 0.5;

    /** Most projectiles alive at once; projectile ids are 0..MAX_PROJECTILES-1 (7 bits on the wire). */
    public static final int MAX_PROJECTILES = 128;

    // ---- Wire quantization ----------------------------------------------------------------

    /** Positions travel in steps of 1/2^POSITION_FRACTION_BITS units (1/16). */
    public static final int POSITION_FRACTION_BITS = 4;

    /** Width of an absolute position coordinate on the wire. */
    public static final int POSITION_BITS = 16;

    /** Largest map width or height in units that {@link #POSITION_BITS} can address (4096). */
    public static final int MAX_WORLD_SIZE = 1 << (POSITION_BITS - POSITION_FRACTION_BITS);

    /** Players' aim angles in snapshots: a full turn in 2^10 steps (about 0.35 degrees). */
    public static final int SNAPSHOT_AIM_BITS = 10;

    /** Aim angles in input commands: a full turn in 2^16 steps, so hitscan aim stays precise. */
    public static final int INPUT_AIM_BITS = 16;

    /** Projectile launch angles: a full turn in 2^12 steps, so client and server fly the same path. */
    public static final int PROJECTILE_ANGLE_BITS = 12;

    /** Commands carried in each input packet: the newest one plus this many minus one older ones. */
    public static final int INPUT_REDUNDANCY = 4;

    private GameConstants() {
    }
}
