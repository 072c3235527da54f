package dev.skirmish.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real programs through the real launcher, over real UDP on 127.0.0.1: {@code ./skirmish server}
 * in one process, {@code ./skirmish bot --count 4 --json} in another; the JSON statistics must show four
 * bots that joined and played. Runs after {@code package}, so the launcher finds its jar built and
 * starts at once.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherEndToEndIT {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    private final Path root = Path.of("").toAbsolutePath().getParent();

    @Test
    void serverAndFourBotsPlayAndReportJson() throws Exception {
        Path capture = Files.createTempFile("skirmish-session", ".pcapng");
        Process server = launch("server", "--port", "0", "--bind", "127.0.0.1", "--status-seconds", "1",
                "--record", capture.toString());
        try {
            BlockingQueue<String> serverLines = linesOf(server);
            int port = awaitPort(serverLines);
            Process bots = launch("bot", "--server", "127.0.0.1:" + port, "--count", "4", "--duration", "4s",
                    "--json");
            String output = new String(bots.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(bots.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bots.waitFor(60, TimeUnit.SECONDS), "bots did not finish");
            assertEquals(0, bots.exitValue(), "bot exit code; stderr: " + errors + "; stdout: " + output);

            String json = output.lines().filter(line -> line.startsWith("{")).findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON object in: " + output));
            assertEquals(4, count(json, "\"name\":\"bot-"), json);
            assertTrue(json.contains("\"failures\":0"), json);
            for (String field : List.of("rttMillis", "lossPercent", "snapshotsPerSecond", "kbpsDown", "kbpsUp",
                    "corrections", "largestCorrectionUnits", "kills", "deaths")) {
                assertTrue(json.contains("\"" + field + "\":"), "missing " + field + " in " + json);
            }
            for (double snapshotsPerSecond : numbers(json, "snapshotsPerSecond")) {
                assertTrue(snapshotsPerSecond > 30, "a bot received too few snapshots: " + json);
            }
            for (double kbpsDown : numbers(json, "kbpsDown")) {
                assertTrue(kbpsDown > 0, json);
            }
            List<Double> playerIds = numbers(json, "playerId");
            assertEquals(4, playerIds.size(), json);
            assertTrue(playerIds.stream().allMatch(id -> id >= 0), "every bot joined: " + json);
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not stop on SIGTERM");
        }
        assertNotEquals(-1, server.exitValue());
        // The server recorded the session: a pcapng file (section header block type 0x0A0D0D0A) with data.
        byte[] recorded = Files.readAllBytes(capture);
        assertTrue(recorded.length > 10_000, "capture of " + recorded.length + " bytes");
        assertEquals(0x0A, recorded[0]);
        assertEquals(0x0D, recorded[1]);
        assertEquals(0x0D, recorded[2]);
        assertEquals(0x0A, recorded[3]);
        Process info = launch("replay", "info", capture.toString());
        String report = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(info.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, info.exitValue(), report);
        assertTrue(report.contains("4 connection(s)"), report);
        Files.deleteIfExists(capture);
    }

    @Test
    void badCommandLinesGetOneClearLineAndANonZeroExit() throws Exception {
        Process unknown = launch("bot", "--server", "nowhere-port", "--count", "1");
        String errors = new String(unknown.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(unknown.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, unknown.exitValue(), errors);
        assertTrue(errors.contains("--server"), errors);
        assertTrue(!errors.contains("Exception"), "no stack trace: " + errors);
    }

    private Process launch(String... args) throws IOException {
        Path launcher = root.resolve("skirmish");
        assertTrue(Files.isExecutable(launcher), "launcher not found at " + launcher);
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(root.toFile()).start();
    }

    /** Reads a process's standard output on a thread of its own, so it never blocks on a full pipe. */
    private static BlockingQueue<String> linesOf(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        }, "server-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static int awaitPort(BlockingQueue<String> lines) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the server never said where it listens: " + seen);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<Double> numbers(String json, String field) {
        List<Double> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(json);
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(1)));
        }
        return values;
    }
}
