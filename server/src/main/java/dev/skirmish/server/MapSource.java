package dev.skirmish.server;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;
import dev.skirmish.game.map.ShippedMaps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a server's map comes from, as {@code --map} names it: a shipped map by name
 * ({@link ShippedMaps#NAMES}), otherwise a file path. A file is read as UTF-8 (undecodable bytes
 * become U+FFFD, so the parser names the line they are on) and parsed under the path as given, so
 * every error says which file, which line and why.
 */
public final class MapSource {

    /** Largest map file read; far above any valid map (a 256 x 256 grid is about 66 kB). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private MapSource() {
    }

    /**
     * Loads the shipped map {@code nameOrPath}, or else the map file at that path.
     *
     * @throws MapFormatException naming the file, line and reason when the file is not a valid map
     * @throws IOException with a one-line message when the file cannot be read
     */
    public static GameMap load(String nameOrPath) throws MapFormatException, IOException {
        if (ShippedMaps.NAMES.contains(nameOrPath)) {
            return ShippedMaps.load(nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(nameOrPath, null, "no such map file, and no shipped map of that name"
                    + " (shipped: " + String.join(", ", ShippedMaps.NAMES) + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(nameOrPath + ": not a map file");
        }
        return MapParser.parse(nameOrPath, read(path, nameOrPath));
    }

    /**
     * {@link #load} for a command line: on failure prints one line saying why to {@code err} and returns
     * null, so every command reports a bad {@code --map} the same way.
     */
    public static GameMap loadOrExplain(String nameOrPath, PrintWriter err) {
        try {
            return load(nameOrPath);
        } catch (MapFormatException e) {
            err.println("error: bad map " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("error: map '" + nameOrPath + "': " + e.getReason());
        } catch (IOException e) {
            err.println("error: cannot read map '" + nameOrPath + "': " + e.getMessage());
        }
        return null;
    }

    private static String read(Path path, String name) throws IOException, MapFormatException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new MapFormatException(name, 1, "file is larger than " + MAX_FILE_BYTES + " bytes; not a map");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
