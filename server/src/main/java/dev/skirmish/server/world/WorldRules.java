package dev.skirmish.server.world;

import dev.skirmish.game.GameConstants;

/**
 * The numbers a {@link World} runs by, all in ticks where they measure time.
 *
 * @param tickRateHz            simulation ticks per second; one command is one tick
 * @param matchTicks            length of a match
 * @param maxRewindTicks        lag compensation limit (0: off)
 * @param snapshotIntervalTicks a snapshot every this many ticks (what clients interpolate between)
 */
public record WorldRules(int tickRateHz, int matchTicks, double maxRewindTicks, int snapshotIntervalTicks) {

    public WorldRules {
        if (tickRateHz < 1 || 1.0 / tickRateHz > GameConstants.MAX_STEP_SECONDS) {
            throw new IllegalArgumentException("tick rate must give steps of at most " + GameConstants.MAX_STEP_SECONDS
                    + " s, got " + tickRateHz + " Hz");
        }
        if (matchTicks < 1) {
            throw new IllegalArgumentException("match must last >= 1 tick, got " + matchTicks);
        }
        if (!(maxRewindTicks >= 0)) {
            throw new IllegalArgumentException("max rewind must be >= 0 ticks, got " + maxRewindTicks);
        }
        if (snapshotIntervalTicks < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1 tick, got " + snapshotIntervalTicks);
        }
    }

    /** Seconds of one tick (and one command). */
    public double tickSeconds() {
        return 1.0 / tickRateHz;
    }

    /** {@link GameConstants#RESPAWN_DELAY_SECONDS} in whole ticks, rounded up. */
    public int respawnDelayTicks() {
        return (int) Math.ceil(GameConstants.RESPAWN_DELAY_SECONDS * tickRateHz - 1e-9);
    }
}
