package dev.skirmish.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.bench.BenchCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole standard matrix once with very short runs: every file is written and names every run. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportCommandTest {

    @Test
    void writesResultsTablesAndCharts(@TempDir Path out) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(stdout));
        command.setErr(new PrintWriter(err));
        int exit = command.execute("report", "--out", out.toString(), "--duration", "100ms", "--warmup", "50ms", "--server-warmup", "200ms",
                "--server-duration", "1s");
        assertEquals(0, exit, "stderr: " + err);

        String json = Files.readString(out.resolve("results.json"));
        int transportRuns = StandardMatrix.transportRuns(java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, 1).size();
        assertEquals(transportRuns, count(json, "\"transport\":\""), json);
        assertEquals(3, count(json, "\"bots\":"), "16, 32 and 64 bots ran: " + json);

        String markdown = Files.readString(out.resolve("results.md"));
        assertTrue(markdown.contains("## Targets"), markdown);
        assertTrue(markdown.contains("64 bots at 60 Hz"), markdown);
        for (String chart : new String[] {"throughput_64b.png", "latency_p99.png", "server_tick.png"}) {
            byte[] png = Files.readAllBytes(out.resolve(chart));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', chart);
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
