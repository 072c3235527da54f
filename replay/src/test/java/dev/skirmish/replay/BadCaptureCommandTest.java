package dev.skirmish.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on files that are not good captures: one clear line naming the file and byte offset. */
class BadCaptureCommandTest {
    @TempDir
    Path directory;

    @Test
    void infoOnATextFileNamesTheFileAndOffsetAndExitsOne() throws Exception {
        Path file = directory.resolve("readme.txt");
        Files.writeString(file, "hello, this is not a capture at all");
        CommandOutput result = CommandOutput.run("info", file.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("error: " + file + ": at byte 0: not a pcapng file"), result.err());
        assertTrue(result.out().contains("0 connection(s)"), "still reports what it read: " + result.out());
    }

    @Test
    void missingFileIsOneLine() {
        Path file = directory.resolve("nowhere.pcapng");
        CommandOutput result = CommandOutput.run("info", file.toString());
        assertEquals(1, result.exitCode());
        assertEquals("error: " + file + ": no such file", result.err().strip());
    }

    @Test
    void runWithoutMessagesSaysSo() throws Exception {
        Path file = directory.resolve("empty.pcapng");
        Files.write(file, new byte[0]);
        CommandOutput result = CommandOutput.run("run", file.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("no application messages to replay"), result.err());
    }

    @Test
    void badImpairmentIsAUsageError() throws Exception {
        Path file = directory.resolve("any.pcapng");
        Files.write(file, new byte[0]);
        CommandOutput result = CommandOutput.run("run", file.toString(), "--loss", "lots");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("'lots' is not a percentage"), result.err());
    }
}
