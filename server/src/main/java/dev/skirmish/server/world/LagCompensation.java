package dev.skirmish.server.world;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.server.input.InputRejection;

/**
 * Puts the targets of a hitscan shot back where the shooter saw them: at the shooter's view time, the
 * server tick plus fraction its interpolated display showed when the command was sampled
 * ({@link InputCommand#viewTick()} + {@link InputCommand#viewFraction()} / 256).
 *
 * <h2>Rule</h2>
 * A client interpolates between consecutive snapshots, so the rewound position of each target is the
 * same linear blend of the two snapshot ticks around the view time that the client drew (with a
 * snapshot every {@code s} ticks, those are the multiples of {@code s}). The view time is clamped into
 * {@code [newest - maxRewindTicks, newest]}, {@code newest} being the last completed tick (the newest
 * snapshot any client can have); a view time in the future or beyond the limit is clamped and
 * reported ({@link InputRejection#VIEW_TICK_IN_FUTURE}, {@link InputRejection#VIEW_TICK_TOO_OLD}).
 * A target is hittable only if it is alive now and was alive at the view time; across a respawn
 * (different spawn counts at the two ticks) it is taken at the nearer tick instead of blended, as the
 * client does not interpolate across a teleport. Walls are the caller's: the rifle traces the
 * rewound targets against the present map. Allocation-free; not thread-safe.
 */
final class LagCompensation {

    private static final int PLAYERS = GameConstants.MAX_PLAYERS;

    private final PositionHistory history;
    private final double maxRewindTicks;
    private final int snapshotIntervalTicks;
    private final PlayerState[] rewound = new PlayerState[PLAYERS];
    private final PlayerState[] scratch = new PlayerState[PLAYERS];

    LagCompensation(double maxRewindTicks, int snapshotIntervalTicks) {
        if (!(maxRewindTicks >= 0)) {
            throw new IllegalArgumentException("max rewind must be >= 0 ticks, got " + maxRewindTicks);
        }
        if (snapshotIntervalTicks < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1, got " + snapshotIntervalTicks);
        }
        this.maxRewindTicks = maxRewindTicks;
        this.snapshotIntervalTicks = snapshotIntervalTicks;
        this.history = new PositionHistory((int) Math.ceil(maxRewindTicks) + snapshotIntervalTicks + 2);
        for (int id = 0; id < PLAYERS; id++) {
            scratch[id] = new PlayerState(id);
        }
    }

    /** Whether shots are rewound at all (a rewind limit of 0 turns compensation off). */
    boolean enabled() {
        return maxRewindTicks > 0;
    }

    /** Records the end of {@code tick}; {@code states[id]} null where no player is. */
    void record(int tick, PlayerState[] states) {
        history.record(tick, states);
    }

    /**
     * Fills and returns the targets as the shooter saw them, indexed by id (null: not hittable), for a
     * shot taken during tick {@code currentTick} (so {@code currentTick - 1} is the newest recorded).
     * {@code present[id]} are the players now. Returns the clamp applied through {@code clamp[0]}
     * (null if none), so the caller can count it.
     */
    PlayerState[] rewind(int currentTick, InputCommand command, PlayerState[] present, InputRejection[] clamp) {
        clamp[0] = null;
        int newest = currentTick - 1;
        double view = command.viewTick() + command.viewFraction() / (double) InputCommand.VIEW_FRACTION_STEPS;
        if (view > newest) {
            clamp[0] = InputRejection.VIEW_TICK_IN_FUTURE;
            view = newest;
        } else if (view < newest - maxRewindTicks) {
            clamp[0] = InputRejection.VIEW_TICK_TOO_OLD;
            view = newest - maxRewindTicks;
        }
        view = Math.max(view, 0);
        int lower = (int) Math.floor(view / snapshotIntervalTicks) * snapshotIntervalTicks;
        int upper = Math.min(lower + snapshotIntervalTicks, newest);
        if (upper < lower) {
            upper = lower;
        }
        double blend = upper == lower ? 0 : (view - lower) / (upper - lower);
        for (int id = 0; id < PLAYERS; id++) {
            rewound[id] = place(id, present[id], lower, upper, blend);
        }
        return rewound;
    }

    private PlayerState place(int id, PlayerState now, int lower, int upper, double blend) {
        if (now == null || !now.alive()) {
            return null;
        }
        boolean lowerAlive = history.alive(lower, id);
        boolean upperAlive = history.alive(upper, id);
        int from;
        int to;
        if (lowerAlive && upperAlive && history.spawnCount(lower, id) == history.spawnCount(upper, id)) {
            from = lower;
            to = upper;
        } else {
            int nearer = blend < 0.5 ? lower : upper;
            if (!history.alive(nearer, id)) {
                return null;
            }
            from = nearer;
            to = nearer;
        }
        if (history.spawnCount(to, id) != now.spawnCount()) {
            // Died and came back since: the body the shooter saw is gone.
            return null;
        }
        double x = history.x(from, id) + (history.x(to, id) - history.x(from, id)) * (from == to ? 0 : blend);
        double y = history.y(from, id) + (history.y(to, id) - history.y(from, id)) * (from == to ? 0 : blend);
        return scratch[id].copyFrom(now).setPosition(x, y);
    }
}
