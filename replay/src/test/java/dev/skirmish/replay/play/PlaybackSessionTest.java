package dev.skirmish.replay.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.transport.sim.LinkConditions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The playback on its own thread, as the window sees it: controls arrive, the bar tells the state. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlaybackSessionTest {
    private static final long SEED = 41;

    @TempDir
    static Path directory;
    static RecordedMatch match;

    @BeforeAll
    static void record() throws Exception {
        match = RecordedMatch.of(SimulatedMatchCapture.record(directory.resolve("match.pcapng"), SEED, 2,
                2 * SimulatedMatchCapture.SECOND, LinkConditions.PERFECT).trace);
    }

    /** Waits, for at most ten seconds, until {@code done} holds; the session runs on the wall clock. */
    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static String bar(PlaybackSession session) {
        StringBuilder line = new StringBuilder();
        session.describe(line, session.latestView());
        return line.toString();
    }

    @Test
    void controlsReachThePlaybackThreadAndTheBarSaysSo() throws Exception {
        Playback playback = new Playback(match, LinkConditions.builder().lossRate(0.2).delayMicros(50_000).build(), SEED);
        try (PlaybackSession session = PlaybackSession.start(playback)) {
            await(() -> session.latestView().localKnown() && session.latestView().otherCount() == 1,
                    "both players show");
            session.faster();
            session.togglePause();
            await(() -> bar(session).contains("[paused]") && bar(session).contains(match.playerName()),
                    "paused, and the name has arrived: " + bar(session));
            String bar = bar(session);
            assertTrue(bar.startsWith("REPLAY 2x 00:0"), bar);
            assertTrue(bar.contains(" / 00:0" + match.durationMicros() / 1_000_000 + " following " + match.playerName()
                    + " [paused]   loss 20%  latency 50ms"), bar);
            long position = session.positionMicros();
            session.followNext();
            await(() -> session.followedPlayerId() != match.playerId(), "follows the other player");
            assertEquals(position, session.positionMicros(), "paused: the position stays");
            ClientView view = session.latestView();
            assertTrue(bar(session).contains("following " + view.playerName(session.followedPlayerId())), bar(session));
            assertNull(session.failure());
        }
    }

    @Test
    void theBarWritesImpairmentsAsTheOptionsDo() {
        assertEquals("no impairment", PlaybackSession.describe(LinkConditions.PERFECT));
        assertEquals("loss 0.5%  latency 50ms  jitter 250us  duplicate 1%", PlaybackSession.describe(LinkConditions.builder()
                .lossRate(0.005).delayMicros(50_000).jitterMicros(250).duplicateRate(0.01).build()));
        StringBuilder clock = new StringBuilder();
        PlaybackSession.appendClock(clock, 83_999_999);
        assertEquals("01:23", clock.toString());
    }

    // The tests below drive the session's steps by hand (no thread, virtual time), as the thread would.

    @Test
    void consecutiveSeeksAddUpIntoOneAndOtherControlsKeepTheirPlace() {
        Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
        PlaybackSession session = new PlaybackSession(playback);
        session.seekBy(1_000_000);
        session.seekBy(1_000_000);
        session.seekBy(-500_000);
        assertTrue(session.step(0));
        assertEquals(2, playback.pairs(), "three queued seeks made one new client");
        Playback reference = new Playback(match, LinkConditions.PERFECT, SEED);
        reference.seekTo(1_500_000);
        assertEquals(reference.positionMicros(), playback.positionMicros(), "the seeks' sum");

        session.seekBy(-1_000_000);
        session.togglePause();
        session.seekBy(500_000);
        assertTrue(session.step(0));
        assertEquals(4, playback.pairs(), "a pause between two seeks keeps them apart");
        assertTrue(playback.paused());

        session.seekBy(5_000_000);
        session.seekBy(-5_000_000);
        assertTrue(session.step(0));
        assertEquals(4, playback.pairs(), "seeks that add up to nothing make no new client");
    }

    @Test
    void aNewClientWhoseJoinFailsIsShownSoTheWindowCanReportIt() {
        Playback playback = new Playback(match, LinkConditions.builder().lossRate(1).build(), SEED);
        PlaybackSession session = new PlaybackSession(playback);
        session.seekBy(1_000_000);
        assertTrue(session.step(TimeUnit.SECONDS.toNanos(20)), "virtual seconds, past the connect timeout");
        assertEquals(ClientPhase.FAILED, playback.client().phase(), "everything is lost: the new client gives up");
        ClientView shown = session.latestView();
        assertEquals(ClientPhase.FAILED, shown.phase(), "the failed client, not the old one still connecting");
        assertNotNull(shown.failure());
    }

    @Test
    void aPlaybackThatThrowsStopsWithAFailureForTheWindow() {
        PlaybackSession session = new PlaybackSession(new Playback(match, LinkConditions.PERFECT, SEED));
        assertNull(session.failure());
        session.control(playback -> {
            throw new IllegalStateException("boom");
        });
        assertFalse(session.step(0));
        assertEquals("java.lang.IllegalStateException: boom", session.failure());
    }
}
