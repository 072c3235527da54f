package dev.skirmish.game.map;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable playing field: a grid of square tiles, each wall or floor, some floor tiles marked
 * as spawn points. Built by {@link MapParser} (format documented there).
 *
 * <p>The world spans {@code [0, width()] x [0, height()]} units, tile {@code (column, row)} covering
 * {@code [column * tileSize, (column + 1) * tileSize]} horizontally and the same for rows downward.
 * Wall tiles are merged into as few axis-aligned rectangles as a greedy row-then-column sweep finds,
 * so collision tests scan few rectangles and players slide along long walls without catching on
 * seams between tiles. The edge of the map behaves as a wall whether or not the grid draws one.
 */
public final class GameMap {

    private final String name;
    private final int tileSize;
    private final int columns;
    private final int rows;
    private final boolean[] wallTiles;
    private final List<WallRect> walls;
    private final List<SpawnPoint> spawns;

    /**
     * Creates a map; {@code wallTiles} is row-major, {@code columns * rows} long, and is copied.
     * Validation of names and sizes is the parser's job; this only checks consistency.
     */
    GameMap(String name, int tileSize, int columns, int rows, boolean[] wallTiles, List<SpawnPoint> spawns) {
        if (wallTiles.length != columns * rows) {
            throw new IllegalArgumentException("expected " + columns * rows + " tiles, got " + wallTiles.length);
        }
        this.name = name;
        this.tileSize = tileSize;
        this.columns = columns;
        this.rows = rows;
        this.wallTiles = wallTiles.clone();
        this.walls = List.copyOf(mergeWalls(this.wallTiles, columns, rows, tileSize));
        this.spawns = List.copyOf(spawns);
    }

    /** Display name from the map's header. */
    public String name() {
        return name;
    }

    /** Side of one tile in units. */
    public int tileSize() {
        return tileSize;
    }

    /** Number of tile columns. */
    public int columns() {
        return columns;
    }

    /** Number of tile rows. */
    public int rows() {
        return rows;
    }

    /** Width of the world in units. */
    public double width() {
        return (double) columns * tileSize;
    }

    /** Height of the world in units. */
    public double height() {
        return (double) rows * tileSize;
    }

    /** The solid rectangles, in a fixed order (the order collision resolves them in). */
    public List<WallRect> walls() {
        return walls;
    }

    /** Spawn points in row-major order of their tiles. */
    public List<SpawnPoint> spawns() {
        return spawns;
    }

    /** Whether tile {@code (column, row)} is a wall; tiles outside the grid count as walls. */
    public boolean isWallTile(int column, int row) {
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return true;
        }
        return wallTiles[row * columns + column];
    }

    /** The map in the text format {@link MapParser} reads, in canonical form (no comments). */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(MapParser.MAGIC).append('\n');
        text.append("name ").append(name).append('\n');
        text.append("tile ").append(tileSize).append('\n');
        text.append("size ").append(columns).append(' ').append(rows).append('\n');
        text.append("grid\n");
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                text.append(tileCharacter(column, row));
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "GameMap[" + name + ", " + columns + "x" + rows + " tiles of " + tileSize + ", "
                + walls.size() + " walls, " + spawns.size() + " spawns]";
    }

    private char tileCharacter(int column, int row) {
        if (isWallTile(column, row)) {
            return MapParser.WALL;
        }
        double centreX = (column + 0.5) * tileSize;
        double centreY = (row + 0.5) * tileSize;
        for (SpawnPoint spawn : spawns) {
            if (spawn.x() == centreX && spawn.y() == centreY) {
                return MapParser.SPAWN;
            }
        }
        return MapParser.FLOOR;
    }

    private static List<WallRect> mergeWalls(boolean[] wall, int columns, int rows, int tileSize) {
        boolean[] taken = new boolean[wall.length];
        List<WallRect> merged = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (!wall[row * columns + column] || taken[row * columns + column]) {
                    continue;
                }
                int runWidth = 1;
                while (column + runWidth < columns && free(wall, taken, columns, column + runWidth, row)) {
                    runWidth++;
                }
                int runHeight = 1;
                while (row + runHeight < rows && rowFree(wall, taken, columns, column, runWidth, row + runHeight)) {
                    runHeight++;
                }
                for (int r = row; r < row + runHeight; r++) {
                    for (int c = column; c < column + runWidth; c++) {
                        taken[r * columns + c] = true;
                    }
                }
                merged.add(new WallRect((double) column * tileSize, (double) row * tileSize,
                        (double) (column + runWidth) * tileSize, (double) (row + runHeight) * tileSize));
            }
        }
        return merged;
    }

    private static boolean free(boolean[] wall, boolean[] taken, int columns, int column, int row) {
        int index = row * columns + column;
        return wall[index] && !taken[index];
    }

    private static boolean rowFree(boolean[] wall, boolean[] taken, int columns, int column, int width, int row) {
        for (int c = column; c < column + width; c++) {
            if (!free(wall, taken, columns, c, row)) {
                return false;
            }
        }
        return true;
    }
}
