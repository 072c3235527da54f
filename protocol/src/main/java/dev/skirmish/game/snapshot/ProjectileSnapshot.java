package dev.skirmish.game.snapshot;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.sim.Projectile;
import dev.skirmish.game.wire.Quantization;

/**
 * One rocket as a snapshot carries it: who fired it, from where, along which angle, at which tick.
 * These never change during a rocket's flight, and {@link Projectile} computes its position from
 * them, so a snapshot sends a rocket once (when it appears) and then only its removal.
 *
 * <p>Mutable and pooled inside {@link Snapshot}.
 */
public final class ProjectileSnapshot {

    private int id;
    private int ownerId;
    private int originXCode;
    private int originYCode;
    private int angleCode;
    private int spawnTick;

    ProjectileSnapshot() {
    }

    /** Captures {@code projectile}'s launch (its id must match this slot's). */
    public ProjectileSnapshot set(Projectile projectile) {
        if (projectile.id() != id) {
            throw new IllegalArgumentException("projectile " + projectile.id() + " written into slot of " + id);
        }
        return set(projectile.ownerId(), projectile.originXCode(), projectile.originYCode(),
                projectile.angleCode(), projectile.spawnTick());
    }

    /** Sets every field from wire codes; checks ranges with {@link IllegalArgumentException}. */
    public ProjectileSnapshot set(int ownerId, int originXCode, int originYCode, int angleCode, int spawnTick) {
        if (ownerId < 0 || ownerId >= GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("owner id out of range: " + ownerId);
        }
        if (originXCode < 0 || originXCode > Quantization.MAX_POSITION_CODE
                || originYCode < 0 || originYCode > Quantization.MAX_POSITION_CODE) {
            throw new IllegalArgumentException("origin code out of range: " + originXCode + ", " + originYCode);
        }
        if (angleCode < 0 || angleCode >= 1 << GameConstants.PROJECTILE_ANGLE_BITS) {
            throw new IllegalArgumentException("angle code out of range: " + angleCode);
        }
        if (spawnTick < 0) {
            throw new IllegalArgumentException("spawn tick must be >= 0, got " + spawnTick);
        }
        this.ownerId = ownerId;
        this.originXCode = originXCode;
        this.originYCode = originYCode;
        this.angleCode = angleCode;
        this.spawnTick = spawnTick;
        return this;
    }

    /** Launches {@code projectile} as this rocket and flies it (ignoring collisions) to {@code tick}. */
    public Projectile applyTo(Projectile projectile, int tick, double dtSeconds) {
        return projectile.launch(id, ownerId, originXCode, originYCode, angleCode, spawnTick)
                .advanceTo(Math.max(0, tick - spawnTick), dtSeconds);
    }

    void copyFrom(ProjectileSnapshot other) {
        id = other.id;
        ownerId = other.ownerId;
        originXCode = other.originXCode;
        originYCode = other.originYCode;
        angleCode = other.angleCode;
        spawnTick = other.spawnTick;
    }

    void reset(int id) {
        this.id = id;
        ownerId = 0;
        originXCode = 0;
        originYCode = 0;
        angleCode = 0;
        spawnTick = 0;
    }

    /** Whether every field equals {@code other}'s. */
    public boolean sameAs(ProjectileSnapshot other) {
        return id == other.id && ownerId == other.ownerId && originXCode == other.originXCode
                && originYCode == other.originYCode && angleCode == other.angleCode && spawnTick == other.spawnTick;
    }

    /** Projectile id. */
    public int id() {
        return id;
    }

    /** Id of the player who fired it. */
    public int ownerId() {
        return ownerId;
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

    /** Server tick of launch. */
    public int spawnTick() {
        return spawnTick;
    }

    @Override
    public String toString() {
        return "Projectile[" + id + " of " + ownerId + " from (" + originXCode + ", " + originYCode + ") angle="
                + angleCode + " tick=" + spawnTick + "]";
    }
}
