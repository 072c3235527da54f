package dev.skirmish.transport.fuzz;

import java.nio.ByteBuffer;

/**
 * A self-describing test message: which stream and channel it belongs to, its sequence number there
 * and its length, followed by filler bytes derived from all of these, so a receiver can tell an
 * intact message from a damaged, truncated or forged one without keeping a copy.
 *
 * <pre>
 * +------------+-------------+--------------+------------+---------------------------------+
 * | stream (4) | channel (4) | sequence (4) | length (4) | filler: fill(stream, ch, seq, i) |
 * +------------+-------------+--------------+------------+---------------------------------+
 * </pre>
 */
final class NumberedPayload {
    static final int HEADER_BYTES = 16;

    /** Regular traffic while the fuzzer runs. */
    static final int TRAFFIC = 0x7A11_0000;
    /** The batch sent after the fuzzer stops, to prove a connection still works. */
    static final int PROOF_BATCH = 0x7A11_0001;

    private NumberedPayload() {
    }

    /** A payload of {@code length} bytes (at least {@link #HEADER_BYTES}). */
    static byte[] of(int stream, int channel, int sequence, int length) {
        int size = Math.max(length, HEADER_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(stream).putInt(channel).putInt(sequence).putInt(size);
        for (int i = HEADER_BYTES; i < size; i++) {
            buffer.put(fill(stream, channel, sequence, i));
        }
        return buffer.array();
    }

    /** Whether {@code payload}'s remaining bytes are an intact payload of {@code stream} sent on {@code channel}. */
    static boolean isIntact(ByteBuffer payload, int stream, int channel) {
        int start = payload.position();
        int size = payload.remaining();
        if (size < HEADER_BYTES || payload.getInt(start) != stream || payload.getInt(start + 4) != channel
                || payload.getInt(start + 12) != size) {
            return false;
        }
        int sequence = payload.getInt(start + 8);
        for (int i = HEADER_BYTES; i < size; i++) {
            if (payload.get(start + i) != fill(stream, channel, sequence, i)) {
                return false;
            }
        }
        return true;
    }

    static int streamOf(ByteBuffer payload) {
        return payload.remaining() < HEADER_BYTES ? -1 : payload.getInt(payload.position());
    }

    static int sequenceOf(ByteBuffer payload) {
        return payload.getInt(payload.position() + 8);
    }

    private static byte fill(int stream, int channel, int sequence, int index) {
        return (byte) (sequence * 31 + index * 7 + channel * 13 + stream);
    }
}
