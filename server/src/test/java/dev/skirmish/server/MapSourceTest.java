package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapSourceTest {

    @TempDir
    Path dir;

    @Test
    void loadsShippedMapsByName() throws Exception {
        assertEquals("Arena", MapSource.load("arena").name());
        assertTrue(MapSource.load("warehouse").spawns().size() > 0);
    }

    @Test
    void loadsAMapFile() throws Exception {
        Path file = Files.writeString(dir.resolve("field.map"), TestMaps.FIELD);
        GameMap map = MapSource.load(file.toString());
        assertEquals(TestMaps.field().toText(), map.toText());
    }

    @Test
    void refusesABadMapFileWithTheFileTheLineAndTheReason() throws Exception {
        String broken = TestMaps.FIELD.replace("size 20 12", "size 20");
        Path file = Files.writeString(dir.resolve("broken.map"), broken);
        MapFormatException e = assertThrows(MapFormatException.class, () -> MapSource.load(file.toString()));
        assertEquals(file.toString(), e.sourceName());
        assertEquals(4, e.lineNumber());
        assertTrue(e.reason().contains("size needs two numbers"), e.reason());
        assertEquals(file + ":4: " + e.reason(), e.getMessage());
    }

    @Test
    void namesTheLineOfABadGridRow() throws Exception {
        String broken = TestMaps.FIELD.replace("#.......####.......#", "#.......####......#");
        Path file = Files.writeString(dir.resolve("short-row.map"), broken);
        MapFormatException e = assertThrows(MapFormatException.class, () -> MapSource.load(file.toString()));
        assertEquals(10, e.lineNumber());
        assertEquals("grid row 5 has 19 characters, expected 20", e.reason());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedOnTheirLine() throws Exception {
        byte[] bytes = TestMaps.FIELD.replace("#.......####.......#", "#.......####......X#")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 'X') {
                bytes[i] = (byte) 0xC3;
            }
        }
        Path file = Files.write(dir.resolve("binary.map"), bytes);
        MapFormatException e = assertThrows(MapFormatException.class, () -> MapSource.load(file.toString()));
        assertEquals(10, e.lineNumber());
        assertTrue(e.reason().contains("unknown tile character"), e.reason());
    }

    @Test
    void aMissingFileSaysSoAndListsTheShippedMaps() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> MapSource.load(dir.resolve("nope.map").toString()));
        assertTrue(e.getReason().contains("arena, warehouse"), e.getReason());
    }

    @Test
    void aDirectoryIsNotAMap() {
        IOException e = assertThrows(IOException.class, () -> MapSource.load(dir.toString()));
        assertTrue(e.getMessage().endsWith("not a map file"), e.getMessage());
    }
}
