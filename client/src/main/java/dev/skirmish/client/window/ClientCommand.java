package dev.skirmish.client.window;

import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.bot.ServerAddressConverter;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CaptureTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish client}: joins a server as a human player in an OpenGL window (WASD, mouse aim, left
 * button fires, 1/2 weapons, Tab scoreboard, F3 net graph, Esc menu then Esc quits). With
 * {@code --screenshot} it renders the given number of frames of play, writes a PNG and exits; with
 * {@code --headless}, or automatically when no display can be opened, it renders offscreen through
 * GLFW's null platform and EGL. The launcher registers it as a subcommand; {@link ClientMain} runs it
 * alone.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Joins a Skirmish server as a player in an OpenGL window.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:played until quit, or wrote the screenshot",
            "1:could not join, lost the server, or could not write the screenshot",
            "2:invalid arguments",
            "3:no display and no EGL: nothing to render with"})
public final class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", converter = ServerAddressConverter.class,
            description = "The server's UDP address, e.g. 127.0.0.1:7777.")
    InetSocketAddress server;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "player",
            description = "Player name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--interp-delay", paramLabel = "MS", defaultValue = "100",
            description = "Interpolation delay for other players, 0..1000 ms (default: ${DEFAULT-VALUE}).")
    long interpolationDelayMillis;

    @Option(names = "--no-prediction", description = "Draw the local player as the server last said, unpredicted.")
    boolean noPrediction;

    @Option(names = "--no-interpolation", description = "Draw other players at their newest snapshot, uninterpolated.")
    boolean noInterpolation;

    @Mixin
    WindowCommandOptions window;

    @Option(names = "--record", paramLabel = "FILE.pcapng",
            description = "Record every datagram received and sent to this pcapng file.")
    Path record;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GameClientConfig config = config();
        WindowOptions options = window.build(server.getHostString() + ":" + server.getPort());
        String unwritable = CaptureTarget.problem(record);
        if (unwritable != null) {
            err.println("error: cannot record to " + record + ": " + unwritable);
            err.flush();
            return GameWindow.EXIT_SESSION_FAILED;
        }
        if (record == null) {
            return WindowClient.play(config, server, options, out, err);
        }
        try {
            CaptureFile capture = CaptureFile.create(record);
            int code;
            try {
                code = WindowClient.play(config, server, options, capture, out, err);
            } finally {
                capture.close();
            }
            out.println(CaptureTarget.describe(capture));
            out.flush();
            return code;
        } catch (IOException e) {
            err.println("error: recording to " + record + " failed: " + e.getMessage());
            err.flush();
            return GameWindow.EXIT_SESSION_FAILED;
        }
    }

    private GameClientConfig config() {
        if (interpolationDelayMillis < 0 || interpolationDelayMillis > 1000) {
            throw usage("--interp-delay must be 0..1000 ms, got " + interpolationDelayMillis);
        }
        try {
            return GameClientConfig.builder(name)
                    .interpolationDelayMillis(interpolationDelayMillis)
                    .prediction(!noPrediction)
                    .interpolation(!noInterpolation)
                    .build();
        } catch (IllegalArgumentException e) {
            throw usage("--name: " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
