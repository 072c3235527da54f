package dev.skirmish.bench.transport;

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

/** Each transport and workload once, tiny, through the command line: it runs and its JSON is complete. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransportCommandTest {
    private static final List<String> FIELDS = List.of("transport", "workload", "size", "loss", "sent", "delivered",
            "lost", "misordered", "duplicates", "elapsed_s", "msgs_per_s", "mb_per_s", "p50_us", "p99_us", "p999_us",
            "max_us", "retransmits", "wire_bytes", "payload_bytes");
    private static final Pattern FIELD = Pattern.compile("\"([a-z0-9_]+)\":(\"[^\"]*\"|[^,}]+)");

    @Test
    void skirmishThroughputDeliversEveryMessageInOrder() {
        Map<String, String> json = run("--transport", "skirmish", "--workload", "throughput", "--size", "64",
                "--count", "20000", "--duration", "20");
        assertReliableAndComplete(json, 20_000);
        assertEquals("\"skirmish\"", json.get("transport"));
        assertTrue(Long.parseLong(json.get("wire_bytes")) > Long.parseLong(json.get("payload_bytes")), json.toString());
    }

    @Test
    void skirmishLatencyUnderLossStillDeliversEveryMessageInOrder() {
        Map<String, String> json = run("--transport", "skirmish", "--workload", "latency", "--size", "64",
                "--rate", "1000", "--duration", "1", "--warmup", "0", "--loss", "0.1", "--seed", "7");
        assertReliableAndComplete(json, 1000);
        assertTrue(Long.parseLong(json.get("retransmits")) > 0, "10 % loss must cause retransmissions: " + json);
        assertTrue(Double.parseDouble(json.get("p50_us")) > 0, json.toString());
    }

    @Test
    void tcpThroughputAndLatencyRun() {
        assertReliableAndComplete(run("--transport", "tcp", "--workload", "throughput", "--size", "1024",
                "--count", "5000", "--duration", "20"), 5_000);
        Map<String, String> latency = run("--transport", "tcp", "--workload", "latency", "--rate", "500",
                "--duration", "1", "--warmup", "0");
        assertReliableAndComplete(latency, 500);
        assertEquals("null", latency.get("retransmits"));
    }

    @Test
    void udpRunsBestEffortAndCountsWhatItDropped() {
        Map<String, String> json = run("--transport", "udp", "--workload", "latency", "--rate", "1000",
                "--duration", "1", "--warmup", "0", "--loss", "0.2", "--seed", "3");
        long sent = Long.parseLong(json.get("sent"));
        long lost = Long.parseLong(json.get("lost"));
        assertEquals(1000, sent);
        assertTrue(lost >= 100 && lost <= 300, "about 20 % of 1000 dropped with seed 3: " + json);
        assertEquals(sent - lost, Long.parseLong(json.get("delivered")));
        Map<String, String> throughput = run("--transport", "udp", "--workload", "throughput", "--count", "2000");
        assertEquals(2000, Long.parseLong(throughput.get("sent")));
    }

    @Test
    void refusesLossForTcpAndUnknownTransports() {
        assertEquals(2, exitCode("--transport", "tcp", "--loss", "0.05"));
        assertEquals(2, exitCode("--transport", "quic"));
        assertEquals(2, exitCode("--transport", "udp", "--size", "8"));
    }

    private static void assertReliableAndComplete(Map<String, String> json, long expected) {
        assertEquals(FIELDS, new ArrayList<>(json.keySet()));
        assertEquals(expected, Long.parseLong(json.get("sent")), json.toString());
        assertEquals(expected, Long.parseLong(json.get("delivered")), json.toString());
        assertEquals("0", json.get("lost"));
        assertEquals("0", json.get("misordered"));
        assertEquals("0", json.get("duplicates"));
        assertTrue(Double.parseDouble(json.get("msgs_per_s")) > 0, json.toString());
    }

    private static Map<String, String> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "transport";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = command.execute(full);
        assertEquals(0, exit, "exit code; stderr: " + err);
        String[] lines = out.toString().strip().split("\n");
        assertEquals(1, lines.length, "one JSON line: " + out);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(lines[0]);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static int exitCode(String... args) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));
        String[] full = new String[args.length + 1];
        full[0] = "transport";
        System.arraycopy(args, 0, full, 1, args.length);
        return command.execute(full);
    }
}
