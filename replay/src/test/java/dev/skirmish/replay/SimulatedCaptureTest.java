package dev.skirmish.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.replay.analysis.Direction;
import dev.skirmish.replay.analysis.DirectionTrace;
import dev.skirmish.replay.analysis.InfoReport;
import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.analysis.TracedConnection;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.replay.pcapng.PcapngReader;
import dev.skirmish.replay.run.ChannelResult;
import dev.skirmish.replay.run.ReplayReport;
import dev.skirmish.replay.run.ReplayReportFormat;
import dev.skirmish.replay.run.ReplayRun;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture taken at a server on a lossy simulated network (10 % loss towards the server, 10 ms each
 * way), with all four delivery modes and fragmented messages: what the trace sees, and replays of it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedCaptureTest {
    private static final long SEED = 5;
    private static final long MS = 1_000_000L;
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.9.0.1", 7777);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.9.0.2", 40000);
    private static final TransportConfig CONFIG = TransportConfig.internet();

    @TempDir
    static Path directory;
    static SessionTrace trace;
    static final List<byte[]> clientSent = new ArrayList<>();
    static final List<Integer> clientChannels = new ArrayList<>();
    static SessionTrace clientSideTrace;
    static long dropped;

    @BeforeAll
    static void captureSession() throws Exception {
        Path file = directory.resolve("simulated.pcapng");
        SimulatedNetwork network = new SimulatedNetwork(SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        Endpoint server = Endpoint.server(CONFIG, random.split());
        Endpoint client = Endpoint.client(CONFIG, random.split());
        Path clientFile = directory.resolve("client-side.pcapng");
        try (CaptureFile capture = CaptureFile.create(file, 1 << 16, 1_700_000_000_000_000L);
             CaptureFile clientCapture = CaptureFile.create(clientFile, 1 << 16, 1_700_000_000_000_000L)) {
            CapturingNode capturing = new CapturingNode(server, capture);
            capturing.localAddress(SERVER);
            network.attach(SERVER, capturing);
            CapturingNode capturingClient = new CapturingNode(client, clientCapture);
            capturingClient.localAddress(CLIENT);
            network.attach(CLIENT, capturingClient);
            network.setLink(CLIENT, SERVER, LinkConditions.builder().lossRate(0.10).delayMicros(10_000).build());
            network.setLink(SERVER, CLIENT, LinkConditions.builder().delayMicros(10_000).build());
            Connection clientConnection = client.connect(0, SERVER);
            Connection[] serverConnection = new Connection[1];
            for (int tick = 0; tick < 150; tick++) {
                network.runUntil(() -> false, 20 * MS);
                ConnectionEvent event;
                while ((event = server.pollEvent()) != null) {
                    if (event.type() == ConnectionEvent.Type.CONNECTED) {
                        serverConnection[0] = event.connection();
                    }
                }
                for (int channel = 0; channel < 4; channel++) {
                    int length = channel == 0 && tick % 25 == 0 ? 5_000 : 40;
                    byte[] payload = numbered(channel, tick, length);
                    clientConnection.send(channel, payload);
                    clientSent.add(payload);
                    clientChannels.add(channel);
                }
                if (serverConnection[0] != null) {
                    serverConnection[0].send(2, numbered(2, 1000 + tick, 60));
                    serverConnection[0].receive((c, channel, bytes) -> { });
                }
                clientConnection.receive((c, channel, bytes) -> { });
            }
            network.runUntil(() -> false, 2_000 * MS);
            dropped = capture.droppedDatagrams() + clientCapture.droppedDatagrams();
        }
        trace = SessionTrace.of(PcapngReader.read(file));
        clientSideTrace = SessionTrace.of(PcapngReader.read(clientFile));
    }

    private static byte[] numbered(int channel, int number, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putInt(channel).putInt(number);
        while (buffer.hasRemaining()) {
            buffer.put((byte) (number * 7 + buffer.position()));
        }
        return buffer.array();
    }

    @Test
    void traceSeesLossRetransmissionsAndTheRoundTrip() {
        assertEquals(0, dropped);
        assertTrue(trace.problems().isEmpty(), () -> trace.problems().toString());
        assertEquals(1, trace.connections().size());
        TracedConnection connection = trace.connections().get(0);
        assertEquals(CLIENT, connection.client());
        assertEquals(SERVER, connection.server());
        assertEquals(CONFIG.channels(), connection.channels());
        DirectionTrace up = connection.trace(Direction.CLIENT_TO_SERVER);
        assertTrue(up.missingPacketNumbers() > 0, InfoReport.render(trace));
        double lossSeen = (double) up.missingPacketNumbers() / up.packetNumberSpan();
        assertTrue(lossSeen > 0.05 && lossSeen < 0.15, "loss seen at the server " + lossSeen);
        assertTrue(up.lateReliableFrames() > 0, "retransmissions seen at the receiver");
        assertEquals(0, connection.trace(Direction.SERVER_TO_CLIENT).lateReliableFrames());
        long rtt = InfoReport.rttEstimateMicros(connection);
        assertTrue(rtt >= 20_000 && rtt < 30_000, "rtt estimate " + rtt + " us for 10 ms each way");
    }

    @Test
    void captureAtTheSenderSeesRetransmissionsAsRepeatedFrames() {
        TracedConnection connection = clientSideTrace.connections().get(0);
        assertEquals(CLIENT, connection.client());
        DirectionTrace up = connection.trace(Direction.CLIENT_TO_SERVER);
        assertEquals(0, up.missingPacketNumbers(), "the sender sees every packet it sent");
        assertTrue(up.repeatedFrames() > 0, InfoReport.render(clientSideTrace));
        assertEquals(0, up.lateReliableFrames());
        long atServer = trace.messages().stream().filter(m -> m.direction() == Direction.CLIENT_TO_SERVER).count();
        long atClient = clientSideTrace.messages().stream().filter(m -> m.direction() == Direction.CLIENT_TO_SERVER).count();
        assertTrue(atServer <= atClient, "the sender's capture holds at least what reached the server: "
                + atServer + " > " + atClient);
    }

    @Test
    void everyReliableClientMessageIsRecoveredWithItsBytes() {
        List<RecoveredMessage> up = trace.messages().stream()
                .filter(m -> m.direction() == Direction.CLIENT_TO_SERVER && m.channel() <= 1).toList();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < clientSent.size(); i++) {
            if (clientChannels.get(i) <= 1) {
                expected.add(clientSent.get(i));
            }
        }
        assertEquals(expected.size(), up.size());
        List<RecoveredMessage> channelZero = up.stream().filter(m -> m.channel() == 0)
                .sorted(java.util.Comparator.comparingLong(RecoveredMessage::sequence)).toList();
        List<byte[]> expectedZero = new ArrayList<>();
        for (int i = 0; i < clientSent.size(); i++) {
            if (clientChannels.get(i) == 0) {
                expectedZero.add(clientSent.get(i));
            }
        }
        for (int i = 0; i < expectedZero.size(); i++) {
            assertArrayEquals(expectedZero.get(i), channelZero.get(i).payload(), "channel 0 message " + i);
        }
    }

    @Test
    void replayWithoutImpairmentReproducesEveryRecoveredMessage() {
        ReplayReport report = ReplayRun.run(trace, LinkConditions.PERFECT, SEED).report();
        assertEquals(trace.messages().size(), report.messages());
        for (ChannelResult channel : report.channels()) {
            assertTrue(channel.exact() && channel.deliveredOnce() == channel.messages(),
                    () -> "seed " + SEED + ": " + channel);
        }
    }

    @Test
    void replayWithReorderingAndDuplicatesKeepsReliableChannelsExact() {
        LinkConditions rough = LinkConditions.builder().lossRate(0.2).delayMicros(25_000).jitterMicros(10_000)
                .reorder(0.05, 20_000).duplicateRate(0.05).build();
        ReplayReport report = ReplayRun.run(trace, rough, SEED).report();
        assertTrue(report.reliableExact(), () -> "seed " + SEED + "\n" + ReplayReportFormat.table(report));
        assertTrue(report.directions().get(0).retransmittedFragments() > 0);
    }
}
