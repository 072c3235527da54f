package dev.skirmish.game.map;

import dev.skirmish.game.GameConstants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads maps from the Skirmish map text format, version 1, and refuses bad ones with the line and
 * the reason ({@link MapFormatException}).
 *
 * <p>The format is UTF-8 (in practice ASCII) text, lines ending in LF or CRLF:
 * <pre>
 *   skirmish-map 1          line 1: magic and format version, exactly this
 *   ; a comment             blank lines and lines starting with ';' are ignored outside the grid
 *   name Arena              display name: 1..32 of letters, digits, space, '-', '_'
 *   tile 32                 side of a tile in units: 28..256 (at least a player's diameter)
 *   size 48 36              columns and rows: 4..256 each; the world (size * tile) at most 4096
 *                           units on each axis, the range of a position on the wire
 *   grid                    the next `rows` lines are the grid, `columns` characters each
 *   ################
 *   #S.....##.....S#        '#' wall, '.' floor, 'S' floor with a spawn point at the tile centre
 *   ################
 * </pre>
 * The three header keys must each appear exactly once, in any order, before {@code grid}. After the
 * grid only blank lines and comments may follow. A map needs at least one spawn point. Rows run
 * from the top of the world (y = 0) downward, columns from the left (x = 0).
 */
public final class MapParser {

    /** Line 1 of every version-1 map file. */
    public static final String MAGIC = "skirmish-map 1";

    /** Grid character of a wall tile. */
    public static final char WALL = '#';

    /** Grid character of a floor tile. */
    public static final char FLOOR = '.';

    /** Grid character of a floor tile with a spawn point. */
    public static final char SPAWN = 'S';

    /** Smallest tile side: a one-tile corridor must fit a player. */
    public static final int MIN_TILE_SIZE = (int) Math.ceil(2 * GameConstants.PLAYER_RADIUS);

    /** Largest tile side. */
    public static final int MAX_TILE_SIZE = 256;

    /** Fewest columns or rows. */
    public static final int MIN_TILES = 4;

    /** Most columns or rows. */
    public static final int MAX_TILES = 256;

    /** Longest display name. */
    public static final int MAX_NAME_LENGTH = 32;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _-]{1," + MAX_NAME_LENGTH + "}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MapParser() {
    }

    /**
     * Parses {@code text}; {@code sourceName} (usually the file name) only labels errors.
     *
     * @throws MapFormatException naming the line and the reason when the text is not a valid map
     */
    public static GameMap parse(String sourceName, String text) throws MapFormatException {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > 1 && lines[lines.length - 1].isEmpty()) {
            // A final line break ends the last line; it does not start another one.
            lines = Arrays.copyOf(lines, lines.length - 1);
        }
        return new Parse(sourceName, lines).run();
    }

    /** One parse of one text; holds the position so error messages can name the line. */
    private static final class Parse {
        private final String source;
        private final String[] lines;
        private int index;
        private String name;
        private int tileSize;
        private int columns;
        private int rows;

        Parse(String source, String[] lines) {
            this.source = source;
            this.lines = lines;
        }

        GameMap run() throws MapFormatException {
            if (lines.length == 0 || !lines[0].equals(MAGIC)) {
                throw error(1, "expected '" + MAGIC + "' on the first line");
            }
            index = 1;
            int gridLine = readHeader();
            boolean[] walls = new boolean[columns * rows];
            List<SpawnPoint> spawns = new ArrayList<>();
            for (int row = 0; row < rows; row++, index++) {
                if (index >= lines.length) {
                    throw error(lines.length, "file ends after " + row + " of " + rows + " grid rows");
                }
                readRow(lines[index], row, walls, spawns);
            }
            for (; index < lines.length; index++) {
                if (!ignorable(lines[index])) {
                    throw error(index + 1, "unexpected text after the " + rows + " grid rows");
                }
            }
            if (spawns.isEmpty()) {
                throw error(gridLine, "the grid has no spawn point ('" + SPAWN + "')");
            }
            return new GameMap(name, tileSize, columns, rows, walls, spawns);
        }

        /** Reads header lines up to and including {@code grid}; returns the grid line's number. */
        private int readHeader() throws MapFormatException {
            for (; index < lines.length; index++) {
                String line = lines[index].strip();
                int lineNumber = index + 1;
                if (ignorable(line)) {
                    continue;
                }
                String[] words = WHITESPACE.split(line, 2);
                String key = words[0];
                String value = words.length > 1 ? words[1].strip() : "";
                switch (key) {
                    case "name" -> readName(value, lineNumber);
                    case "tile" -> readTile(value, lineNumber);
                    case "size" -> readSize(value, lineNumber);
                    case "grid" -> {
                        checkHeaderComplete(value, lineNumber);
                        index++;
                        return lineNumber;
                    }
                    default -> throw error(lineNumber, "unknown header key '" + key
                            + "' (expected name, tile, size or grid)");
                }
            }
            throw error(lines.length, "file ends before the 'grid' line");
        }

        private void readName(String value, int lineNumber) throws MapFormatException {
            if (name != null) {
                throw error(lineNumber, "duplicate 'name'");
            }
            if (!NAME.matcher(value).matches()) {
                throw error(lineNumber, "name must be 1.." + MAX_NAME_LENGTH
                        + " letters, digits, spaces, '-' or '_', got '" + value + "'");
            }
            name = value;
        }

        private void readTile(String value, int lineNumber) throws MapFormatException {
            if (tileSize != 0) {
                throw error(lineNumber, "duplicate 'tile'");
            }
            tileSize = integer(value, "tile size", MIN_TILE_SIZE, MAX_TILE_SIZE, lineNumber);
        }

        private void readSize(String value, int lineNumber) throws MapFormatException {
            if (columns != 0) {
                throw error(lineNumber, "duplicate 'size'");
            }
            String[] parts = WHITESPACE.split(value);
            if (parts.length != 2) {
                throw error(lineNumber, "size needs two numbers, columns and rows, got '" + value + "'");
            }
            columns = integer(parts[0], "columns", MIN_TILES, MAX_TILES, lineNumber);
            rows = integer(parts[1], "rows", MIN_TILES, MAX_TILES, lineNumber);
        }

        private void checkHeaderComplete(String value, int lineNumber) throws MapFormatException {
            if (!value.isEmpty()) {
                throw error(lineNumber, "'grid' takes no value, got '" + value + "'");
            }
            if (name == null || tileSize == 0 || columns == 0) {
                throw error(lineNumber, "'grid' before all of name, tile and size were given");
            }
            long widthUnits = (long) columns * tileSize;
            long heightUnits = (long) rows * tileSize;
            if (widthUnits > GameConstants.MAX_WORLD_SIZE || heightUnits > GameConstants.MAX_WORLD_SIZE) {
                throw error(lineNumber, "world is " + widthUnits + " x " + heightUnits
                        + " units; positions on the wire reach at most " + GameConstants.MAX_WORLD_SIZE);
            }
        }

        private void readRow(String line, int row, boolean[] walls, List<SpawnPoint> spawns)
                throws MapFormatException {
            int lineNumber = index + 1;
            if (line.length() != columns) {
                throw error(lineNumber, "grid row " + (row + 1) + " has " + line.length()
                        + " characters, expected " + columns);
            }
            for (int column = 0; column < columns; column++) {
                char c = line.charAt(column);
                switch (c) {
                    case WALL -> walls[row * columns + column] = true;
                    case FLOOR -> { }
                    case SPAWN -> spawns.add(new SpawnPoint((column + 0.5) * tileSize, (row + 0.5) * tileSize));
                    default -> throw error(lineNumber, "unknown tile character '" + printable(c) + "' in column "
                            + (column + 1) + " (expected '" + WALL + "', '" + FLOOR + "' or '" + SPAWN + "')");
                }
            }
        }

        private int integer(String text, String what, int min, int max, int lineNumber) throws MapFormatException {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(lineNumber, what + " must be a whole number, got '" + text + "'");
            }
            if (value < min || value > max) {
                throw error(lineNumber, what + " must be " + min + ".." + max + ", got " + value);
            }
            return value;
        }

        private static boolean ignorable(String line) {
            String stripped = line.strip();
            return stripped.isEmpty() || stripped.charAt(0) == ';';
        }

        private static String printable(char c) {
            return Character.isISOControl(c) || Character.isWhitespace(c)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }

        private MapFormatException error(int lineNumber, String reason) {
            return new MapFormatException(source, lineNumber, reason);
        }
    }
}
