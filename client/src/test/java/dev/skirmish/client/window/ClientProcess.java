package dev.skirmish.client.window;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link ClientMain} in a child JVM (GLFW reads the display from the environment, so tests vary it there). */
final class ClientProcess {

    /** What the child printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private ClientProcess() {
    }

    /**
     * Runs the client with {@code args}, prefixed by {@code wrapper} (e.g. xvfb-run), with the environment
     * edited by {@code environment} (null values remove a variable).
     */
    static Result run(List<String> wrapper, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClientMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
