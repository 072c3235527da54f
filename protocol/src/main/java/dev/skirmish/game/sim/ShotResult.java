package dev.skirmish.game.sim;

/**
 * Where one hitscan shot ended: on a player, on a wall, or nowhere within range. Mutable and reused
 * by {@link HitscanRifle#fire} so firing never allocates.
 */
public final class ShotResult {

    /** What stopped a shot. */
    public enum Outcome {
        /** Nothing within range. */
        MISS,
        /** A wall or the edge of the world. */
        WALL,
        /** A player, named by {@link #targetId()}. */
        PLAYER
    }

    private Outcome outcome = Outcome.MISS;
    private int targetId = -1;
    private double distance;
    private double endX;
    private double endY;

    void set(Outcome outcome, int targetId, double distance, double endX, double endY) {
        this.outcome = outcome;
        this.targetId = targetId;
        this.distance = distance;
        this.endX = endX;
        this.endY = endY;
    }

    /** What stopped the shot. */
    public Outcome outcome() {
        return outcome;
    }

    /** Id of the player hit, or -1 unless {@link #outcome()} is {@link Outcome#PLAYER}. */
    public int targetId() {
        return targetId;
    }

    /** Distance from the shooter's centre to the end of the shot, in units. */
    public double distance() {
        return distance;
    }

    /** Where the shot ended (for tracers and impact effects). */
    public double endX() {
        return endX;
    }

    /** Where the shot ended (for tracers and impact effects). */
    public double endY() {
        return endY;
    }

    @Override
    public String toString() {
        return "ShotResult[" + outcome + (outcome == Outcome.PLAYER ? " " + targetId : "")
                + " at " + distance + " (" + endX + ", " + endY + ")]";
    }
}
