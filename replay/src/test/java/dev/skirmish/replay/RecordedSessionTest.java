package dev.skirmish.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.replay.analysis.Direction;
import dev.skirmish.replay.analysis.GameSessionInfo;
import dev.skirmish.replay.analysis.InfoReport;
import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.analysis.TracedConnection;
import dev.skirmish.replay.pcapng.CaptureContents;
import dev.skirmish.replay.pcapng.PcapngReader;
import dev.skirmish.replay.play.Playback;
import dev.skirmish.replay.play.RecordedMatch;
import dev.skirmish.replay.run.ChannelResult;
import dev.skirmish.replay.run.ReplayReportFormat;
import dev.skirmish.replay.run.ReplayRun;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.transport.sim.LinkConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A session recorded over real UDP (server plus two bots), then read, summarized and replayed. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordedSessionTest {
    private static final long SEED = 20261122L;

    @TempDir
    static Path directory;
    static RecordedSession session;
    static CaptureContents contents;
    static SessionTrace trace;

    @BeforeAll
    static void recordSession() throws Exception {
        session = RecordedSession.record(directory.resolve("session.pcapng"), 2, 600);
        contents = PcapngReader.read(session.file);
        trace = SessionTrace.of(contents);
    }

    @Test
    void eachPlayerOfTheRealSessionPlaysBackAsRecorded() throws Exception {
        for (int connection = 0; connection < trace.connections().size(); connection++) {
            RecordedMatch match = RecordedMatch.of(trace, connection);
            assertEquals(0, match.skippedSnapshots(), match.toString());
            Playback playback = new Playback(match, LinkConditions.PERFECT, SEED);
            Snapshot expected = new Snapshot();
            List<String> wrong = new ArrayList<>();
            int[] decoded = new int[1];
            playback.setSnapshotListener(snapshot -> {
                int index = match.indexAtOrAfter(snapshot.tick());
                match.snapshot(index, expected).setLastProcessedCommand(
                        playback.server().replayCommandNumber(match.lastProcessedCommand(index)));
                decoded[0]++;
                if (!expected.sameAs(snapshot)) {
                    wrong.add("tick " + snapshot.tick());
                }
            });
            playback.advance(match.durationMicros() * 1000 + 1_000_000_000L);
            assertTrue(wrong.isEmpty(), match + ": " + wrong);
            assertEquals(match.snapshotCount(), decoded[0], match.toString());
            assertEquals(0, playback.client().stats(playback.network().nowNanos()).corrections(), match.toString());
        }
    }

    @Test
    void captureHoldsEveryDatagramTheServerSentAndReceived() {
        assertTrue(contents.problem().isEmpty(), () -> "problem: " + contents.problem());
        assertEquals(0, session.dropped);
        long expected = session.hostStats.datagramsReceived() + session.hostStats.datagramsSent();
        assertEquals(expected, contents.datagrams().size(), "datagrams in the file against the host's counts");
        assertEquals(expected, session.recorded);
        assertEquals(0, contents.otherPackets());
        assertEquals(0, trace.foreignDatagrams());
    }

    @Test
    void captureShowsTwoConnectionsWithTheirHandshakesAndGameChannels() {
        assertEquals(2, trace.connections().size(), InfoReport.render(trace));
        for (TracedConnection connection : trace.connections()) {
            assertTrue(connection.handshakeSeen());
            assertTrue(connection.trace(Direction.SERVER_TO_CLIENT).channels().containsKey(GameChannels.EVENTS));
            assertTrue(connection.trace(Direction.SERVER_TO_CLIENT).channels().containsKey(GameChannels.SNAPSHOTS));
            assertTrue(connection.trace(Direction.CLIENT_TO_SERVER).channels().containsKey(GameChannels.INPUT));
        }
        String info = InfoReport.render(trace);
        assertTrue(info.contains("rtt estimate"), info);
        assertTrue(trace.durationMicros() > 0);
    }

    @Test
    void recoveredMessagesKeepTheirCapturedOrderPerChannel() {
        List<RecoveredMessage> messages = trace.messages();
        assertTrue(messages.size() > 100, "only " + messages.size() + " messages");
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.get(i).firstSeenMicros() >= messages.get(i - 1).firstSeenMicros());
        }
    }

    @Test
    void replayWithoutImpairmentDeliversEveryRecordedMessageExactly() {
        ReplayRun run = ReplayRun.run(trace, LinkConditions.PERFECT, SEED);
        var report = run.report();
        assertEquals(trace.messages().size(), report.messages());
        for (ChannelResult channel : report.channels()) {
            assertEquals(channel.messages(), channel.deliveredOnce(), () -> "seed " + SEED + ": " + channel);
            assertTrue(channel.exact(), () -> "seed " + SEED + ": " + channel);
        }
    }

    @Test
    void replayAtTwentyPercentLossDeliversEveryReliableMessageOnceInOrder() {
        LinkConditions lossy = LinkConditions.builder().lossRate(0.20).delayMicros(20_000).build();
        var report = ReplayRun.run(trace, lossy, SEED).report();
        assertTrue(report.reliableExact(), () -> "seed " + SEED + "\n" + ReplayReportFormat.table(report));
        assertTrue(report.directions().stream().mapToLong(d -> d.retransmittedFragments()).sum() > 0,
                "20 % loss must cost retransmissions");
        for (var direction : report.directions()) {
            var channels = report.channels().stream().filter(c -> c.direction().equals(direction.direction())).toList();
            assertEquals(direction.retransmittedFragments(), channels.stream().mapToLong(c -> c.retransmittedFragments()).sum(),
                    () -> "per-channel retransmissions add up to the direction's: " + channels);
            assertEquals(direction.staleDropped(), channels.stream().mapToLong(c -> c.staleDropped()).sum());
            channels.stream().filter(c -> !c.mode().startsWith("reliable"))
                    .forEach(c -> assertEquals(0, c.retransmittedFragments(), () -> "unreliable never retransmits: " + c));
            channels.forEach(c -> assertTrue(c.frameBytes() >= c.payloadBytes(), () -> "frames carry the payload: " + c));
            assertTrue(channels.stream().mapToLong(c -> c.frameBytes()).sum() < direction.wireBytes(),
                    () -> "packet headers, ACKs and checksums come on top of the frames: " + direction);
        }
    }

    @Test
    void replayOfAGameSessionUsesTheGameProfileAtTheRecordedTickRate() {
        assertEquals(java.util.OptionalInt.of(ServerConfig.defaults().tickRateHz()), GameSessionInfo.tickRateHz(trace));
        var report = ReplayRun.run(trace, LinkConditions.PERFECT, SEED).report();
        assertEquals("game at " + ServerConfig.defaults().tickRateHz() + " Hz (acks ride on the next tick)",
                report.transportProfile());
    }

    @Test
    void sweepVariesLatencyAndRefusesAClashingOption() {
        CommandOutput result = CommandOutput.run("run", session.file.toString(), "--sweep", "latency=0,40ms", "--loss", "5%");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("latency ms"), result.out());
        assertEquals(2, result.out().lines().filter(line -> line.contains("exact")).count(), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.strip().startsWith("40.00")), result.out());

        CommandOutput clash = CommandOutput.run("run", session.file.toString(), "--sweep", "latency=0,40ms", "--latency", "5ms");
        assertEquals(2, clash.exitCode());
        assertTrue(clash.err().contains("--sweep latency=... replaces --latency"), clash.err());
        CommandOutput unknown = CommandOutput.run("run", session.file.toString(), "--sweep", "colour=1,2");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("cannot sweep 'colour'"), unknown.err());
    }

    @Test
    void replayUnderBurstLossDeliversEveryReliableMessageOnceInOrder() {
        LinkConditions bursty = LinkConditions.builder().burstLoss(0.05, 0.3).delayMicros(15_000).build();
        var report = ReplayRun.run(trace, bursty, SEED).report();
        assertTrue(report.reliableExact(), () -> "seed " + SEED + "\n" + ReplayReportFormat.table(report));
    }

    @Test
    void sameSeedGivesByteIdenticalJson() {
        LinkConditions lossy = LinkConditions.builder().lossRate(0.10).jitterMicros(5_000).delayMicros(30_000)
                .duplicateRate(0.01).build();
        String first = ReplayReportFormat.json(ReplayRun.run(trace, lossy, SEED).report());
        String second = ReplayReportFormat.json(ReplayRun.run(SessionTrace.of(contents), lossy, SEED).report());
        assertEquals(first, second);
    }

    @Test
    void infoCommandSummarizesTheCapture() {
        CommandOutput result = CommandOutput.run("info", session.file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("2 connection(s)"), result.out());
        assertTrue(result.out().contains("channel 2 unreliable-sequenced"), result.out());
    }

    @Test
    void runCommandJsonIsByteIdenticalForTheSameSeed() {
        String[] args = {"run", session.file.toString(), "--loss", "20%", "--latency", "40ms", "--jitter", "5ms",
                "--reorder", "1%", "--duplicate", "1%", "--bandwidth", "2mbit", "--seed", "9", "--json"};
        CommandOutput first = CommandOutput.run(args);
        CommandOutput second = CommandOutput.run(args);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("\"reliableExact\": true"), first.out());
        assertEquals(first.out(), second.out());
        assertTrue(first.err().contains("x real time"), first.err());
    }

    @Test
    void sweepPrintsOneRowPerStepAndDrawsThePlot() throws Exception {
        Path png = directory.resolve("sweep.png");
        CommandOutput result = CommandOutput.run("run", session.file.toString(), "--sweep", "loss=0,10,20",
                "--latency", "30ms", "--plot", png.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(3, result.out().lines().filter(line -> line.contains("exact")).count(), result.out());
        byte[] image = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(image, 4));
    }

    @Test
    void tsharkReadsTheCaptureAndTheDissectorDecodesEveryDatagram() throws Exception {
        Path dissector = Path.of("..", "tools", "wireshark", "skirmish.lua").toAbsolutePath().normalize();
        assumeTrue(onPath("tshark"), "tshark is not installed");
        assertTrue(Files.isRegularFile(dissector), "dissector at " + dissector);
        Process tshark = new ProcessBuilder("tshark", "-X", "lua_script:" + dissector, "-r", session.file.toString(),
                "-T", "fields", "-e", "skirmish.crc_ok", "-e", "_ws.expert.severity").redirectErrorStream(false).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        String err = new String(tshark.getErrorStream().readAllBytes());
        assertEquals(0, tshark.waitFor(), err);
        List<String> lines = out.lines().toList();
        assertEquals(contents.datagrams().size(), lines.size(), err);
        assertTrue(lines.stream().allMatch(line -> line.strip().equals("1") || line.strip().equals("True")),
                () -> "every datagram decoded with a valid CRC32C and no expert error:\n" + out);
        assertTrue(err.lines().allMatch(line -> line.startsWith("Running as user")), err);
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    @Test
    void truncatedCaptureGivesTheOffsetAndAPartialTrace() throws Exception {
        byte[] bytes = Files.readAllBytes(session.file);
        int cut = bytes.length / 2 + 3;
        Path truncated = directory.resolve("truncated.pcapng");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, cut));
        CaptureContents partial = PcapngReader.read(truncated);
        assertTrue(partial.problem().isPresent());
        String message = partial.problem().get().message();
        assertTrue(message.startsWith(truncated.toString() + ": at byte "), message);
        assertTrue(message.contains("truncated"), message);
        assertTrue(partial.datagrams().size() > 0 && partial.datagrams().size() < contents.datagrams().size());
        SessionTrace partialTrace = SessionTrace.of(partial);
        assertTrue(InfoReport.render(partialTrace).contains("problem: " + message));
    }
}
