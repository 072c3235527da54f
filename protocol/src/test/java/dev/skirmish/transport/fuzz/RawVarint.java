package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.wire.Varint;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * QUIC varints written in any of the four widths, including the non-minimal encodings our encoder
 * never produces but a decoder must still accept or refuse cleanly, plus the values most likely to
 * break a length check.
 */
final class RawVarint {
    private static final long[] EDGES = {
        0, 1, 2, 63, 64, 255, 256, 1199, 1200, 1500, 16383, 16384, 65535, 65536, 262_144, 262_145,
        (1L << 30) - 1, 1L << 30, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 1L << 31, (1L << 32) - 1, 1L << 32,
        Varint.MAX_VALUE - 1, Varint.MAX_VALUE
    };

    private RawVarint() {
    }

    /** Bytes a varint takes (1, 2, 4 or 8), read from its first byte. */
    static int widthOfFirstByte(int firstByte) {
        return 1 << ((firstByte & 0xFF) >>> 6);
    }

    /** The smallest width that holds {@code value}. */
    static int minimalWidth(long value) {
        return Varint.length(value);
    }

    /** Writes {@code value} in {@code width} bytes; {@code value} must fit that width. */
    static void write(ByteBuffer buffer, long value, int width) {
        switch (width) {
            case 1 -> buffer.put((byte) value);
            case 2 -> buffer.putShort((short) (0x4000 | value));
            case 4 -> buffer.putInt((int) (0x8000_0000L | value));
            default -> buffer.putLong(0xC000_0000_0000_0000L | value);
        }
    }

    /** Writes {@code value} in its minimal width or, one time in four, in a wider one. */
    static void writeAnyWidth(ByteBuffer buffer, long value, SplittableRandom random) {
        int width = minimalWidth(value);
        if (random.nextInt(4) == 0 && width < 8) {
            width = width << (1 + random.nextInt(Integer.numberOfTrailingZeros(8 / width)));
        }
        write(buffer, value, width);
    }

    /**
     * A value a length or count field might lie with, given the truthful {@code value}: an edge of a
     * varint width or of an int, off by one either way, zero, or anything at all.
     */
    static long lieAbout(long value, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> Math.max(0, value - 1 - random.nextInt(8));
            case 2 -> Math.min(Varint.MAX_VALUE, value + 1 + random.nextInt(8));
            case 3 -> Math.min(Varint.MAX_VALUE, value + 1 + random.nextInt(2000));
            case 4 -> random.nextLong(Varint.MAX_VALUE);
            default -> value == 0 ? 1 : 0;
        };
    }
}
