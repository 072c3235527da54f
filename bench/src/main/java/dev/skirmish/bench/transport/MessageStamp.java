package dev.skirmish.bench.transport;

import java.nio.ByteBuffer;

/**
 * The header every benchmark message starts with, so the receiver can check order, duplicates and
 * completeness and measure one-way latency (both ends share one process, hence one clock):
 *
 * <pre>
 *   0               8               16          size
 *   +---------------+---------------+-----------+
 *   | sequence u64  | sendNanos u64 | filler    |   big-endian; sendNanos from System.nanoTime
 *   +---------------+---------------+-----------+
 * </pre>
 */
final class MessageStamp {
    /** Bytes of the header, the smallest message size. */
    static final int LENGTH = 16;

    private MessageStamp() {
    }

    /** Writes the header into the first {@link #LENGTH} bytes of {@code message}. */
    static void write(byte[] message, long sequence, long sendNanos) {
        putLong(message, 0, sequence);
        putLong(message, 8, sendNanos);
    }

    /** Sequence number of the message starting at {@code buffer}'s position (position unchanged). */
    static long sequence(ByteBuffer buffer) {
        return buffer.getLong(buffer.position());
    }

    /** Send time of the message starting at {@code buffer}'s position (position unchanged). */
    static long sendNanos(ByteBuffer buffer) {
        return buffer.getLong(buffer.position() + 8);
    }

    private static void putLong(byte[] target, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            target[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
