package dev.skirmish.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.bench.BenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The server benchmark once, tiny, through the command line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerBenchCommandTest {
    private static final List<String> FIELDS = List.of("bots", "tick_hz", "elapsed_s", "ticks", "ticks_skipped",
            "tick_p50_us", "tick_p99_us", "tick_max_us", "cpu_per_tick_us", "snapshots", "snapshot_bytes_mean",
            "down_kbps_per_client", "up_kbps_per_client", "bot_down_kbps", "bot_up_kbps", "gc_pause_ms",
            "disconnects", "target_down_kbps_per_client", "target_tick_p99_us");
    private static final Pattern FIELD = Pattern.compile("\"([a-z0-9_]+)\":(\"[^\"]*\"|[^,}]+)");

    @Test
    void twoBotsForASecondReportEveryField() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = command(out, err).execute("server", "--bots", "2", "--warmup", "200ms", "--duration", "1s", "--json");
        assertEquals(0, exit, "stderr: " + err);
        Map<String, String> json = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(out.toString().strip());
        while (matcher.find()) {
            json.put(matcher.group(1), matcher.group(2));
        }
        assertEquals(FIELDS, new ArrayList<>(json.keySet()), out.toString());
        assertEquals("2", json.get("bots"));
        assertEquals("0", json.get("disconnects"));
        assertTrue(Long.parseLong(json.get("ticks")) >= 30, "about 60 ticks in a second: " + json);
        assertTrue(Long.parseLong(json.get("snapshots")) > 0, json.toString());
        assertTrue(Double.parseDouble(json.get("down_kbps_per_client")) > 0, json.toString());
        assertEquals("null", json.get("target_tick_p99_us"), "targets are stated for 16 bots only");
    }

    @Test
    void moreBotsThanTheGameAllowsAreRefused() {
        StringWriter err = new StringWriter();
        int exit = command(new StringWriter(), err).execute("server", "--bots", "65");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--bots must be 1..64, got 65"), err.toString());
    }

    private static CommandLine command(StringWriter out, StringWriter err) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command;
    }
}
