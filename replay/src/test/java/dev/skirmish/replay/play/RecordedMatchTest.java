package dev.skirmish.replay.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.pcapng.PcapngReader;
import dev.skirmish.transport.sim.LinkConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Decoding the game out of a capture taken at a real server in virtual time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordedMatchTest {
    private static final long SEED = 11;

    @TempDir
    static Path directory;
    static SimulatedMatchCapture capture;

    @BeforeAll
    static void record() throws Exception {
        capture = SimulatedMatchCapture.record(directory.resolve("match.pcapng"), SEED, 3, 4 * SimulatedMatchCapture.SECOND,
                LinkConditions.builder().delayMicros(15_000).build());
    }

    @Test
    void decodesEverySnapshotTheServerSentToTheRecordedPlayer() throws Exception {
        RecordedMatch match = RecordedMatch.of(capture.trace);
        TreeMap<Integer, Snapshot> sent = capture.decodedByPlayer.get(match.playerId());
        assertNotNull(sent, "the recorded player is one of the bots: " + match);
        assertEquals(0, match.skippedSnapshots(), match.toString());
        assertEquals(0, match.malformedMessages(), match.toString());
        assertEquals(sent.size(), match.snapshotCount(), "seed " + SEED + ": " + match);
        Snapshot decoded = new Snapshot();
        for (int i = 0; i < match.snapshotCount(); i++) {
            Snapshot expected = sent.get(match.tick(i));
            assertNotNull(expected, "tick " + match.tick(i) + " was never sent");
            assertTrue(expected.sameAs(match.snapshot(i, decoded)), "tick " + match.tick(i) + ": expected\n" + expected
                    + "\ndecoded\n" + decoded);
        }
    }

    @Test
    void everyConnectionOfTheCaptureIsAPlayerWithItsOwnStream() throws Exception {
        assertEquals(3, capture.trace.connections().size());
        for (int connection = 0; connection < 3; connection++) {
            RecordedMatch match = RecordedMatch.of(capture.trace, connection);
            TreeMap<Integer, Snapshot> sent = capture.decodedByPlayer.get(match.playerId());
            assertEquals(sent.size(), match.snapshotCount(), match.toString());
            assertEquals(60, match.tickRateHz());
            assertEquals("Arena", match.map().mapName());
            assertTrue(match.hasInput(), match.toString());
            assertEquals(0, match.missingCommands(), match.toString());
            assertTrue(match.playerName().startsWith("bot-"), match.playerName());
            assertTrue(match.events().stream().anyMatch(e -> e.message() instanceof PlayerJoined), "events " + match.events());
            assertTrue(match.durationMicros() > 3_500_000, "duration " + match.durationMicros());
        }
    }

    @Test
    void aCaptureAtALossyClientHoldsExactlyWhatThatClientDecoded() throws Exception {
        SimulatedMatchCapture atClient = SimulatedMatchCapture.recordAtClient(directory.resolve("client.pcapng"), SEED, 2,
                3 * SimulatedMatchCapture.SECOND, LinkConditions.builder().lossRate(0.15).delayMicros(20_000).build());
        assertEquals(1, atClient.trace.connections().size());
        RecordedMatch match = RecordedMatch.of(atClient.trace);
        TreeMap<Integer, Snapshot> decoded = atClient.decodedByPlayer.get(match.playerId());
        assertEquals(0, match.skippedSnapshots(), "the server's deltas name snapshots the client had: " + match);
        assertEquals(decoded.keySet().stream().toList(),
                java.util.stream.IntStream.range(0, match.snapshotCount()).map(match::tick).boxed().toList(),
                "seed " + SEED + ": the ticks that client decoded");
        Snapshot snapshot = new Snapshot();
        for (int i = 0; i < match.snapshotCount(); i++) {
            assertTrue(decoded.get(match.tick(i)).sameAs(match.snapshot(i, snapshot)), "tick " + match.tick(i));
        }
        assertTrue(match.hasInput());
        assertTrue(match.lastTick() - match.firstTick() + 1 > match.snapshotCount(), "loss shows as gaps: " + match);
    }

    @Test
    void aConnectionThatIsNotThereIsAClearError() {
        NotPlayableException e = assertThrows(NotPlayableException.class, () -> RecordedMatch.of(capture.trace, 7));
        assertTrue(e.getMessage().contains("no connection 7; the capture has 3"), e.getMessage());
    }

    @Test
    void aCaptureWithoutAGameSessionIsAClearError() throws Exception {
        Path empty = directory.resolve("empty.pcapng");
        Files.write(empty, new byte[0]);
        SessionTrace trace = SessionTrace.of(PcapngReader.read(empty));
        NotPlayableException e = assertThrows(NotPlayableException.class, () -> RecordedMatch.of(trace));
        assertTrue(e.getMessage().startsWith(empty + ": no game session to play"), e.getMessage());
    }

    @Test
    void skipsAFirstConnectionThatLeftBeforeItsFirstSnapshotForALaterOneThatPlayed() throws Exception {
        SimulatedMatchCapture early = SimulatedMatchCapture.recordAfterAnEarlyLeaver(directory.resolve("early.pcapng"),
                SEED, 2, SimulatedMatchCapture.SECOND);
        NotPlayableException first = assertThrows(NotPlayableException.class, () -> RecordedMatch.of(early.trace, 0),
                "seed " + SEED + ": the leaver's connection has a Welcome but nothing to play");
        assertTrue(first.getMessage().contains("connection 0"), first.getMessage());
        RecordedMatch match = RecordedMatch.of(early.trace);
        assertEquals(1, match.connection(), match.toString());
        assertEquals(early.decodedByPlayer.get(match.playerId()).size(), match.snapshotCount(), match.toString());
    }

    @Test
    void whenNoConnectionWithAWelcomeIsPlayableTheFirstOnesReasonIsGiven() throws Exception {
        SimulatedMatchCapture early = SimulatedMatchCapture.recordAfterAnEarlyLeaver(directory.resolve("alone.pcapng"),
                SEED, 0, SimulatedMatchCapture.SECOND);
        NotPlayableException e = assertThrows(NotPlayableException.class, () -> RecordedMatch.of(early.trace));
        assertTrue(e.getMessage().startsWith(early.file + ": connection 0: "), e.getMessage());
    }
}
