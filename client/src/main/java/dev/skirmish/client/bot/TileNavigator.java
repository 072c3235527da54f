package dev.skirmish.client.bot;

import dev.skirmish.game.map.GameMap;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paths over a map's floor tiles for bots: breadth-first search, four neighbours per tile (up, down,
 * left, right, always in that order, so results are deterministic), waypoints at tile centres.
 *
 * <p>Why tile centres and no diagonals: a tile is at least a player's diameter wide
 * ({@code MapParser.MIN_TILE_SIZE}), so a player whose centre moves along the axis-aligned line between
 * the centres of two neighbouring floor tiles never overlaps a wall. Following such a path is walking
 * without ever touching one.
 *
 * <p>Tiles are numbered row-major ({@code row * columns + column}). Search arrays are allocated once
 * per map; searching never allocates. Not thread-safe.
 */
final class TileNavigator {

    /** Destinations are picked at least this many steps away when the map allows. */
    static final int MIN_DESTINATION_STEPS = 4;

    private final GameMap map;
    private final int columns;
    private final int rows;
    private final int[] distance;
    private final int[] parent;
    private final int[] queue;
    private int reached;

    TileNavigator(GameMap map) {
        this.map = map;
        this.columns = map.columns();
        this.rows = map.rows();
        this.distance = new int[columns * rows];
        this.parent = new int[columns * rows];
        this.queue = new int[columns * rows];
    }

    GameMap map() {
        return map;
    }

    /** The tile under {@code (x, y)}, clamped into the grid. */
    int tileAt(double x, double y) {
        int column = Math.min(columns - 1, Math.max(0, (int) Math.floor(x / map.tileSize())));
        int row = Math.min(rows - 1, Math.max(0, (int) Math.floor(y / map.tileSize())));
        return row * columns + column;
    }

    double centreX(int tile) {
        return (tile % columns + 0.5) * map.tileSize();
    }

    double centreY(int tile) {
        return (tile / columns + 0.5) * map.tileSize();
    }

    /**
     * A floor tile reachable from {@code start}, drawn from {@code random} among those at least
     * {@link #MIN_DESTINATION_STEPS} away (or among all reachable ones if none is that far).
     */
    int randomDestination(int start, SplittableRandom random) {
        search(start);
        int far = 0;
        for (int i = 0; i < reached; i++) {
            if (distance[queue[i]] >= MIN_DESTINATION_STEPS) {
                far++;
            }
        }
        if (far == 0) {
            return queue[random.nextInt(reached)];
        }
        int pick = random.nextInt(far);
        for (int i = 0; i < reached; i++) {
            if (distance[queue[i]] >= MIN_DESTINATION_STEPS && pick-- == 0) {
                return queue[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Writes a shortest path from {@code start} to {@code goal} into {@code out}, both ends included;
     * returns its length, or 0 if {@code goal} cannot be reached. {@code out} must hold every tile.
     */
    int path(int start, int goal, int[] out) {
        search(start);
        if (distance[goal] < 0) {
            return 0;
        }
        int length = distance[goal] + 1;
        for (int tile = goal, i = length - 1; i >= 0; tile = parent[tile], i--) {
            out[i] = tile;
        }
        return length;
    }

    /** Number of tiles, the size a path array needs. */
    int tileCount() {
        return columns * rows;
    }

    private void search(int start) {
        Arrays.fill(distance, -1);
        distance[start] = 0;
        parent[start] = start;
        queue[0] = start;
        reached = 1;
        for (int head = 0; head < reached; head++) {
            int tile = queue[head];
            int column = tile % columns;
            int row = tile / columns;
            visit(tile, column, row - 1);
            visit(tile, column, row + 1);
            visit(tile, column - 1, row);
            visit(tile, column + 1, row);
        }
    }

    private void visit(int from, int column, int row) {
        if (map.isWallTile(column, row)) {
            return;
        }
        int tile = row * columns + column;
        if (distance[tile] >= 0) {
            return;
        }
        distance[tile] = distance[from] + 1;
        parent[tile] = from;
        queue[reached++] = tile;
    }
}
