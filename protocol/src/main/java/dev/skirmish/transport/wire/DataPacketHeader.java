package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;
import java.nio.ByteBuffer;

/**
 * The header of a DATA packet, and packet-number truncation.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version (1)  |  Type (0x10)  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |              Destination Connection Id (64)                   |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |               Packet Number (low 32 bits)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Frames ...                           ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           CRC32C                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The destination connection id is the one the receiver chose, so the receiver finds the connection
 * without looking at the source address (which may change: migration). Packet numbers are 64-bit
 * and never reused; only the low 32 bits travel, and the receiver restores the rest from the
 * largest packet number it has seen (RFC 9000 Appendix A.3), which is exact while fewer than 2^31
 * packets separate them.
 */
public final class DataPacketHeader {
    public static final int CONNECTION_ID_OFFSET = PacketType.PREFIX_LENGTH;
    public static final int PACKET_NUMBER_OFFSET = CONNECTION_ID_OFFSET + 8;
    /** Bytes of header before the first frame. */
    public static final int LENGTH = PACKET_NUMBER_OFFSET + 4;
    /** Header plus trailer: what a DATA packet costs before its frames. */
    public static final int OVERHEAD = LENGTH + DatagramChecksum.LENGTH;

    private static final long WINDOW = 1L << 32;
    private static final long HALF_WINDOW = WINDOW / 2;
    private static final long MASK = WINDOW - 1;

    private DataPacketHeader() {
    }

    /** Writes the header at the buffer's position. */
    public static void write(ByteBuffer buffer, long destinationConnectionId, long packetNumber) {
        buffer.put((byte) PacketType.PROTOCOL_VERSION);
        buffer.put((byte) PacketType.DATA);
        buffer.putLong(destinationConnectionId);
        buffer.putInt((int) packetNumber);
    }

    /** The destination connection id of a DATA datagram starting at {@code start}. */
    public static long connectionId(ByteBuffer datagram, int start) throws ProtocolException {
        if (datagram.limit() - start < OVERHEAD) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        return datagram.getLong(start + CONNECTION_ID_OFFSET);
    }

    /** The truncated packet number of a DATA datagram starting at {@code start}. */
    public static long truncatedPacketNumber(ByteBuffer datagram, int start) {
        return datagram.getInt(start + PACKET_NUMBER_OFFSET) & MASK;
    }

    /**
     * Restores the full packet number closest to {@code largestReceived + 1} whose low 32 bits are
     * {@code truncated}.
     */
    public static long restorePacketNumber(long truncated, long largestReceived) {
        long expected = largestReceived + 1;
        long candidate = (expected & ~MASK) | truncated;
        if (candidate <= expected - HALF_WINDOW && candidate < (1L << 62) - WINDOW) {
            return candidate + WINDOW;
        }
        if (candidate > expected + HALF_WINDOW && candidate >= WINDOW) {
            return candidate - WINDOW;
        }
        return candidate;
    }
}
