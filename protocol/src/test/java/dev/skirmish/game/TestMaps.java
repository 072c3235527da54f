package dev.skirmish.game;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;

/** Small maps drawn inline for tests. */
public final class TestMaps {

    private TestMaps() {
    }

    /** Parses a map of {@code tile}-unit tiles from its grid rows. */
    public static GameMap grid(int tile, String... rows) {
        StringBuilder text = new StringBuilder(MapParser.MAGIC).append('\n')
                .append("name test\n")
                .append("tile ").append(tile).append('\n')
                .append("size ").append(rows[0].length()).append(' ').append(rows.length).append('\n')
                .append("grid\n");
        for (String row : rows) {
            text.append(row).append('\n');
        }
        try {
            return MapParser.parse("test.map", text.toString());
        } catch (MapFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** An open 20 x 20 map of 32-unit tiles with no walls at all (only the world edge). */
    public static GameMap open() {
        String floor = ".".repeat(20);
        String[] rows = new String[20];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = floor;
        }
        rows[10] = "S" + ".".repeat(19);
        return grid(32, rows);
    }
}
