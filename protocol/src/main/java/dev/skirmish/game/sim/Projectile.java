package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.wire.Quantization;

/**
 * One rocket in flight: launched from a point along an angle at a tick, flying straight at
 * {@link GameConstants#ROCKET_SPEED_UNITS_PER_SECOND} until it touches a wall or a player, or its
 * {@link GameConstants#ROCKET_LIFETIME_SECONDS} run out.
 *
 * <p>The launch point and angle are rounded to their wire codes at launch, and the position at any
 * age is computed from them in closed form ({@code origin + direction * speed * age}) rather than
 * accumulated, so a client that learns the launch from a snapshot flies exactly the server's path
 * and a snapshot need never resend a rocket's position. Direction comes from {@link StrictMath}.
 *
 * <p>The rocket is a circle of {@link GameConstants#ROCKET_RADIUS}. Each {@link #step} sweeps it
 * along the segment of that tick: against walls grown by the radius (square corners, a slightly
 * generous approximation), against living players other than its owner, and against the edge of
 * the world. The nearest contact wins; a wall at the same distance as a player shields the player.
 * Mutable and reusable, for a fixed pool of {@link GameConstants#MAX_PROJECTILES}.
 */
public final class Projectile {

    /** What the last {@link #step} did. */
    public enum Status {
        /** Still flying. */
        FLYING,
        /** Touched something; {@link #explosionX()}, {@link #explosionY()}, {@link #directHitId()} say where and whom. */
        EXPLODED,
        /** Lifetime ran out without touching anything; disappears without exploding. */
        EXPIRED
    }

    private int id;
    private int ownerId;
    private int spawnTick;
    private int originXCode;
    private int originYCode;
    private int angleCode;
    private double originX;
    private double originY;
    private double dirX;
    private double dirY;
    private int ageTicks;
    private double x;
    private double y;
    private double explosionX;
    private double explosionY;
    private int directHitId = -1;

    /** Launches a rocket with {@code id} from {@code shooter}'s centre along their aim at {@code tick}. */
    public Projectile launch(int id, PlayerState shooter, int tick) {
        return launch(id, shooter.id(),
                Quantization.positionCode(shooter.x()), Quantization.positionCode(shooter.y()),
                Quantization.angleCode(shooter.aimAngle(), GameConstants.PROJECTILE_ANGLE_BITS), tick);
    }

    /**
     * Launches a rocket from wire codes: origin in position steps, angle in
     * {@link GameConstants#PROJECTILE_ANGLE_BITS}-bit turns. Clients use this to adopt a rocket
     * from a snapshot; then {@link #advanceTo} brings it to the current tick.
     */
    public Projectile launch(int id, int ownerId, int originXCode, int originYCode, int angleCode, int spawnTick) {
        if (id < 0 || id >= GameConstants.MAX_PROJECTILES) {
            throw new IllegalArgumentException("projectile id must be 0.." + (GameConstants.MAX_PROJECTILES - 1)
                    + ", got " + id);
        }
        if (originXCode < 0 || originXCode > Quantization.MAX_POSITION_CODE
                || originYCode < 0 || originYCode > Quantization.MAX_POSITION_CODE) {
            throw new IllegalArgumentException("origin code out of range: " + originXCode + ", " + originYCode);
        }
        double angle = Quantization.angle(angleCode, GameConstants.PROJECTILE_ANGLE_BITS);
        this.id = id;
        this.ownerId = ownerId;
        this.spawnTick = spawnTick;
        this.originXCode = originXCode;
        this.originYCode = originYCode;
        this.angleCode = angleCode;
        this.originX = Quantization.position(originXCode);
        this.originY = Quantization.position(originYCode);
        this.dirX = StrictMath.cos(angle);
        this.dirY = StrictMath.sin(angle);
        this.ageTicks = 0;
        this.x = originX;
        this.y = originY;
        this.directHitId = -1;
        return this;
    }

