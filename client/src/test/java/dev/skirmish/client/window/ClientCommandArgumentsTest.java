package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors are refused before any socket or window opens, with exit code 2 and a message naming the option. */
class ClientCommandArgumentsTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ClientCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static void assertUsage(String expected, String... args) {
        String[] result = run(args);
        assertEquals("2", result[0], result[2]);
        assertTrue(result[2].contains(expected), result[2]);
    }

    @Test
    void theServerIsRequired() {
        assertUsage("--server");
    }

    @Test
    void refusesAnInterpolationDelayOutOfRange() {
        assertUsage("--interp-delay must be 0..1000 ms, got 5000", "--server", "127.0.0.1:7777", "--interp-delay", "5000");
    }

    @Test
    void refusesABadSize() {
        assertUsage("--size must be WIDTHxHEIGHT", "--server", "127.0.0.1:7777", "--size", "big");
        assertUsage("--size must be WIDTHxHEIGHT", "--server", "127.0.0.1:7777", "--size", "10x10");
    }

    @Test
    void refusesAScreenshotThatIsNotPng() {
        assertUsage("--screenshot must name a .png file", "--server", "127.0.0.1:7777", "--screenshot", "shot.jpg");
    }

    @Test
    void aCaptureThatCannotBeWrittenIsRefusedBeforeConnecting() {
        String[] result = run("--server", "127.0.0.1:7777", "--record", "/no/such/directory/session.pcapng");
        assertEquals(Integer.toString(GameWindow.EXIT_SESSION_FAILED), result[0], result[2]);
        assertTrue(result[2].startsWith("error: cannot record to /no/such/directory/session.pcapng: no such directory"),
                result[2]);
    }

    @Test
    void refusesZeroFrames() {
        assertUsage("--frames must be at least 1", "--server", "127.0.0.1:7777", "--frames", "0");
    }

    @Test
    void helpListsTheIssueOptions() {
        String[] result = run("--help");
        assertEquals("0", result[0]);
        for (String option : new String[] {"--name", "--interp-delay", "--no-prediction", "--no-interpolation",
            "--screenshot", "--frames", "--headless"}) {
            assertTrue(result[1].contains(option), option + " in\n" + result[1]);
        }
    }
}
