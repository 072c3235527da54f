package dev.skirmish.transport.udp;

import java.nio.ByteBuffer;

/**
 * Test messages that carry their own identity and a checkable body: the channel, a sequence number and
 * the length, then filler derived from the sequence, so a receiver can tell which message it got, in
 * what order, and whether it arrived intact.
 *
 * <pre>
 * +-------------+--------------+------------+------------------------------------------+
 * | channel (4) | sequence (4) | length (4) | filler: byte i = (sequence * 31 + i)     |
 * +-------------+--------------+------------+------------------------------------------+
 * </pre>
 */
final class NumberedPayload {

    /** The smallest payload: the three header fields. */
    static final int HEADER_BYTES = 12;

    private NumberedPayload() {
    }

    /** A payload of {@code length} bytes (at least {@link #HEADER_BYTES}). */
    static byte[] of(int channel, int sequence, int length) {
        if (length < HEADER_BYTES) {
            throw new IllegalArgumentException("length must be at least " + HEADER_BYTES + ", got " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putInt(channel).putInt(sequence).putInt(length);
        for (int i = HEADER_BYTES; i < length; i++) {
            buffer.put((byte) (sequence * 31 + i));
        }
        return buffer.array();
    }

    static int channelOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(0);
    }

    static int sequenceOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(4);
    }

    /** Whether the payload is as {@link #of} wrote it: right length, untouched filler. */
    static boolean isIntact(byte[] payload) {
        if (payload.length < HEADER_BYTES) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int sequence = buffer.getInt(4);
        if (buffer.getInt(8) != payload.length) {
            return false;
        }
        for (int i = HEADER_BYTES; i < payload.length; i++) {
            if (payload[i] != (byte) (sequence * 31 + i)) {
                return false;
            }
        }
        return true;
    }
}
