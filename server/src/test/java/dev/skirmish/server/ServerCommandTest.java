package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerCommandTest {

    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    private record Run(int exitCode, String out, String err) {
        long errLines() {
            return err.lines().count();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ServerCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void refusesATickRateOutOfRange() {
        Run run = run("--tick", "500");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--tick must be 10..128, got 500"), run.err());
    }

    @Test
    void refusesABadDuration() {
        Run run = run("--duration", "soon");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'soon' is not a duration; use e.g. 500ms, 30s, 2m or 1h"), run.err());
        assertEquals(2, run("--duration", "0s").exitCode());
    }

    @Test
    void refusesOtherOptionsOutOfRange() {
        assertTrue(run("--max-players", "65").err().startsWith("--max-players must be 1..64, got 65"));
        assertTrue(run("--port", "70000").err().startsWith("--port must be 0..65535, got 70000"));
        assertTrue(run("--snapshot-every", "0").err().startsWith("--snapshot-every must be 1..60, got 0"));
        assertTrue(run("--max-rewind-ms", "-1").err().startsWith("--max-rewind-ms must be 0..1000, got -1"));
    }

    @Test
    void refusesABadMapFileInOneLineWithFileLineAndReason() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.map"), TestMaps.FIELD.replace("tile 32", "tile 3"));
        Run run = run("--map", file.toString(), "--port", "0");
        assertEquals(1, run.exitCode());
        assertEquals("error: bad map " + file + ":3: tile size must be 28..256, got 3", run.err().strip());
        assertEquals(1, run.errLines());
    }

    @Test
    void refusesAMissingMapInOneLine() {
        Run run = run("--map", dir.resolve("missing.map").toString(), "--port", "0");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("no such map file, and no shipped map of that name"), run.err());
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            Run run = run("--bind", "127.0.0.1", "--port", Integer.toString(port));
            assertEquals(1, run.exitCode());
            assertEquals("error: port " + port + " is already in use on 127.0.0.1", run.err().strip());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsOneClearLine() {
        Run run = run("--bind", "192.0.2.1", "--port", "0");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("error: cannot listen on 192.0.2.1:0: "), run.err());
    }

    @Test
    void runsForTheGivenDurationAndPrintsTheSummary() {
        Run run = run("--bind", "127.0.0.1", "--port", "0", "--tick", "30", "--map", "warehouse",
                "--duration", "300ms");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("skirmish server listening on 127.0.0.1:"), run.out());
        assertTrue(run.out().contains("map Warehouse, 30 Hz, up to 32 players"), run.out());
        assertTrue(run.out().contains("server summary: "), run.out());
        assertTrue(run.out().contains("(no players)"), run.out());
    }

    @Test
    void printsUsageForHelp() {
        Run run = run("--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--port", "--bind", "--tick", "--max-players", "--map", "--match-seconds",
                "--duration"}) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }
}
