package dev.skirmish.replay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.window.Camera;
import dev.skirmish.client.window.Palette;
import dev.skirmish.client.window.PlayerColors;
import dev.skirmish.replay.play.SimulatedMatchCapture;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.capture.CaptureFile;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code replay play}: what it says without a display, on bad files and bad options, and what it draws. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayCommandTest {
    private static final long SEED = 31;

    @TempDir
    static Path directory;
    static Path capture;

    @BeforeAll
    static void record() throws Exception {
        capture = SimulatedMatchCapture.record(directory.resolve("match.pcapng"), SEED, 3, 3 * SimulatedMatchCapture.SECOND,
                LinkConditions.builder().delayMicros(10_000).build()).file;
    }

    private record Output(int exitCode, String out, String err) {
    }

    private static Output play(boolean display, String... args) {
        PlayCommand command = new PlayCommand();
        command.displayPresent = () -> display;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Output(code, out.toString(), err.toString());
    }

    @Test
    void withoutADisplayItSaysWhatItNeedsAndExitsThree() {
        Output result = play(false, capture.toString());
        assertEquals(PlayCommand.EXIT_NO_DISPLAY, result.exitCode(), result.err());
        String err = result.err();
        assertTrue(err.startsWith("error: replay play shows the match in a window and needs a display"), err);
        assertTrue(err.contains("DISPLAY") && err.contains("WAYLAND_DISPLAY") && err.contains("xvfb-run"), err);
        assertTrue(err.contains("'replay info' and 'replay run' work"), err);
        assertEquals("", result.out());
    }

    @Test
    void aTruncatedCaptureNamesTheFileAndOffsetAndStillFindsTheMatch() throws Exception {
        byte[] bytes = Files.readAllBytes(capture);
        Path truncated = directory.resolve("truncated.pcapng");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 2 / 3 + 5));
        Output result = play(false, truncated.toString());
        assertTrue(result.err().startsWith("error: " + truncated + ": at byte "), result.err());
        assertTrue(result.err().contains("needs a display"), "what was read is playable: " + result.err());
        assertEquals(PlayCommand.EXIT_NO_DISPLAY, result.exitCode());
    }

    @Test
    void aFileThatIsNotACaptureIsOneClearErrorWithTheOffset() throws Exception {
        Path text = directory.resolve("notes.txt");
        Files.writeString(text, "these are notes, not packets");
        Output result = play(true, text.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("error: " + text + ": at byte 0: not a pcapng file"), result.err());
        assertTrue(result.err().contains("error: " + text + ": no game session to play"), result.err());
    }

    @Test
    void anotherProgramsTrafficIsNotAGameSession() throws Exception {
        Path foreign = directory.resolve("dns.pcapng");
        try (CaptureFile file = CaptureFile.create(foreign, 16, 1_700_000_000_000_000L)) {
            for (int i = 0; i < 5; i++) {
                file.record(i * 1_000_000L, new InetSocketAddress("10.1.1.1", 53), new InetSocketAddress("10.1.1.2", 5353),
                        ByteBuffer.wrap("not a skirmish datagram at all".getBytes(StandardCharsets.US_ASCII)));
            }
        }
        Output result = play(true, foreign.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("error: " + foreign + ": at byte "), result.err());
        assertTrue(result.err().contains("no Skirmish traffic"), result.err());
        assertTrue(result.err().contains("no game session to play"), result.err());
    }

    @Test
    void aConnectionThatIsNotThereIsAClearError() {
        Output result = play(true, capture.toString(), "--connection", "5");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("no connection 5; the capture has 3"), result.err());
    }

    @Test
    void aSpeedThatIsNotOfferedIsAUsageError() {
        Output result = play(true, capture.toString(), "--speed", "3");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--speed must be one of 0.25x, 0.5x, 1x, 2x, 4x, got 3.0"), result.err());
    }

    @Test
    void aStartPastTheEndIsAUsageErrorNamingTheDuration() {
        Output result = play(false, capture.toString(), "--start", "9:00");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("--start 9:00 is past the end: connection 0 of " + capture + " plays for 00:0"),
                result.err());
        assertTrue(result.err().matches("(?s).* \\(\\d+\\.\\d s\\).*"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void aStartWithinTheCaptureIsAccepted() {
        Output result = play(false, capture.toString(), "--start", "0:01.5");
        assertEquals(PlayCommand.EXIT_NO_DISPLAY, result.exitCode(), "on to the display check: " + result.err());
    }

    @Test
    void minutesAndSecondsNeedSecondsBelowSixty() {
        Output result = play(true, capture.toString(), "--start", "1:75");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("--start '1:75' has 75 seconds; in MM:SS they must be below 60"), result.err());
    }

    @Test
    void isASubcommandOfReplay() {
        CommandLine replay = new CommandLine(new ReplayCommand());
        assertTrue(replay.getSubcommands().containsKey("play"));
    }

    @Test
    void headlessPlaybackFollowsThePlayerAskedFor() throws Exception {
        Path png = directory.resolve("playback.png");
        Output result = play(false, capture.toString(), "--headless", "--screenshot", png.toString(), "--frames", "30",
                "--size", "640x400", "--loss", "5%", "--latency", "20ms", "--follow", "1");
        if (result.exitCode() == 3 && result.err().contains("no display and no EGL")) {
            throw new AssertionError("this machine cannot render offscreen: " + result.err());
        }
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("playing " + capture + " connection 0"), result.out());
        assertTrue(result.out().matches("(?s).*predicting the recorded player's input \\(\\d+ commands missing from the"
                + " capture\\).*"), result.out());
        BufferedImage image = ImageIO.read(png.toFile());
        int pixels = countNear(image, PlayerColors.rgb(1), 0);
        assertTrue(pixels > 20, "the followed player, drawn by the camera that follows them: " + pixels + " pixels");
        int barTop = image.getHeight() - Camera.HUD_HEIGHT_PIXELS;
        int barText = countNear(image, Palette.TEXT_RGB, barTop);
        assertTrue(barText > 200, "the playback bar's text at the bottom: " + barText + " pixels");
        int corner = image.getRGB(image.getWidth() - 2, image.getHeight() - 2) & 0xFFFFFF;
        assertTrue(near(corner, Palette.HUD_BAR_RGB), "the bar's background in the bottom right corner: "
                + Integer.toHexString(corner));
    }

    /** Pixels within 12 per channel of {@code rgb}, from row {@code fromY} down. */
    private static int countNear(BufferedImage image, int rgb, int fromY) {
        int count = 0;
        for (int y = fromY; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += near(image.getRGB(x, y), rgb) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean near(int pixel, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((pixel >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }
}
