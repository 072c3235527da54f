package dev.skirmish.transport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataPacketHeaderTest {

    @Test
    void writesVersionTypeConnectionIdAndTruncatedPacketNumber() throws ProtocolException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        DataPacketHeader.write(buffer, 0x0102030405060708L, 0x1_2345_6789L);
        buffer.putInt(0);
        assertEquals(DataPacketHeader.LENGTH, buffer.position() - 4);
        assertEquals(PacketType.PROTOCOL_VERSION, buffer.get(0));
        assertEquals(PacketType.DATA, buffer.get(1));
        assertEquals(0x0102030405060708L, DataPacketHeader.connectionId(buffer.flip(), 0));
        assertEquals(0x2345_6789L, DataPacketHeader.truncatedPacketNumber(buffer, 0));
    }

    @Test
    void restoresPacketNumbersNearTheLargestReceived() {
        // RFC 9000 §A.3 example scaled to 32 bits: the candidate nearest largest + 1 wins.
        assertEquals(0x1_0000_0001L, DataPacketHeader.restorePacketNumber(0x1L, 0xFFFF_FFF0L));
        assertEquals(0xFFFF_FFF0L, DataPacketHeader.restorePacketNumber(0xFFFF_FFF0L, 0x1_0000_0001L));
        assertEquals(5, DataPacketHeader.restorePacketNumber(5, -1));
        assertEquals(0, DataPacketHeader.restorePacketNumber(0, -1));
    }

    @Test
    void restoresExactlyWithinHalfTheWindow() {
        long seed = 7L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            long largest = random.nextLong(1L << 50);
            long actual = largest + 1 + random.nextLong(-(1L << 30), 1L << 30);
            if (actual < 0) {
                continue;
            }
            long restored = DataPacketHeader.restorePacketNumber(actual & 0xFFFF_FFFFL, largest);
            assertEquals(actual, restored, "seed " + seed + " largest " + largest);
        }
    }

    @Test
    void refusesDatagramsShorterThanTheHeaderAndTrailer() {
        ByteBuffer shortOne = ByteBuffer.allocate(DataPacketHeader.OVERHEAD - 1);
        assertThrows(ProtocolException.class, () -> DataPacketHeader.connectionId(shortOne, 0));
    }
}
