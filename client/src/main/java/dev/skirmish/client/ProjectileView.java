package dev.skirmish.client;

/**
 * One rocket as a renderer sees it: where it is at the view's render time and which way it flies.
 * Mutable holder, filled by the owner of the enclosing {@link ClientView}.
 */
public final class ProjectileView {

    private int id;
    private int ownerId;
    private double x;
    private double y;
    private double angle;

    /** Sets every field. */
    public ProjectileView set(int id, int ownerId, double x, double y, double angle) {
        this.id = id;
        this.ownerId = ownerId;
        this.x = x;
        this.y = y;
        this.angle = angle;
        return this;
    }

    /** Copies every field of {@code other}. */
    public ProjectileView copyFrom(ProjectileView other) {
        return set(other.id, other.ownerId, other.x, other.y, other.angle);
    }

    /** Projectile id. */
    public int id() {
        return id;
    }

    /** Id of the player who fired it. */
    public int ownerId() {
        return ownerId;
    }

    /** Centre x in units. */
    public double x() {
        return x;
    }

    /** Centre y in units. */
    public double y() {
        return y;
    }

    /** Flight direction in radians. */
    public double angle() {
        return angle;
    }

    @Override
    public String toString() {
        return "ProjectileView[" + id + " of " + ownerId + " at (" + x + ", " + y + ")]";
    }
}
