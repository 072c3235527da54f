package dev.skirmish.server;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;

/** Small maps whose geometry the tests reason about. */
public final class TestMaps {

    /**
     * An open field of 20 x 12 tiles of 32 units (interior x 32..608, y 32..352), spawns in the four
     * corners ((48, 48), (592, 48), (48, 336), (592, 336) in row-major order) and one wall block at
     * x 256..384, y 128..160.
     */
    public static final String FIELD = """
            skirmish-map 1
            name Test Field
            tile 32
            size 20 12
            grid
            ####################
            #S................S#
            #..................#
            #..................#
            #.......####.......#
            #..................#
            #..................#
            #..................#
            #..................#
            #..................#
            #S................S#
            ####################
            """;

    /**
     * A range of 24 x 14 tiles of 32 units: two spawns on column 3, a target's at (112, 80) above a
     * shooter's at (112, 400), with open floor between and to the right.
     */
    public static final String RANGE = """
            skirmish-map 1
            name Test Range
            tile 32
            size 24 14
            grid
            ########################
            #......................#
            #..S...................#
            #......................#
            #......................#
            #......................#
            #......................#
            #......................#
            #......................#
            #......................#
            #......................#
            #......................#
            #..S...................#
            ########################
            """;

    private TestMaps() {
    }

    public static GameMap field() {
        return parse("field.map", FIELD);
    }

    public static GameMap range() {
        return parse("range.map", RANGE);
    }

    private static GameMap parse(String name, String text) {
        try {
            return MapParser.parse(name, text);
        } catch (MapFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
