package dev.skirmish.transport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HandshakePacketTest {
    private final DatagramChecksum checksum = new DatagramChecksum();

    private HandshakePacket decode(ByteBuffer buffer) throws ProtocolException {
        buffer.flip();
        assertTrue(checksum.verify(buffer));
        HandshakePacket decoded = new HandshakePacket();
        decoded.decode(buffer);
        return decoded;
    }

    @Test
    void connectIsPaddedToTheRequestedLengthAndRoundTrips() throws ProtocolException {
        HandshakePacket connect = new HandshakePacket();
        connect.version = PacketType.PROTOCOL_VERSION;
        connect.type = PacketType.CONNECT;
        connect.clientConnectionId = 42;
        connect.maxDatagramBytes = 1200;
        connect.receiveWindowBytes = 1 << 20;
        connect.maxAckDelayMicros = 1000;
        connect.channelCount = 2;
        connect.channelModes[0] = 0;
        connect.channelModes[1] = 3;
        connect.cookieLength = 3;
        connect.cookie[0] = 7;
        ByteBuffer buffer = ByteBuffer.allocate(1200);
        assertEquals(1200, connect.encode(buffer, 1200, checksum));
        HandshakePacket decoded = decode(buffer);
        assertEquals(PacketType.CONNECT, decoded.type);
        assertEquals(42, decoded.clientConnectionId);
        assertEquals(1 << 20, decoded.receiveWindowBytes);
        assertEquals(2, decoded.channelCount);
        assertEquals(3, decoded.channelModes[1]);
        assertEquals(3, decoded.cookieLength);
        assertEquals(7, decoded.cookie[0]);
    }

    @Test
    void rejectCarriesReasonOurVersionAndText() throws ProtocolException {
        HandshakePacket reject = new HandshakePacket();
        reject.version = PacketType.PROTOCOL_VERSION;
        reject.type = PacketType.REJECT;
        reject.clientConnectionId = 9;
        reject.rejectReasonCode = 6;
        reject.rejectText = "server is full";
        ByteBuffer buffer = ByteBuffer.allocate(256);
        int length = reject.encode(buffer, 0, checksum);
        assertEquals(HandshakePacket.REJECT_FIXED_LENGTH + "server is full".length(), length);
        HandshakePacket decoded = decode(buffer);
        assertEquals(6, decoded.rejectReasonCode);
        assertEquals("server is full", decoded.rejectText);
        assertEquals(PacketType.PROTOCOL_VERSION, decoded.version);
    }

    @Test
    void refusesACookieLongerThanTheLimit() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put((byte) 1).put((byte) PacketType.CHALLENGE).putLong(1).put((byte) 200).putInt(0);
        buffer.flip();
        assertThrows(ProtocolException.class, () -> new HandshakePacket().decode(buffer));
    }

    @Test
    void refusesTruncatedAccept() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put((byte) 1).put((byte) PacketType.ACCEPT).putLong(1).putInt(5).putInt(0);
        buffer.flip();
        assertThrows(ProtocolException.class, () -> new HandshakePacket().decode(buffer));
    }
}
