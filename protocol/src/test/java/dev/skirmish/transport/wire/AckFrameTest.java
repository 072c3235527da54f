package dev.skirmish.transport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.recovery.AckRanges;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AckFrameTest {

    private static AckRanges received(long... packetNumbers) {
        AckRanges ranges = new AckRanges(64);
        for (long pn : packetNumbers) {
            ranges.add(pn);
        }
        return ranges;
    }

    private static AckFrame roundTrip(AckRanges ranges, long delayMicros, int maxBytes) throws ProtocolException {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        assertTrue(AckFrame.encode(buffer, ranges, delayMicros, maxBytes));
        assertTrue(buffer.position() <= maxBytes, "frame exceeds its budget");
        buffer.flip();
        assertEquals(FrameType.ACK, buffer.get());
        AckFrame frame = new AckFrame();
        frame.decode(buffer);
        assertFalse(buffer.hasRemaining());
        return frame;
    }

    @Test
    void encodesSelectiveRangesHighestFirst() throws ProtocolException {
        AckFrame frame = roundTrip(received(0, 1, 2, 5, 6, 9), 250, 100);
        assertEquals(3, frame.rangeCount());
        assertEquals(9, frame.largest());
        assertEquals(9, frame.rangeLow(0));
        assertEquals(5, frame.rangeLow(1));
        assertEquals(6, frame.rangeHigh(1));
        assertEquals(0, frame.rangeLow(2));
        assertEquals(2, frame.rangeHigh(2));
        assertEquals(250, frame.ackDelayMicros());
    }

    @Test
    void keepsOnlyTheHighestRangesThatFitTheBudget() throws ProtocolException {
        long[] everyOther = new long[40];
        for (int i = 0; i < everyOther.length; i++) {
            everyOther[i] = 2L * i;
        }
        AckFrame frame = roundTrip(received(everyOther), 0, 20);
        assertTrue(frame.rangeCount() > 1 && frame.rangeCount() < 40);
        assertEquals(78, frame.largest());
        assertEquals(78 - 2L * (frame.rangeCount() - 1), frame.rangeLow(frame.rangeCount() - 1));
    }

    @Test
    void writesNothingWithoutRanges() {
        assertFalse(AckFrame.encode(ByteBuffer.allocate(64), new AckRanges(8), 0, 64));
    }

    @Test
    void refusesARangeReachingBelowZero() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        Varint.write(buffer, 3);   // largest
        Varint.write(buffer, 0);   // delay
        Varint.write(buffer, 0);   // no extra ranges
        Varint.write(buffer, 4);   // first range would start at -1
        buffer.flip();
        assertThrows(ProtocolException.class, () -> new AckFrame().decode(buffer));
    }

    @Test
    void refusesAGapBelowZero() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        Varint.write(buffer, 3);
        Varint.write(buffer, 0);
        Varint.write(buffer, 1);
        Varint.write(buffer, 1);   // [2,3]
        Varint.write(buffer, 1);   // next high = 2 - 1 - 2 = -1
        Varint.write(buffer, 0);
        buffer.flip();
        assertThrows(ProtocolException.class, () -> new AckFrame().decode(buffer));
    }
}
