package dev.skirmish.game.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MapParserTest {

    private static final String GOOD = String.join("\n",
            "skirmish-map 1",
            "; a comment",
            "name Tiny Yard",
            "tile 32",
            "size 6 4",
            "",
            "grid",
            "######",
            "#S..##",
            "#..#S#",
            "######",
            "; trailing comment",
            "");

    @Test
    void parsesHeaderGridAndSpawns() throws MapFormatException {
        GameMap map = MapParser.parse("tiny.map", GOOD);

        assertEquals("Tiny Yard", map.name());
        assertEquals(32, map.tileSize());
        assertEquals(6, map.columns());
        assertEquals(4, map.rows());
        assertEquals(192.0, map.width());
        assertEquals(128.0, map.height());
        assertEquals(List.of(new SpawnPoint(48, 48), new SpawnPoint(144, 80)), map.spawns());
        assertTrue(map.isWallTile(3, 2));
        assertFalse(map.isWallTile(2, 2));
        assertTrue(map.isWallTile(-1, 0), "outside the grid counts as wall");
    }

    @Test
    void mergesWallTilesIntoFewRectanglesCoveringExactlyTheWalls() throws MapFormatException {
        GameMap map = MapParser.parse("tiny.map", GOOD);

        int wallTiles = map.columns() * map.rows() - floorTiles(map);
        assertTrue(map.walls().size() * 2 <= wallTiles, wallTiles + " tiles merged into " + map.walls());
        for (int row = 0; row < map.rows(); row++) {
            for (int column = 0; column < map.columns(); column++) {
                double cx = (column + 0.5) * map.tileSize();
                double cy = (row + 0.5) * map.tileSize();
                int covering = 0;
                for (WallRect wall : map.walls()) {
                    if (cx > wall.minX() && cx < wall.maxX() && cy > wall.minY() && cy < wall.maxY()) {
                        covering++;
                    }
                }
                assertEquals(map.isWallTile(column, row) ? 1 : 0, covering, "tile " + column + "," + row);
            }
        }
    }

    @Test
    void canonicalTextParsesBackToTheSameMap() throws MapFormatException {
        GameMap map = ShippedMaps.load("warehouse");
        GameMap again = MapParser.parse("again.map", map.toText());

        assertEquals(map.toText(), again.toText());
        assertEquals(map.walls(), again.walls());
        assertEquals(map.spawns(), again.spawns());
    }

    @Test
    void acceptsWindowsLineEndings() throws MapFormatException {
        GameMap map = MapParser.parse("crlf.map", GOOD.replace("\n", "\r\n"));
        assertEquals(2, map.spawns().size());
    }

    @Test
    void everyShippedMapLoadsWithRoomForThirtyTwoPlayers() {
        for (String name : ShippedMaps.NAMES) {
            GameMap map = ShippedMaps.load(name);

            assertTrue(map.spawns().size() >= GameConstants.DEFAULT_MAX_PLAYERS, name + " has " + map.spawns().size() + " spawns");
            assertTrue(map.width() >= 1500 && map.height() >= 1000, name + " is " + map.width() + " x " + map.height());
            for (SpawnPoint spawn : map.spawns()) {
                for (WallRect wall : map.walls()) {
                    double nx = Math.max(wall.minX(), Math.min(spawn.x(), wall.maxX()));
                    double ny = Math.max(wall.minY(), Math.min(spawn.y(), wall.maxY()));
                    double distance = Math.hypot(spawn.x() - nx, spawn.y() - ny);
                    assertTrue(distance >= GameConstants.PLAYER_RADIUS, name + ": spawn " + spawn + " touches " + wall);
                }
            }
            assertEquals(floorTiles(map), reachableFloorTiles(map), name + ": every floor tile is reachable");
        }
    }

    @Test
    void unknownShippedMapIsRefusedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ShippedMaps.load("moon"));
        assertTrue(error.getMessage().contains("moon"));
    }

    static List<Object[]> badMaps() {
        String header = "skirmish-map 1\nname Bad\ntile 32\nsize 4 4\ngrid\n";
        String grid = "####\n#S.#\n#..#\n####\n";
        return List.of(
                new Object[] {"skirmish-map 2\n", 1, "expected 'skirmish-map 1'"},
                new Object[] {"", 1, "expected 'skirmish-map 1'"},
                new Object[] {"skirmish-map 1\nname Bad\ncolour red\n", 3, "unknown header key 'colour'"},
                new Object[] {"skirmish-map 1\nname Bad\nname Again\n", 3, "duplicate 'name'"},
                new Object[] {"skirmish-map 1\nname Bad!\n", 2, "name must be"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 16\n", 3, "tile size must be 28..256, got 16"},
                new Object[] {"skirmish-map 1\nname Bad\ntile big\n", 3, "tile size must be a whole number"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 32\nsize 4\n", 4, "size needs two numbers"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 32\nsize 4 300\n", 4, "rows must be 4..256, got 300"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 32\ngrid\n####\n", 4, "'grid' before all of name, tile and size"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 64\nsize 100 10\ngrid\n", 5, "positions on the wire reach at most 4096"},
                new Object[] {"skirmish-map 1\nname Bad\ntile 32\nsize 4 4\n", 4, "file ends before the 'grid' line"},
                new Object[] {header + "####\n#S.#\n#..\n####\n", 8, "grid row 3 has 3 characters, expected 4"},
                new Object[] {header + "####\n#S.#\n#.x#\n####\n", 8, "unknown tile character 'x' in column 3"},
                new Object[] {header + "####\n#S.#\n# .#\n####\n", 8, "unknown tile character '\\u0020' in column 2"},
                new Object[] {header + "####\n#S.#\n", 7, "file ends after 2 of 4 grid rows"},
                new Object[] {header + "####\n#..#\n#..#\n####\n", 5, "no spawn point"},
                new Object[] {header + grid + "\n####\n", 11, "unexpected text after the 4 grid rows"});
    }

    @ParameterizedTest
    @MethodSource("badMaps")
    void refusesBadFileWithLineAndReason(String text, int line, String reason) {
        MapFormatException error = assertThrows(MapFormatException.class, () -> MapParser.parse("bad.map", text));

        assertEquals("bad.map", error.sourceName());
        assertEquals(line, error.lineNumber(), error.getMessage());
        assertTrue(error.reason().contains(reason), "reason was: " + error.reason());
        assertTrue(error.getMessage().startsWith("bad.map:" + line + ": "), error.getMessage());
    }

    private static int floorTiles(GameMap map) {
        int count = 0;
        for (int row = 0; row < map.rows(); row++) {
            for (int column = 0; column < map.columns(); column++) {
                count += map.isWallTile(column, row) ? 0 : 1;
            }
        }
        return count;
    }

    private static int reachableFloorTiles(GameMap map) {
        boolean[] seen = new boolean[map.columns() * map.rows()];
        SpawnPoint start = map.spawns().get(0);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {(int) (start.x() / map.tileSize()), (int) (start.y() / map.tileSize())});
        int count = 0;
        while (!queue.isEmpty()) {
            int[] tile = queue.poll();
            int c = tile[0];
            int r = tile[1];
            if (map.isWallTile(c, r) || seen[r * map.columns() + c]) {
                continue;
            }
            seen[r * map.columns() + c] = true;
            count++;
            queue.add(new int[] {c + 1, r});
            queue.add(new int[] {c - 1, r});
            queue.add(new int[] {c, r + 1});
            queue.add(new int[] {c, r - 1});
        }
        return count;
    }
}
