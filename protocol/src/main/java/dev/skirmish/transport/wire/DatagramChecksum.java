package dev.skirmish.transport.wire;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The CRC32C trailer every datagram ends with: four big-endian bytes over everything before them.
 * CRC32C (Castagnoli) is computed in hardware on current CPUs, and the JDK intrinsic makes it cheap.
 * It catches corruption, not forgery; encryption would replace it.
 *
 * <p>One instance per thread: the {@link CRC32C} inside is reused, so checking allocates nothing.
 */
public final class DatagramChecksum {
    /** Bytes the trailer takes. */
    public static final int LENGTH = 4;

    private final CRC32C crc = new CRC32C();

    /**
     * Appends the checksum of bytes [start, position) to {@code buffer} (in write mode), advancing
     * its position past the trailer.
     */
    public void append(ByteBuffer buffer, int start) {
        int end = buffer.position();
        int savedLimit = buffer.limit();
        buffer.limit(end).position(start);
        crc.reset();
        crc.update(buffer);
        buffer.limit(savedLimit);
        buffer.putInt((int) crc.getValue());
    }

    /**
     * Whether the datagram in [position, limit) ends with a valid trailer. Does not move the buffer.
     */
    public boolean verify(ByteBuffer datagram) {
        int start = datagram.position();
        int end = datagram.limit() - LENGTH;
        if (end < start) {
            return false;
        }
        crc.reset();
        int savedLimit = datagram.limit();
        datagram.limit(end);
        crc.update(datagram);
        datagram.limit(savedLimit);
        datagram.position(start);
        return (int) crc.getValue() == datagram.getInt(end);
    }
}
