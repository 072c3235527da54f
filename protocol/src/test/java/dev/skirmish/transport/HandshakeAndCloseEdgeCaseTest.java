package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.CLIENT_ADDRESS;
import static dev.skirmish.transport.SimulatedPair.MS;
import static dev.skirmish.transport.SimulatedPair.SERVER_ADDRESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Edge cases of the handshake and of closing, each a defect once found by review. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandshakeAndCloseEdgeCaseTest {
    private static final LinkConditions FIVE_MS = LinkConditions.builder().delayMicros(5_000).build();

    private static SimulatedPair pair(TransportConfig server, TransportConfig client) {
        SimulatedPair pair = new SimulatedPair(21, server, client);
        pair.setLinks(FIVE_MS, FIVE_MS);
        return pair;
    }

    @Test
    void closingWithUnreadMessagesDoesNotSpin() {
        // The simulated network throws if a node stays due without making progress.
        SimulatedPair pair = pair(TransportConfig.internet(), TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        pair.clientConnection.send(0, new byte[] {1});
        pair.clientConnection.close("done");
        pair.network.runFor(2_000 * MS);
        assertTrue(pair.client.connections().isEmpty());
        assertTrue(pair.server.connections().isEmpty());
    }

    @Test
    void clientWithLargerDatagramsConnectsAndItsQueuedMessagesFitTheNegotiatedSize() {
        TransportConfig server = TransportConfig.internet().toBuilder().maxDatagramBytes(600).build();
        TransportConfig client = TransportConfig.internet().toBuilder().maxDatagramBytes(1400).build();
        SimulatedPair pair = pair(server, client);
        Connection connection = pair.startConnect();
        byte[] big = SimulatedPair.numbered(0, 0, 5_000);
        connection.send(0, big);
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 1, 2_000 * MS), pair.describe());
        assertArrayEquals(big, pair.serverReceived.get(0).payload());
        assertEquals(0, pair.server.stats().drops(DropReason.OVERSIZED));
    }

    @Test
    void tinyConnectOfAnotherVersionIsDroppedNotThrown() {
        SimulatedPair pair = pair(TransportConfig.internet(), TransportConfig.internet());
        ByteBuffer datagram = ByteBuffer.allocate(16);
        datagram.put((byte) 9).put((byte) PacketType.CONNECT).putLong(5).put(new byte[2]);
        new DatagramChecksum().append(datagram, 0);
        pair.network.inject(0, CLIENT_ADDRESS, SERVER_ADDRESS, Arrays.copyOf(datagram.array(), datagram.position()));
        pair.runFor(10 * MS);
        assertEquals(1, pair.server.stats().drops(DropReason.WRONG_VERSION));
        assertEquals(0, pair.server.stats().datagramsSent());
    }

    @Test
    void clientShowsARejectFromAServerOfAnotherVersion() {
        SimulatedPair pair = pair(TransportConfig.internet(), TransportConfig.internet());
        pair.network.detach(SERVER_ADDRESS);
        Connection connection = pair.startConnect();
        HandshakePacket reject = new HandshakePacket();
        reject.version = 2;
        reject.type = PacketType.REJECT;
        reject.clientConnectionId = connection.localConnectionId();
        reject.rejectReasonCode = DisconnectReason.VERSION_MISMATCH.wireCode();
        reject.rejectText = "server speaks protocol version 2";
        ByteBuffer buffer = ByteBuffer.allocate(256);
        reject.encode(buffer, 0, new DatagramChecksum());
        buffer.put(0, (byte) 2);
        buffer.flip();
        // Re-seal: byte 0 was changed after the checksum was computed.
        ByteBuffer sealed = ByteBuffer.allocate(256);
        sealed.put(buffer.array(), 0, buffer.limit() - 4);
        new DatagramChecksum().append(sealed, 0);
        pair.network.inject(pair.network.nowNanos() + MS, SERVER_ADDRESS, CLIENT_ADDRESS,
                Arrays.copyOf(sealed.array(), sealed.position()));
        pair.runFor(20 * MS);
        ConnectionEvent event = pair.clientEvents.get(0);
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, event.type());
        assertEquals(DisconnectReason.VERSION_MISMATCH, event.reason());
        assertEquals("server speaks protocol version 2", event.detail());
    }

    @Test
    void differentMaximumMessageSizesAreRefusedAtTheHandshake() {
        TransportConfig server = TransportConfig.internet().toBuilder().maxMessageBytes(1000).build();
        SimulatedPair pair = pair(server, TransportConfig.internet());
        pair.startConnect();
        pair.runFor(500 * MS);
        ConnectionEvent event = pair.clientEvents.get(0);
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, event.type());
        assertEquals(DisconnectReason.CHANNEL_MISMATCH, event.reason());
        assertTrue(event.detail().contains("maxMessageBytes"), event.detail());
    }

    @Test
    void anInvalidPacketFromThePeerClosesTheConnection() {
        SimulatedPair pair = pair(TransportConfig.internet(), TransportConfig.internet());
        assertTrue(pair.connect(1_000 * MS));
        // A well-formed, checksummed packet from the client's address naming a channel that does not exist.
        ByteBuffer packet = ByteBuffer.allocate(64);
        DataPacketHeader.write(packet, pair.serverConnection.localConnectionId(), 1_000);
        packet.put((byte) FrameType.MESSAGE).put((byte) 40).put((byte) 0).put((byte) 1).put((byte) 7);
        new DatagramChecksum().append(packet, 0);
        pair.network.inject(pair.network.nowNanos(), CLIENT_ADDRESS, SERVER_ADDRESS,
                Arrays.copyOf(packet.array(), packet.position()));
        assertTrue(pair.runUntil(() -> pair.clientEvents.size() > 1, 2_000 * MS), pair.describe());
        assertEquals(1, pair.server.stats().drops(DropReason.UNKNOWN_CHANNEL));
        ConnectionEvent event = pair.clientEvents.get(1);
        assertEquals(ConnectionEvent.Type.DISCONNECTED, event.type());
        assertEquals(DisconnectReason.PROTOCOL_VIOLATION, event.reason());
        assertTrue(event.detail().contains("UNKNOWN_CHANNEL"), event.detail());
    }
}
