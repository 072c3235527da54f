package dev.skirmish.replay.cli;

import dev.skirmish.client.window.WindowClient;
import dev.skirmish.client.window.WindowCommandOptions;
import dev.skirmish.client.window.WindowOptions;
import dev.skirmish.game.GameConstants;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.play.NotPlayableException;
import dev.skirmish.replay.play.Playback;
import dev.skirmish.replay.play.PlaybackSession;
import dev.skirmish.replay.play.RecordedMatch;
import dev.skirmish.transport.sim.LinkConditions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish replay play FILE}: demo playback of a recorded session in the client window. What the
 * server sent one connection is re-sent to a real game client through the real transport over a
 * simulated network with the impairments asked for, so interpolation and prediction can be watched
 * coping (see {@link Playback}). Keys: Space pause, {@code -}/{@code +} speed, Left/Right seek 5 s, Tab
 * follow the next player, Z whole map or following camera, F1 scoreboard, F3 net graph, Esc quit.
 *
 * <p>The capture is read first, so a bad file is reported (file and byte offset) with or without a
 * display; then without a display the command says what it needs and exits {@value #EXIT_NO_DISPLAY},
 * unless {@code --headless} asks for offscreen rendering (with {@code --screenshot}, one PNG).
 */
@Command(name = "play", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plays the game one connection of a capture saw in the client window, re-sent through the"
                + " real transport over a simulated network with the impairments asked for, to a real client that"
                + " interpolates and predicts as in live play.",
            "Keys: Space pause, -/+ speed, Left/Right seek 5 s, Tab follow the next player (the camera follows;"
                + " Z shows the whole map), F1 scoreboard, F3 net graph, Esc quit. Needs a display (or --headless"
                + " --screenshot FILE.png)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:played until quit, or wrote the screenshot",
            "1:the capture cannot be read, has a problem, or holds no game session to play",
            "2:invalid arguments",
            "3:no display to open the window on (or no EGL for --headless)"})
public final class PlayCommand implements Callable<Integer> {

    /** Exit code: nothing to show the playback on. */
    public static final int EXIT_NO_DISPLAY = 3;

    private static final Pattern POSITION = Pattern.compile("(?:(\\d{1,4}):)?(\\d{1,6}(?:\\.\\d{1,6})?)");

    @Spec
    CommandSpec spec;

    /** Whether a display is there; replaceable so that tests need not depend on the machine's. */
    BooleanSupplier displayPresent = WindowClient::displayAvailable;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcapng capture (made with --record).")
    Path file;

    @Option(names = "--connection", paramLabel = "N",
            description = "Which connection to play, as replay info numbers them (default: the first whose"
                    + " Welcome was captured).")
    Integer connection;

