package dev.skirmish.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad arguments to {@code skirmish bot} are usage errors (exit 2) that say what is wrong. */
class BotCommandArgumentsTest {

    /** Runs the command; returns exit code, out and err. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BotCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--count|0|--count must be 1..64, got 0",
        "--count|65|--count must be 1..64, got 65",
        "--count|many|Invalid value for option '--count': 'many' is not an int",
        "--duration|soon|'soon' is not a duration; use e.g. 500ms, 30s, 2m or 1h",
        "--duration|0s|duration must be positive, got '0s'",
        "--duration|-5s|'-5s' is not a duration",
        "--duration|2d|'2d' is not a duration",
        "--duration|1500m|duration '1500m' is longer than 24 h",
        "--server|localhost|'localhost' is not a server address: expected HOST:PORT",
        "--server|localhost:|'localhost:' is not a server address: the port must be a number 1..65535",
        "--server|:7777|':7777' is not a server address: the host is missing",
        "--server|localhost:0|'localhost:0' is not a server address: the port must be a number 1..65535",
        "--server|localhost:70000|the port must be a number 1..65535",
        "--server|localhost:http|the port must be a number 1..65535",
        "--server|::1:7777|an IPv6 address must be written in brackets",
        "--server|[::1]7777|an IPv6 address must be written [ADDRESS]:PORT",
        "--name|''|--name: name prefix must be 1..20 characters, got 0",
        "--name|abcdefghijklmnopqrstuvwxyz|--name: name prefix must be 1..20 characters, got 26",
        "--name|'   '|--name: name prefix must not be blank",
        "--name|'a\tb'|--name: player name contains control character U+0009",
    })
    void badArgumentsAreUsageErrors(String option, String value, String message) {
        String[] args = option.equals("--server")
                ? new String[] {"--server", value}
                : new String[] {"--server", "127.0.0.1:7777", option, value};
        Run run = run(args);
        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), "expected '" + message + "' in: " + run.err());
        assertTrue(run.err().contains("Usage: bot"), "usage follows the message: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void theServerIsRequired() {
        Run run = run("--count", "2");
        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--server=HOST:PORT'"), run.err());
    }

    @Test
    void helpListsOptionsAndExitCodes() {
        Run run = run("--help");
        assertEquals(CommandLine.ExitCode.OK, run.exitCode());
        for (String expected : new String[] {"--server=HOST:PORT", "--count=N", "--duration=TIME", "--name=PREFIX",
                "--seed=N", "--json", "Exit codes:", "default: 30s"}) {
            assertTrue(run.out().contains(expected), expected + " in " + run.out());
        }
    }

    @Test
    void durationsTakeMillisecondsSecondsAndMinutes() {
        assertEquals(Duration.ofMillis(1500), dev.skirmish.cli.DurationText.parse("1500ms"));
        assertEquals(Duration.ofSeconds(30), dev.skirmish.cli.DurationText.parse("30s"));
        assertEquals(Duration.ofMinutes(2), dev.skirmish.cli.DurationText.parse("2m"));
        assertThrows(IllegalArgumentException.class, () -> dev.skirmish.cli.DurationText.parse("1.5s"));
    }

    @Test
    void serverAddressesTakeNamesIpv4AndBracketedIpv6() {
        assertEquals(new InetSocketAddress("127.0.0.1", 7777), ServerAddressConverter.parse("127.0.0.1:7777"));
        assertEquals(new InetSocketAddress("::1", 9000), ServerAddressConverter.parse("[::1]:9000"));
        assertEquals(7777, ServerAddressConverter.parse("localhost:7777").getPort());
    }
}
