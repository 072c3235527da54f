package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.CLIENT_ADDRESS;
import static dev.skirmish.transport.SimulatedPair.MS;
import static dev.skirmish.transport.SimulatedPair.SERVER_ADDRESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectionBehaviourTest {
    private static final LinkConditions TEN_MS = LinkConditions.builder().delayMicros(10_000).build();

    private static SimulatedPair pair(TransportConfig config) {
        SimulatedPair pair = new SimulatedPair(1, config);
        pair.setLinks(TEN_MS, TEN_MS);
        return pair;
    }

    @Test
    void handshakeCompletesInTwoRoundTrips() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS), pair.describe());
        // CONNECT, CHALLENGE, CONNECT+cookie, ACCEPT: four one-way trips of 10 ms.
        assertEquals(40 * MS, pair.network.nowNanos());
        assertEquals(ConnectionEvent.Type.CONNECTED, pair.clientEvents.get(0).type());
        assertEquals(1, pair.server.stats().connectionsAccepted());
        assertEquals(1, pair.server.stats().challengesSent());
    }

    @Test
    void handshakeSurvivesLostPackets() {
        SimulatedPair pair = new SimulatedPair(3, TransportConfig.internet());
        LinkConditions lossy = LinkConditions.builder().delayMicros(10_000).lossRate(0.5).build();
        pair.setLinks(lossy, lossy);
        assertTrue(pair.connect(5_000 * MS), pair.describe());
    }

    @Test
    void serverKeepsNoStateBeforeTheCookieReturns() {
        SimulatedPair pair = pair(TransportConfig.internet());
        for (int i = 0; i < 20; i++) {
            pair.network.inject(i * MS, CLIENT_ADDRESS, SERVER_ADDRESS,
                    connectDatagram(PacketType.PROTOCOL_VERSION, 100 + i, 256));
        }
        pair.runFor(100 * MS);
        assertEquals(20, pair.server.stats().challengesSent());
        assertTrue(pair.server.connections().isEmpty());
    }

    @Test
    void serverNeverSendsMoreThanItReceivedBeforeValidation() {
        SimulatedPair pair = pair(TransportConfig.internet());
        pair.network.setLink(CLIENT_ADDRESS, SERVER_ADDRESS, LinkConditions.builder().delayMicros(10_000).build());
        // Spoofed CONNECTs from a victim address that never answers.
        InetSocketAddress victim = new InetSocketAddress("127.0.0.9", 4000);
        byte[] connect = connectDatagram(PacketType.PROTOCOL_VERSION, 1, 256);
        for (int i = 0; i < 50; i++) {
            pair.network.inject(i * MS, victim, SERVER_ADDRESS, connect);
        }
        pair.runFor(200 * MS);
        assertTrue(pair.server.connections().isEmpty());
        EndpointStats stats = pair.server.stats();
        assertEquals(50, stats.datagramsReceived());
        assertTrue(stats.bytesSent() <= stats.bytesReceived(), stats.toString());
        assertEquals(50, stats.datagramsSent());
    }

    @Test
    void refusesConnectsThatAreNotPadded() {
        SimulatedPair pair = pair(TransportConfig.internet());
        pair.network.inject(0, CLIENT_ADDRESS, SERVER_ADDRESS, connectDatagram(PacketType.PROTOCOL_VERSION, 1, 100));
        pair.runFor(50 * MS);
        assertEquals(1, pair.server.stats().drops(DropReason.TRUNCATED));
        assertEquals(0, pair.server.stats().datagramsSent());
    }

    @Test
    void versionMismatchIsRefusedWithAReasonTheClientCanShow() {
        SimulatedPair pair = pair(TransportConfig.internet());
        InetSocketAddress oldClient = new InetSocketAddress("127.0.0.3", 5000);
        List<ByteBuffer> replies = new java.util.ArrayList<>();
        pair.network.attach(oldClient, new RecordingNode(replies));
        pair.network.inject(0, oldClient, SERVER_ADDRESS, connectDatagram(9, 77, 256));
        pair.runFor(50 * MS);
        assertEquals(1, replies.size());
        HandshakePacket reject = decode(replies.get(0));
        assertEquals(PacketType.REJECT, reject.type);
        assertEquals(77, reject.clientConnectionId);
        assertEquals(DisconnectReason.VERSION_MISMATCH, DisconnectReason.fromWire(reject.rejectReasonCode));
        assertTrue(reject.rejectText.contains("version"), reject.rejectText);
        assertTrue(replies.get(0).capacity() <= 256);
        assertEquals(1, pair.server.stats().drops(DropReason.WRONG_VERSION));
    }

    @Test
    void fullServerRefusesWithServerFull() {
        TransportConfig config = TransportConfig.internet().toBuilder().maxConnections(1).build();
        SimulatedPair pair = pair(config);
        assertTrue(pair.connect(1_000 * MS));
        Endpoint second = Endpoint.client(config, new SplittableRandom(5));
        InetSocketAddress secondAddress = new InetSocketAddress("127.0.0.4", 5000);
        pair.network.attach(secondAddress, second);
        second.connect(pair.network.nowNanos(), SERVER_ADDRESS);
        pair.runFor(500 * MS);
        ConnectionEvent event = second.pollEvent();
        assertNotNull(event);
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, event.type());
        assertEquals(DisconnectReason.SERVER_FULL, event.reason());
        assertTrue(event.detail().contains("full"), event.detail());
    }

    @Test
    void channelMismatchIsRefused() {
        TransportConfig clientConfig = TransportConfig.internet().toBuilder()
                .channels(DeliveryMode.RELIABLE_ORDERED).build();
        SimulatedPair pair = new SimulatedPair(1, TransportConfig.internet(), clientConfig);
        pair.startConnect();
        pair.runFor(500 * MS);
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, pair.clientEvents.get(0).type());
        assertEquals(DisconnectReason.CHANNEL_MISMATCH, pair.clientEvents.get(0).reason());
    }

    @Test
    void connectTimesOutWhenNobodyAnswers() {
        SimulatedPair pair = pair(TransportConfig.internet());
        pair.network.detach(SERVER_ADDRESS);
        pair.startConnect();
        pair.runFor(6_000 * MS);
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, pair.clientEvents.get(0).type());
        assertEquals(DisconnectReason.CONNECT_TIMEOUT, pair.clientEvents.get(0).reason());
        assertTrue(pair.client.connections().isEmpty());
    }

    @Test
    void deliversEveryChannelBothWays() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        for (int channel = 0; channel < 4; channel++) {
            assertTrue(pair.clientConnection.send(channel, SimulatedPair.numbered(channel, 0, 40)));
            assertTrue(pair.serverConnection.send(channel, SimulatedPair.numbered(channel, 0, 40)));
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 4 && pair.clientReceived.size() == 4, 500 * MS),
                pair.describe());
    }

    @Test
    void messagesQueuedWhileConnectingGoOutAfterTheHandshake() {
        SimulatedPair pair = pair(TransportConfig.internet());
        Connection connection = pair.startConnect();
        assertTrue(connection.send(0, new byte[] {1, 2, 3}));
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 1, 1_000 * MS), pair.describe());
        assertArrayEquals(new byte[] {1, 2, 3}, pair.serverReceived.get(0).payload());
    }

    @Test
    void coalescesManySmallMessagesIntoOneDatagram() {
        SimulatedPair pair = pair(TransportConfig.lan());
        assertTrue(pair.connect(1_000 * MS));
        long before = pair.clientConnection.stats().packetsSent();
        for (int i = 0; i < 100; i++) {
            assertTrue(pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 16)));
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 100, 500 * MS));
        long packets = pair.clientConnection.stats().packetsSent() - before;
        assertTrue(packets <= 4, "100 messages of 16 bytes took " + packets + " packets");
    }

    @Test
    void fragmentsAndReassemblesLargeMessages() {
        SimulatedPair pair = new SimulatedPair(4, TransportConfig.internet());
        LinkConditions lossy = LinkConditions.builder().delayMicros(5_000).lossRate(0.1).build();
        pair.setLinks(lossy, lossy);
        assertTrue(pair.connect(2_000 * MS));
        byte[] big = SimulatedPair.numbered(0, 1, 200_000);
        assertTrue(pair.clientConnection.send(0, big));
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 1, 10_000 * MS), pair.describe());
        assertArrayEquals(big, pair.serverReceived.get(0).payload());
        assertTrue(pair.clientConnection.stats().retransmittedFragments() > 0);
    }

    @Test
    void refusesMessagesLargerThanTheConfiguredMaximum() {
        SimulatedPair pair = pair(TransportConfig.internet().toBuilder().maxMessageBytes(1000).build());
        Connection connection = pair.startConnect();
        assertThrows(IllegalArgumentException.class, () -> connection.send(0, new byte[1001]));
        assertThrows(IllegalArgumentException.class, () -> connection.send(9, new byte[1]));
    }

    @Test
    void sendReportsBackpressureWhenTheChannelIsFull() {
        TransportConfig config = TransportConfig.internet().toBuilder()
                .maxMessageBytes(1000).sendBufferBytes(10_000).build();
        SimulatedPair pair = pair(config);
        Connection connection = pair.startConnect();
        int accepted = 0;
        while (connection.send(0, new byte[1000])) {
            accepted++;
        }
        assertEquals(10, accepted);
        assertEquals(10_000, connection.queuedBytes(0));
        assertEquals(1, connection.stats().sendRefusals());
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 10, 2_000 * MS));
        pair.runFor(100 * MS);
        assertEquals(0, connection.queuedBytes(0), "acknowledged messages free the buffer");
        assertTrue(connection.send(0, new byte[1000]));
    }

    @Test
    void slowReaderThrottlesTheSenderThroughFlowControl() {
        TransportConfig config = TransportConfig.lan().toBuilder()
                .maxMessageBytes(1000).receiveWindowBytes(20_000).build();
        SimulatedPair pair = pair(config);
        assertTrue(pair.connect(1_000 * MS));
        for (int i = 0; i < 200; i++) {
            assertTrue(pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 1000)));
        }
        // Run without reading on the server: what it holds stays within its window.
        long end = pair.network.nowNanos() + 500 * MS;
        while (pair.network.nowNanos() < end && pair.network.step()) {
            assertTrue(pair.serverConnection.stats().receiveBufferedBytes() <= 20_000);
        }
        assertTrue(pair.serverConnection.pendingMessages() < 200);
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 200, 5_000 * MS), pair.describe());
        for (int i = 0; i < 200; i++) {
            assertEquals(i, SimulatedPair.sequenceOf(pair.serverReceived.get(i).payload()));
        }
    }

    @Test
    void keepaliveHoldsAnIdleConnectionOpenAndMeasuresPingRtt() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        pair.runFor(30_000 * MS);
        assertEquals(Connection.State.CONNECTED, pair.clientConnection.state());
        assertEquals(Connection.State.CONNECTED, pair.serverConnection.state());
        assertEquals(20_000, pair.clientConnection.stats().pingRttMicros());
        assertTrue(pair.clientConnection.stats().packetsSent() < 100, "keepalive should be sparse");
    }

    @Test
    void idleTimeoutDisconnectsWhenThePeerVanishes() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        long vanishedAt = pair.network.nowNanos();
        pair.network.detach(SERVER_ADDRESS);
        assertTrue(pair.runUntil(() -> !pair.clientEvents.isEmpty()
                && pair.clientEvents.get(pair.clientEvents.size() - 1).type() == ConnectionEvent.Type.DISCONNECTED,
                20_000 * MS));
        ConnectionEvent last = pair.clientEvents.get(pair.clientEvents.size() - 1);
        assertEquals(DisconnectReason.IDLE_TIMEOUT, last.reason());
        long elapsed = pair.network.nowNanos() - vanishedAt;
        assertTrue(elapsed >= 9_000 * MS && elapsed <= 10_100 * MS, "idle timeout after " + elapsed / MS + " ms");
    }

    @Test
    void gracefulCloseFlushesReliableDataFirst() {
        SimulatedPair pair = new SimulatedPair(6, TransportConfig.internet());
        LinkConditions lossy = LinkConditions.builder().delayMicros(10_000).lossRate(0.2).build();
        pair.setLinks(lossy, lossy);
        assertTrue(pair.connect(5_000 * MS));
        for (int i = 0; i < 50; i++) {
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 300));
        }
        pair.clientConnection.close("bye");
        assertFalse(pair.clientConnection.send(0, new byte[1]), "no new messages once closing");
        assertTrue(pair.runUntil(() -> pair.serverEvents.stream()
                .anyMatch(e -> e.type() == ConnectionEvent.Type.DISCONNECTED), 10_000 * MS), pair.describe());
        assertEquals(50, pair.serverReceived.size());
        ConnectionEvent disconnect = pair.serverEvents.get(pair.serverEvents.size() - 1);
        assertEquals(DisconnectReason.PEER_CLOSED, disconnect.reason());
        assertEquals("bye", disconnect.detail());
        assertTrue(pair.runUntil(() -> pair.client.connections().isEmpty() && pair.server.connections().isEmpty(),
                5_000 * MS));
        assertEquals(DisconnectReason.LOCAL_CLOSE, pair.clientEvents.get(pair.clientEvents.size() - 1).reason());
    }

    @Test
    void clientKeepsItsConnectionWhenItsAddressChanges() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        InetSocketAddress rebound = new InetSocketAddress("127.0.0.2", 50001);
        pair.network.moveNode(CLIENT_ADDRESS, rebound);
        pair.network.setLink(rebound, SERVER_ADDRESS, TEN_MS);
        pair.network.setLink(SERVER_ADDRESS, rebound, TEN_MS);
        for (int i = 0; i < 10; i++) {
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 50));
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 10, 3_000 * MS), pair.describe());
        assertEquals(rebound, pair.serverConnection.remoteAddress());
        assertEquals(1, pair.serverConnection.stats().migrations());
        pair.serverConnection.send(0, new byte[] {9});
        assertTrue(pair.runUntil(() -> pair.clientReceived.size() == 1, 1_000 * MS));
    }

    @Test
    void spoofedAddressChangeDoesNotHijackTheConnection() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        // Capture a real client packet and replay it from an address that cannot answer.
        List<byte[]> captured = new java.util.ArrayList<>();
        pair.network.setTap((time, event, from, to, datagram) -> {
            if (from.equals(CLIENT_ADDRESS) && captured.isEmpty() && datagram.remaining() > 20) {
                captured.add(SimulatedPair.copy(datagram.duplicate()));
            }
        });
        pair.clientConnection.send(0, new byte[] {1});
        pair.runFor(50 * MS);
        assertFalse(captured.isEmpty());
        InetSocketAddress spoofed = new InetSocketAddress("127.0.0.66", 6666);
        pair.network.inject(pair.network.nowNanos(), spoofed, SERVER_ADDRESS, captured.get(0));
        pair.runFor(100 * MS);
        assertEquals(CLIENT_ADDRESS, pair.serverConnection.remoteAddress());
        assertTrue(pair.server.stats().drops(DropReason.UNVALIDATED_PATH) >= 1);
        pair.clientConnection.send(0, new byte[] {2});
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 2, 1_000 * MS));
        pair.runFor(5_000 * MS);
        assertEquals(CLIENT_ADDRESS, pair.serverConnection.remoteAddress());
        assertEquals(0, pair.serverConnection.stats().migrations());
    }

    @Test
    void aLostAckPacketAloneCausesNoRetransmission() {
        SimulatedPair pair = pair(TransportConfig.lan());
        assertTrue(pair.connect(1_000 * MS));
        LinkConditions dropAll = LinkConditions.builder().lossRate(1.0).build();
        long lostBefore = 0;
        for (int i = 0; i < 100; i++) {
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 30));
            if (i == 50) {
                // Lose exactly the next datagram from the server: an acknowledgement.
                pair.network.setLink(SERVER_ADDRESS, CLIENT_ADDRESS, dropAll);
                lostBefore = lost(pair);
                long before = lostBefore;
                pair.runUntil(() -> lost(pair) > before, 100 * MS);
                pair.network.setLink(SERVER_ADDRESS, CLIENT_ADDRESS, TEN_MS);
            }
            pair.runFor(5 * MS);
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 100, 1_000 * MS));
        pair.runFor(200 * MS);
        assertEquals(lostBefore + 1, lost(pair), "exactly one ack packet was lost");
        assertEquals(0, pair.clientConnection.stats().retransmittedFragments(), pair.describe());
        assertEquals(0, pair.clientConnection.stats().packetsLost());
    }

    @Test
    void acknowledgementsRideOnDataWhenBothSidesSendEveryTick() {
        TransportConfig config = TransportConfig.internet().toBuilder()
                .maxAckDelayMicros(17_000).ackElicitingThreshold(64).build();
        SimulatedPair pair = pair(config);
        assertTrue(pair.connect(1_000 * MS));
        long clientBefore = pair.clientConnection.stats().packetsSent();
        long serverBefore = pair.serverConnection.stats().packetsSent();
        for (int tick = 0; tick < 120; tick++) {
            pair.clientConnection.send(3, new byte[20]);
            pair.runFor(8 * MS);
            pair.serverConnection.send(2, new byte[80]);
            pair.runFor(8 * MS);
        }
        long clientPackets = pair.clientConnection.stats().packetsSent() - clientBefore;
        long serverPackets = pair.serverConnection.stats().packetsSent() - serverBefore;
        // 120 ticks, plus at most one immediate PONG each answering the peer's start-of-connection RTT probe.
        assertTrue(clientPackets <= 123 && serverPackets <= 123,
                "no standalone acks: client sent " + clientPackets + ", server " + serverPackets + " for 120 ticks");
    }

    private static long lost(SimulatedPair pair) {
        return pair.network.stats(SERVER_ADDRESS, CLIENT_ADDRESS).datagrams(dev.skirmish.transport.sim.LinkCounter.LOST);
    }

    @Test
    void dropsAndCountsGarbageWithoutDisturbingTheConnection() {
        SimulatedPair pair = pair(TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        pair.network.inject(pair.network.nowNanos(), CLIENT_ADDRESS, SERVER_ADDRESS, new byte[] {1, 2, 3});
        pair.network.inject(pair.network.nowNanos(), CLIENT_ADDRESS, SERVER_ADDRESS, new byte[100]);
        pair.network.inject(pair.network.nowNanos(), CLIENT_ADDRESS, SERVER_ADDRESS, new byte[5000]);
        pair.clientConnection.send(0, new byte[] {1});
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 1, 1_000 * MS));
        EndpointStats stats = pair.server.stats();
        assertEquals(1, stats.drops(DropReason.TRUNCATED));
        assertEquals(1, stats.drops(DropReason.BAD_CHECKSUM));
        assertEquals(1, stats.drops(DropReason.OVERSIZED));
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] connectDatagram(int version, long clientId, int length) {
        HandshakePacket connect = new HandshakePacket();
        connect.version = version;
        connect.type = PacketType.CONNECT;
        connect.clientConnectionId = clientId;
        connect.maxDatagramBytes = 1200;
        connect.receiveWindowBytes = 1 << 20;
        connect.channelCount = 4;
        for (int i = 0; i < 4; i++) {
            connect.channelModes[i] = (byte) i;
        }
        connect.maxMessageBytes = TransportConfig.internet().maxMessageBytes();
        connect.channelWindowMessages = TransportConfig.internet().channelWindowMessages();
        ByteBuffer buffer = ByteBuffer.allocate(length);
        connect.encode(buffer, length, new DatagramChecksum());
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static HandshakePacket decode(ByteBuffer datagram) {
        HandshakePacket packet = new HandshakePacket();
        try {
            packet.decode(datagram.duplicate());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return packet;
    }

    /** A node that records what it receives and never sends. */
    private record RecordingNode(List<ByteBuffer> received) implements NetworkNode {
        @Override
        public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
            ByteBuffer copy = ByteBuffer.allocate(datagram.remaining());
            copy.put(datagram).flip();
            received.add(copy);
        }

        @Override
        public void handleTimeout(long nowNanos) {
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
        }

        @Override
        public long nextTimeoutNanos() {
            return NO_DEADLINE;
        }
    }
}
