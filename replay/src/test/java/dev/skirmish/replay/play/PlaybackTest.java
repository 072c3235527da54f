package dev.skirmish.replay.play;

import static dev.skirmish.replay.play.SimulatedMatchCapture.MS;
import static dev.skirmish.replay.play.SimulatedMatchCapture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.window.GameWindow;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.transport.sim.LinkConditions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playback of a recorded match to a real client over the simulated network, in virtual time: what the
 * client decodes is the recorded world, prediction reconciles, and the controls move the position as
 * they say.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlaybackTest {
    private static final long SEED = 23;

    @TempDir
    static Path directory;
    static RecordedMatch match;

    @BeforeAll
    static void record() throws Exception {
        SimulatedMatchCapture capture = SimulatedMatchCapture.record(directory.resolve("match.pcapng"), SEED, 3,
                6 * SECOND, LinkConditions.builder().delayMicros(20_000).build());
        match = RecordedMatch.of(capture.trace);
    }

    /** What the replay client decoded: its tick, the pair's virtual time, and whether it was the recorded state. */
    private record Decoded(int tick, long atNanos, boolean recorded) {
    }

    /** Records every snapshot the playback's client decodes, checked against the recording. */
    private static List<Decoded> watch(Playback playback, List<String> mismatches) {
        List<Decoded> decoded = new ArrayList<>();
        Snapshot expected = new Snapshot();
        playback.setSnapshotListener(snapshot -> {
            int index = match.indexAtOrAfter(snapshot.tick());
            boolean same = index < match.snapshotCount() && match.tick(index) == snapshot.tick();
            if (same) {
                match.snapshot(index, expected).setLastProcessedCommand(
                        playback.server().replayCommandNumber(match.lastProcessedCommand(index)));
                same = expected.sameAs(snapshot);
            }
            if (!same && mismatches.size() < 3) {
                mismatches.add("tick " + snapshot.tick() + ": decoded\n" + snapshot + "\nrecorded\n" + expected);
            }
            decoded.add(new Decoded(snapshot.tick(), playback.network().nowNanos(), same));
        });
        return decoded;
    }

    @Test
    void withoutImpairmentTheClientDecodesEveryRecordedStateAndPredictsWithoutCorrection() {
        Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
        List<String> mismatches = new ArrayList<>();
        List<Decoded> decoded = watch(playback, mismatches);
        int[] reconciled = new int[1];
        double[] worstError = new double[1];
        playback.setReconciliationListener((command, error, counted) -> {
            reconciled[0]++;
            worstError[0] = Math.max(worstError[0], error);
        });
        playback.advance(match.durationMicros() * 1000 + SECOND);

        String context = "seed " + SEED + ", " + match;
        assertTrue(playback.ended(), context);
        assertTrue(mismatches.isEmpty(), context + "\n" + mismatches);
        assertEquals(match.snapshotCount(), decoded.size(), context + ": every recorded snapshot, once");
        for (int i = 0; i < decoded.size(); i++) {
            assertEquals(match.tick(i), decoded.get(i).tick());
        }
        assertEquals(ClientPhase.PLAYING, playback.client().phase(), String.valueOf(playback.client().failure()));
        assertTrue(playback.predicting());
        assertTrue(reconciled[0] > match.snapshotCount() / 2, "reconciliations measured: " + reconciled[0]);
        assertEquals(0, playback.client().stats(playback.network().nowNanos()).corrections(),
                context + ": worst prediction error " + worstError[0] + " units");
        assertEquals(0, playback.server().invalidAcks());
    }

    @Test
    void underLossAndLatencyEveryDecodedStateIsTheRecordedOneAndTheRunRepeats() {
        LinkConditions rough = LinkConditions.builder().lossRate(0.20).delayMicros(50_000).build();
        List<String> mismatches = new ArrayList<>();
        Playback first = new Playback(match, rough, SEED);
        List<Decoded> firstRun = watch(first, mismatches);
        first.advance(match.durationMicros() * 1000 + SECOND);
        Playback second = new Playback(match, rough, SEED);
        List<Decoded> secondRun = watch(second, mismatches);
        second.advance(match.durationMicros() * 1000 + SECOND);

        String context = "seed " + SEED + ", 20 % loss, 50 ms: ";
        assertTrue(mismatches.isEmpty(), context + mismatches);
        assertTrue(firstRun.stream().allMatch(Decoded::recorded));
        assertTrue(firstRun.size() < match.snapshotCount() * 0.9, context + "loss shows: " + firstRun.size() + " of "
                + match.snapshotCount());
        assertTrue(firstRun.size() > match.snapshotCount() / 2, context + firstRun.size() + " of " + match.snapshotCount());
        assertTrue(first.server().fullSnapshots() >= 1);
        assertEquals(ClientPhase.PLAYING, first.client().phase());
        assertEquals(0, first.client().stats(first.network().nowNanos()).corrections(), context
                + "the recorded commands predict the recorded states whatever the network does");
        assertEquals(firstRun, secondRun, context + "same seed, same run");
        assertTrue(firstRun.get(0).atNanos() >= 100 * MS, "the first snapshot waits out the join's round trips: "
                + firstRun.get(0).atNanos());
    }

    @Test
    void aPausedPlaybackStandsStill() {
        Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
        playback.advance(SECOND);
        long position = playback.positionMicros();
        long virtual = playback.network().nowNanos();
        playback.togglePause();
        playback.advance(3 * SECOND);
        assertEquals(position, playback.positionMicros());
        assertEquals(virtual, playback.network().nowNanos());
        playback.togglePause();
        playback.advance(SECOND);
        assertEquals(position + 1_000_000, playback.positionMicros(), 20_000);
    }

    @Test
    void atTwiceTheSpeedASecondPlaysTwoSecondsOfTheMatch() {
        Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
        playback.advance(SECOND);
        long before = playback.positionMicros();
        playback.setSpeed(2);
        playback.advance(SECOND);
        assertEquals(before + 2_000_000, playback.positionMicros(), 20_000);
        playback.setSpeed(0.25);
        before = playback.positionMicros();
        playback.advance(2 * SECOND);
        assertEquals(before + 500_000, playback.positionMicros(), 20_000);
        playback.faster();
        playback.faster();
        assertEquals(1, playback.speed());
        assertThrows(IllegalArgumentException.class, () -> playback.setSpeed(3));
    }

    @Test
    void seekingLandsAtTheAskedPositionWithAFreshClient() {
        Playback playback = new Playback(match, LinkConditions.builder().delayMicros(30_000).build(), SEED);
        List<String> mismatches = new ArrayList<>();
        List<Decoded> decoded = watch(playback, mismatches);
        playback.advance(SECOND);
        playback.seekTo(4_000_000);
        assertEquals(2, playback.pairs());
        assertEquals(4_000_000, playback.positionMicros(), 1_000_000 / match.tickRateHz());
        decoded.clear();
        playback.advance(SECOND / 2);
        assertTrue(playback.positionMicros() > 4_000_000, "plays on from there: " + playback.positionMicros());
        assertFalse(decoded.isEmpty());
        assertTrue(decoded.get(0).tick() >= match.tickAt(4_000_000), "the fresh client starts at the new position");
        assertTrue(mismatches.isEmpty(), mismatches.toString());
        long at = playback.positionMicros();
        playback.seekBy(-GameWindow.PLAYBACK_SEEK_MICROS);
        assertEquals(Math.max(0, at - GameWindow.PLAYBACK_SEEK_MICROS), playback.positionMicros(), 1_000_000 / match.tickRateHz());
        playback.seekTo(-1);
        assertEquals(0, playback.positionMicros());
        playback.seekTo(Long.MAX_VALUE / 4);
        assertEquals(match.durationMicros(), playback.positionMicros());
    }

    @Test
    void aSeekWhilePausedShowsTheNewPositionAndHoldsThere() {
        Playback playback = new Playback(match, LinkConditions.builder().delayMicros(30_000).build(), SEED);
        playback.advance(SECOND);
        playback.setPaused(true);
        playback.seekTo(3_000_000);
        assertEquals(ClientPhase.PLAYING, playback.client().phase());
        assertTrue(playback.client().ackedSnapshotTick() >= match.tickAt(3_000_000), "the new client has the new position");
        assertTrue(playback.client().view().localKnown(), "and draws it");
        long position = playback.positionMicros();
        assertTrue(position >= 3_000_000 && position < 3_500_000, "just past the asked position: " + position);
        playback.advance(2 * SECOND);
        assertEquals(position, playback.positionMicros(), "still paused");
    }

    @Test
    void afterASeekIntoTheMatchPredictionStillNeedsNoCorrection() {
        Playback playback = new Playback(match, LinkConditions.builder().delayMicros(40_000).build(), SEED);
        playback.seekTo(2_500_000);
        assertTrue(playback.server().commandBase() > 0, "the recorded player had sent commands by then");
        int[] measured = new int[1];
        playback.setReconciliationListener((command, error, counted) -> measured[0]++);
        playback.advance(2 * SECOND);
        assertTrue(measured[0] > 60, "reconciliations measured: " + measured[0]);
        assertEquals(0, playback.client().stats(playback.network().nowNanos()).corrections(), "seed " + SEED);
    }

    @Test
    void tabCyclesThroughThePlayersPresent() {
        Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
        playback.advance(SECOND);
        int recorded = match.playerId();
        assertEquals(recorded, playback.followedPlayerId());
        List<Integer> followed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            playback.followNext();
            followed.add(playback.followedPlayerId());
        }
        assertEquals(recorded, followed.get(2), "three players: back to the recorded one " + followed);
        assertEquals(3, followed.stream().distinct().count(), followed.toString());
    }
}
