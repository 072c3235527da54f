package dev.skirmish.transport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skirmish.transport.DropReason;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarintTest {

    @Test
    void usesTheShortestOfFourLengths() {
        assertEquals(1, Varint.length(0));
        assertEquals(1, Varint.length(63));
        assertEquals(2, Varint.length(64));
        assertEquals(2, Varint.length(16383));
        assertEquals(4, Varint.length(16384));
        assertEquals(4, Varint.length(1073741823));
        assertEquals(8, Varint.length(1073741824));
        assertEquals(8, Varint.length(Varint.MAX_VALUE));
    }

    @Test
    void roundTripsRandomValues() {
        long seed = 20261122L;
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong(Varint.MAX_VALUE >>> random.nextInt(62));
            buffer.clear();
            Varint.write(buffer, value);
            assertEquals(Varint.length(value), buffer.position(), "seed " + seed + " value " + value);
            buffer.flip();
            assertEquals(value, assertDoesNotThrowRead(buffer), "seed " + seed);
        }
    }

    @Test
    void encodesTheRfcExample() throws ProtocolException {
        // RFC 9000 §A.1: 0x7bbd decodes to 15293.
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x7b, (byte) 0xbd});
        assertEquals(15293, Varint.read(buffer));
    }

    @Test
    void refusesOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> Varint.length(-1));
        assertThrows(IllegalArgumentException.class, () -> Varint.length(Varint.MAX_VALUE + 1));
    }

    @Test
    void reportsTruncationAsAProtocolError() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 0x80, 0x01});
        ProtocolException e = assertThrows(ProtocolException.class, () -> Varint.read(buffer));
        assertEquals(DropReason.TRUNCATED, e.reason());
        assertThrows(ProtocolException.class, () -> Varint.read(ByteBuffer.allocate(0)));
    }

    @Test
    void readIntRejectsValuesAboveTheBound() {
        ByteBuffer buffer = ByteBuffer.allocate(2);
        Varint.write(buffer, 300);
        buffer.flip();
        ProtocolException e = assertThrows(ProtocolException.class, () -> Varint.readInt(buffer, 299));
        assertEquals(DropReason.MALFORMED_FRAME, e.reason());
    }

    private static long assertDoesNotThrowRead(ByteBuffer buffer) {
        try {
            return Varint.read(buffer);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
