package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;
import java.nio.ByteBuffer;

/**
 * Variable-length unsigned integers in the QUIC encoding (RFC 9000 §16): the two high bits of the
 * first byte give the length, so a decoder knows the size after one read.
 *
 * <pre>
 *  2-bit prefix | length | usable bits | range
 *  00           | 1 byte |  6          | 0..63
 *  01           | 2 bytes| 14          | 0..16383
 *  10           | 4 bytes| 30          | 0..1073741823
 *  11           | 8 bytes| 62          | 0..4611686018427387903
 * </pre>
 * Big-endian, like every multi-byte field on our wire.
 */
public final class Varint {
    /** The largest encodable value. */
    public static final long MAX_VALUE = (1L << 62) - 1;

    private Varint() {
    }

    /** Bytes needed to encode {@code value}. */
    public static int length(long value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        if (value <= 63) {
            return 1;
        }
        if (value <= 16383) {
            return 2;
        }
        if (value <= 1073741823) {
            return 4;
        }
        return 8;
    }

    /** Writes {@code value} at the buffer's position and advances it. */
    public static void write(ByteBuffer buffer, long value) {
        switch (length(value)) {
            case 1 -> buffer.put((byte) value);
            case 2 -> buffer.putShort((short) (0x4000 | value));
            case 4 -> buffer.putInt((int) (0x8000_0000L | value));
            default -> buffer.putLong(0xC000_0000_0000_0000L | value);
        }
    }

    /** Reads a varint at the buffer's position; throws {@link DropReason#TRUNCATED} if it runs past the limit. */
    public static long read(ByteBuffer buffer) throws ProtocolException {
        if (!buffer.hasRemaining()) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        int first = buffer.get(buffer.position()) & 0xFF;
        int length = 1 << (first >>> 6);
        if (buffer.remaining() < length) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        return switch (length) {
            case 1 -> buffer.get() & 0x3FL;
            case 2 -> buffer.getShort() & 0x3FFFL;
            case 4 -> buffer.getInt() & 0x3FFF_FFFFL;
            default -> buffer.getLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        };
    }

    /** Reads a varint that must fit an int no larger than {@code max}, else {@link DropReason#MALFORMED_FRAME}. */
    public static int readInt(ByteBuffer buffer, int max) throws ProtocolException {
        long value = read(buffer);
        if (value > max) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        return (int) value;
    }
}
