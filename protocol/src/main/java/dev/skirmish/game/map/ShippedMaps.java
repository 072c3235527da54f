package dev.skirmish.game.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The maps that ship inside the protocol jar, under {@code /maps/<name>.map} on the classpath
 * (format: {@link MapParser}; documented again in {@code maps/README.md} beside them).
 */
public final class ShippedMaps {

    /** Names of the shipped maps, the first being the default. */
    public static final List<String> NAMES = List.of("arena", "warehouse");

    private ShippedMaps() {
    }

    /** The source text of shipped map {@code name}, as a server would send it to clients. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no shipped map named '" + name + "'; shipped: " + NAMES);
        }
        String resource = "/maps/" + name + ".map";
        try (InputStream in = ShippedMaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped map resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Loads and parses shipped map {@code name}; a shipped map that does not parse is a build defect,
     * reported as {@link IllegalStateException} carrying the parser's line and reason.
     */
    public static GameMap load(String name) {
        try {
            return MapParser.parse(name + ".map", text(name));
        } catch (MapFormatException e) {
            throw new IllegalStateException("shipped map is invalid: " + e.getMessage(), e);
        }
    }
}
