package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.recovery.AckRanges;
import java.nio.ByteBuffer;

/**
 * The ACK frame: the receiver's selective acknowledgement, a list of received packet-number
 * ranges from the highest down (the QUIC encoding, RFC 9000 §19.3).
 *
 * <pre>
 * +------+-------------+----------------+-----------------+------------+-----------------------+
 * | 0x01 | Largest (v) | AckDelayUs (v) | ExtraRanges (v) | First (v)  | (Gap (v), Length (v))*|
 * +------+-------------+----------------+-----------------+------------+-----------------------+
 * first range:   [Largest - First, Largest]
 * next range:    high = previousLow - Gap - 2,  low = high - Length
 * </pre>
 *
 * Every packet repeats the ranges until the peer acknowledges a packet that carried them, so one lost
 * acknowledgement never triggers a retransmission. This holder is reused: decoding allocates nothing.
 */
public final class AckFrame {
    /** Decoded frames with more ranges than this are refused; encoders send at most this many. */
    public static final int MAX_RANGES = 64;

    private final long[] lows = new long[MAX_RANGES];
    private final long[] highs = new long[MAX_RANGES];
    private int rangeCount;
    private long ackDelayMicros;

    public int rangeCount() {
        return rangeCount;
    }

    /** Inclusive low end of range {@code index}; index 0 is the highest range. */
    public long rangeLow(int index) {
        return lows[index];
    }

    /** Inclusive high end of range {@code index}. */
    public long rangeHigh(int index) {
        return highs[index];
    }

    public long largest() {
        return highs[0];
    }

    public long ackDelayMicros() {
        return ackDelayMicros;
    }

    /** Reads an ACK frame whose type byte has been consumed. */
    public void decode(ByteBuffer buffer) throws ProtocolException {
        long largest = Varint.read(buffer);
        ackDelayMicros = Varint.read(buffer);
        long extra = Varint.read(buffer);
        if (extra >= MAX_RANGES) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        long first = Varint.read(buffer);
        if (first > largest) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        highs[0] = largest;
        lows[0] = largest - first;
        rangeCount = 1;
        for (int i = 0; i < extra; i++) {
            long gap = Varint.read(buffer);
            long length = Varint.read(buffer);
            long high = lows[rangeCount - 1] - gap - 2;
            long low = high - length;
            if (high < 0 || low < 0) {
                throw ProtocolException.of(DropReason.MALFORMED_FRAME);
            }
            highs[rangeCount] = high;
            lows[rangeCount] = low;
            rangeCount++;
        }
    }

    /**
     * Writes an ACK frame for {@code ranges} if it has any and at least a minimal frame fits in
     * {@code maxBytes}; as many ranges as fit are included, highest first. Returns whether a frame
     * was written.
     */
    public static boolean encode(ByteBuffer buffer, AckRanges ranges, long ackDelayMicros, int maxBytes) {
        int available = ranges.rangeCount();
        if (available == 0) {
            return false;
        }
        long largest = ranges.rangeHigh(0);
        long first = largest - ranges.rangeLow(0);
        int size = 1 + Varint.length(largest) + Varint.length(ackDelayMicros) + Varint.length(first);
        int included = 1;
        long previousLow = ranges.rangeLow(0);
        while (included < Math.min(available, MAX_RANGES)) {
            long high = ranges.rangeHigh(included);
            long low = ranges.rangeLow(included);
            int extraBytes = Varint.length(previousLow - high - 2) + Varint.length(high - low);
            if (size + 1 + extraBytes > maxBytes) {
                break;
            }
            size += extraBytes;
            previousLow = low;
            included++;
        }
        size += Varint.length(included - 1);
        if (size > maxBytes) {
            return false;
        }
        buffer.put((byte) FrameType.ACK);
        Varint.write(buffer, largest);
        Varint.write(buffer, ackDelayMicros);
        Varint.write(buffer, included - 1);
        Varint.write(buffer, first);
        previousLow = ranges.rangeLow(0);
        for (int i = 1; i < included; i++) {
            long high = ranges.rangeHigh(i);
            long low = ranges.rangeLow(i);
            Varint.write(buffer, previousLow - high - 2);
            Varint.write(buffer, high - low);
            previousLow = low;
        }
        return true;
    }
}
