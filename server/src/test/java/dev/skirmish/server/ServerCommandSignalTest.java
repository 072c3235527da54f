package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code skirmish server} in a JVM of its own stops cleanly on SIGTERM and prints its summary. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerCommandSignalTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void printsTheSummaryWhenTerminated() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ServerCommand.class.getName(), "--bind", "127.0.0.1", "--port", "0", "--tick", "20"))
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("skirmish server listening on 127.0.0.1:"), String.valueOf(first));
            // Process.destroy() would also close our end of its output: send the signal by hand.
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -TERM");
            StringBuilder rest = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server exits");
            assertTrue(rest.toString().contains("server summary: "), rest.toString());
            assertTrue(rest.toString().contains("(no players)"), rest.toString());
        } finally {
            process.destroyForcibly();
        }
    }
}
