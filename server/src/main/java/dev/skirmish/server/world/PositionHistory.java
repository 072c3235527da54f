package dev.skirmish.server.world;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.sim.PlayerState;
import java.util.Arrays;

/**
 * Where every player was at the end of each of the last {@code capacity} ticks: the state each
 * snapshot of those ticks described, kept so lag compensation can put the targets back where a
 * shooter saw them. Flat preallocated arrays indexed by {@code (tick mod capacity, player id)};
 * recording a tick overwrites the oldest one and never allocates. Not thread-safe.
 */
final class PositionHistory {

    private static final int PLAYERS = GameConstants.MAX_PLAYERS;

    private final int capacity;
    private final int[] tickOfRow;
    private final boolean[] alive;
    private final double[] x;
    private final double[] y;
    private final int[] spawnCount;

    PositionHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 tick, got " + capacity);
        }
        this.capacity = capacity;
        this.tickOfRow = new int[capacity];
        Arrays.fill(tickOfRow, -1);
        this.alive = new boolean[capacity * PLAYERS];
        this.x = new double[capacity * PLAYERS];
        this.y = new double[capacity * PLAYERS];
        this.spawnCount = new int[capacity * PLAYERS];
    }

    /** Records the end of {@code tick}: {@code states[id]} for each player, null where no player is. */
    void record(int tick, PlayerState[] states) {
        int row = Math.floorMod(tick, capacity);
        tickOfRow[row] = tick;
        int base = row * PLAYERS;
        for (int id = 0; id < PLAYERS; id++) {
            PlayerState state = states[id];
            int i = base + id;
            if (state == null) {
                alive[i] = false;
                continue;
            }
            alive[i] = state.alive();
            x[i] = state.x();
            y[i] = state.y();
            spawnCount[i] = state.spawnCount();
        }
    }

    /** Whether {@code tick} is still held. */
    boolean holds(int tick) {
        return tick >= 0 && tickOfRow[Math.floorMod(tick, capacity)] == tick;
    }

    int capacity() {
        return capacity;
    }

    /** Whether player {@code id} was present and alive at {@code tick} (false if the tick is not held). */
    boolean alive(int tick, int id) {
        return holds(tick) && alive[index(tick, id)];
    }

    double x(int tick, int id) {
        return x[index(tick, id)];
    }

    double y(int tick, int id) {
        return y[index(tick, id)];
    }

    int spawnCount(int tick, int id) {
        return spawnCount[index(tick, id)];
    }

    private int index(int tick, int id) {
        return Math.floorMod(tick, capacity) * PLAYERS + id;
    }
}