    /** Moves the rocket to its position {@code ageTicks} ticks after launch, ignoring collisions. */
    public Projectile advanceTo(int ageTicks, double dtSeconds) {
        if (ageTicks < 0) {
            throw new IllegalArgumentException("age must be >= 0, got " + ageTicks);
        }
        this.ageTicks = ageTicks;
        double travelled = travelled(ageTicks, dtSeconds);
        x = originX + dirX * travelled;
        y = originY + dirY * travelled;
        return this;
    }

    /**
     * Flies one tick of {@code dtSeconds} against {@code map} and {@code players[0..playerCount)}
     * (null entries, dead players and the owner are skipped). Allocation-free.
     */
    public Status step(double dtSeconds, GameMap map, PlayerState[] players, int playerCount) {
        if (!(dtSeconds > 0 && dtSeconds <= GameConstants.MAX_STEP_SECONDS)) {
            throw new IllegalArgumentException("step must be in (0, " + GameConstants.MAX_STEP_SECONDS
                    + "] seconds, got " + dtSeconds);
        }
        double startX = x;
        double startY = y;
        double length = travelled(ageTicks + 1, dtSeconds) - travelled(ageTicks, dtSeconds);
        double contact = RayCast.walls(map, startX, startY, dirX, dirY, GameConstants.ROCKET_RADIUS);
        int hitId = -1;
        for (int i = 0; i < playerCount; i++) {
            PlayerState player = players[i];
            if (player == null || !player.alive() || player.id() == ownerId) {
                continue;
            }
            double t = RayCast.circle(startX, startY, dirX, dirY, player.x(), player.y(),
                    GameConstants.PLAYER_RADIUS + GameConstants.ROCKET_RADIUS);
            if (t < contact) {
                contact = t;
                hitId = player.id();
            }
        }
        if (contact <= length) {
            explosionX = startX + dirX * contact;
            explosionY = startY + dirY * contact;
            directHitId = hitId;
            x = explosionX;
            y = explosionY;
            return Status.EXPLODED;
        }
        advanceTo(ageTicks + 1, dtSeconds);
        return travelledSeconds(ageTicks, dtSeconds) >= GameConstants.ROCKET_LIFETIME_SECONDS - 1e-9
                ? Status.EXPIRED : Status.FLYING;
    }

    private static double travelled(int ageTicks, double dtSeconds) {
        return GameConstants.ROCKET_SPEED_UNITS_PER_SECOND * travelledSeconds(ageTicks, dtSeconds);
    }

    private static double travelledSeconds(int ageTicks, double dtSeconds) {
        return ageTicks * dtSeconds;
    }

    /** Projectile id (its slot), 0..{@link GameConstants#MAX_PROJECTILES}-1. */
    public int id() {
        return id;
    }

    /** Id of the player who fired it. */
    public int ownerId() {
        return ownerId;
    }

    /** Server tick at which it was launched. */
    public int spawnTick() {
        return spawnTick;
    }

    /** Launch x as a position code. */
    public int originXCode() {
        return originXCode;
    }

    /** Launch y as a position code. */
    public int originYCode() {
        return originYCode;
    }

    /** Launch angle as a {@link GameConstants#PROJECTILE_ANGLE_BITS}-bit code. */
    public int angleCode() {
        return angleCode;
    }

    /** Ticks flown since launch. */
    public int ageTicks() {
        return ageTicks;
    }

    /** Current centre x (the contact point once exploded). */
    public double x() {
        return x;
    }

    /** Current centre y (the contact point once exploded). */
    public double y() {
        return y;
    }

    /** Where it exploded; meaningful after {@link Status#EXPLODED}. */
    public double explosionX() {
        return explosionX;
    }

    /** Where it exploded; meaningful after {@link Status#EXPLODED}. */
    public double explosionY() {
        return explosionY;
    }

    /** The player it struck directly, or -1 if it exploded on a wall. */
    public int directHitId() {
        return directHitId;
    }

    @Override
    public String toString() {
        return "Projectile[" + id + " of " + ownerId + " age " + ageTicks + " at (" + x + ", " + y + ")]";
    }
}