    @Option(names = "--follow", paramLabel = "PLAYER_ID",
            description = "Player to follow at first (default: the recorded player; Tab cycles).")
    Integer follow;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Playback speed: 0.25, 0.5, 1, 2 or 4 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--start", paramLabel = "POSITION",
            description = "Where to start, as SECONDS or MM:SS from the first snapshot, within the capture"
                    + " (default: 0).")
    String start;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ImpairmentOptions impairments;

    @Mixin
    WindowCommandOptions window;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LinkConditions conditions = impairments.build(impairments.conditions());
        WindowOptions options = window.build(String.valueOf(file.getFileName()));
        checkSpeedAndFollow();
        long startMicros = start == null ? 0 : positionMicros(start);
        SessionTrace trace = CaptureLoading.load(file, err);
        if (trace == null) {
            return 1;
        }
        int status = CaptureLoading.reportProblems(trace, err);
        RecordedMatch match;
        try {
            match = connection == null ? RecordedMatch.of(trace) : RecordedMatch.of(trace, connection);
        } catch (NotPlayableException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        checkStartWithin(match, startMicros);
        if (!window.headless() && !displayPresent.getAsBoolean()) {
            err.println("error: replay play shows the match in a window and needs a display: neither DISPLAY (X11)"
                    + " nor WAYLAND_DISPLAY is set. Run it on a desktop, or under a virtual display"
                    + " (xvfb-run skirmish replay play " + file + "), or render offscreen with --headless --screenshot"
                    + " FILE.png. Without a display, 'replay info' and 'replay run' work.");
            err.flush();
            return EXIT_NO_DISPLAY;
        }
        Playback playback = new Playback(match, conditions, seed);
        playback.setSpeed(speed);
        if (follow != null) {
            playback.follow(follow);
        }
        if (startMicros > 0) {
            playback.seekTo(startMicros);
        }
        out.println(summary(match, conditions));
        out.flush();
        int code;
        try (PlaybackSession session = PlaybackSession.start(playback)) {
            code = WindowClient.watch(session, options, out, err);
            if (session.failure() != null && code == 0) {
                // Failed after the window's last look (it reports a failure it sees itself).
                err.println("error: " + file + ": playback stopped: " + session.failure());
                code = 1;
            }
        }
        err.flush();
        return code != 0 ? code : status;
    }

    private String summary(RecordedMatch match, LinkConditions conditions) {
        StringBuilder text = new StringBuilder();
        text.append("playing ").append(file).append(" connection ").append(match.connection()).append(": ")
                .append(match.playerName()).append(" (player ").append(match.playerId()).append(") on ")
                .append(match.map().mapName()).append(", ");
        PlaybackSession.appendClock(text, match.durationMicros());
        text.append(" at ").append(match.tickRateHz()).append(" Hz, ").append(match.snapshotCount()).append(" snapshots");
        if (match.skippedSnapshots() > 0) {
            text.append(" (").append(match.skippedSnapshots()).append(" undecodable deltas skipped)");
        }
        if (match.hasInput()) {
            text.append(", predicting the recorded player's input (").append(match.missingCommands())
                    .append(" commands missing from the capture)");
        } else {
            text.append(", spectating (the capture holds none of the player's input)");
        }
        text.append("; network: ").append(conditions).append(", seed ").append(seed);
        text.append(String.format(Locale.ROOT, "%nkeys: Space pause, -/+ speed, Left/Right seek 5 s, Tab follow next,"
                + " Z whole map, F1 scoreboard, F3 net graph, Esc quit"));
        return text.toString();
    }

    private void checkSpeedAndFollow() {
        if (!Playback.isSpeed(speed)) {
            throw usage("--speed must be one of " + Playback.speedsText() + ", got " + speed);
        }
        if (follow != null && (follow < 0 || follow >= GameConstants.MAX_PLAYERS)) {
            throw usage("--follow must be a player id 0.." + (GameConstants.MAX_PLAYERS - 1) + ", got " + follow);
        }
        if (connection != null && connection < 0) {
            throw usage("--connection must be 0 or more, got " + connection);
        }
    }

    private void checkStartWithin(RecordedMatch match, long startMicros) {
        if (startMicros > match.durationMicros()) {
            StringBuilder duration = new StringBuilder();
            PlaybackSession.appendClock(duration, match.durationMicros());
            throw usage("--start " + start.strip() + " is past the end: connection " + match.connection() + " of "
                    + file + " plays for " + duration + String.format(Locale.ROOT, " (%.1f s)", match.durationMicros() / 1e6));
        }
    }

    private long positionMicros(String text) {
        Matcher matcher = POSITION.matcher(text.strip());
        if (!matcher.matches()) {
            throw usage("--start '" + text + "' is not a position; use SECONDS (e.g. 90) or MM:SS (e.g. 1:30)");
        }
        long minutes = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        double seconds = Double.parseDouble(matcher.group(2));
        if (matcher.group(1) != null && seconds >= 60) {
            throw usage("--start '" + text + "' has " + matcher.group(2) + " seconds; in MM:SS they must be below 60"
                    + " (e.g. 1:30)");
        }
        return minutes * 60_000_000L + Math.round(seconds * 1e6);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
