package dev.skirmish.client;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;

/** Maps drawn inline for client tests, with their source text (the stand-in server sends it). */
public final class TestWorlds {

    /** A parsed map and the text it came from. */
    public record World(GameMap map, String text) {
    }

    private TestWorlds() {
    }

    /** Parses a map of {@code tile}-unit tiles from its grid rows. */
    public static World grid(int tile, String... rows) {
        StringBuilder text = new StringBuilder(MapParser.MAGIC).append('\n')
                .append("name test\n")
                .append("tile ").append(tile).append('\n')
                .append("size ").append(rows[0].length()).append(' ').append(rows.length).append('\n')
                .append("grid\n");
        for (String row : rows) {
            text.append(row).append('\n');
        }
        try {
            return new World(MapParser.parse("test.map", text.toString()), text.toString());
        } catch (MapFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * A 24 x 24 room of 32-unit tiles walled all round, with a big open middle: spawns at tiles
     * (6, 6), (17, 6), (6, 17), (17, 17). Room to walk a few hundred units in any direction.
     */
    public static World openRoom() {
        String[] rows = new String[24];
        String wall = "#".repeat(24);
        String floor = "#" + ".".repeat(22) + "#";
        for (int row = 0; row < rows.length; row++) {
            rows[row] = row == 0 || row == 23 ? wall : floor;
        }
        rows[6] = "#.....S..........S.....#";
        rows[17] = rows[6];
        return grid(32, rows);
    }

    /**
     * A 20 x 16 map with walls inside: pillars, an L-shaped block and a corridor, so that bots must
     * path around obstacles and lines of sight get blocked.
     */
    public static World obstacles() {
        return grid(32,
                "####################",
                "#S.......#........S#",
                "#........#.........#",
                "#..##....#....##...#",
                "#..##.........##...#",
                "#..................#",
                "#.....######.......#",
                "#.....#............#",
                "#.....#.....S......#",
                "#..........#####...#",
                "#..##..............#",
                "#..##.....#........#",
                "#.........#....##..#",
                "#S........#....##.S#",
                "#.........#........#",
                "####################");
    }
}
