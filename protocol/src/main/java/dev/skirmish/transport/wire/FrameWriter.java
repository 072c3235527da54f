package dev.skirmish.transport.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encoders for every frame but ACK ({@link AckFrame#encode}). Each writes at the buffer's position;
 * the caller checks the space first with the matching {@code ...Length} method. Layouts are in
 * {@link FrameType}.
 */
public final class FrameWriter {
    /** Bytes of a PING, PONG, PATH_CHALLENGE or PATH_RESPONSE frame. */
    public static final int U64_FRAME_LENGTH = 9;
    /** Longest CLOSE reason text we send, in bytes. */
    public static final int MAX_CLOSE_TEXT_BYTES = 200;

    private FrameWriter() {
    }

    /** Writes a PING, PONG, PATH_CHALLENGE or PATH_RESPONSE frame. */
    public static void writeU64Frame(ByteBuffer buffer, int type, long value) {
        buffer.put((byte) type).putLong(value);
    }

    public static int maxDataLength(long maxData) {
        return 1 + Varint.length(maxData);
    }

    public static void writeMaxData(ByteBuffer buffer, long maxData) {
        buffer.put((byte) FrameType.MAX_DATA);
        Varint.write(buffer, maxData);
    }

    /** The UTF-8 bytes a CLOSE frame will carry for {@code text}, cut at a character boundary to fit the limit. */
    public static byte[] closeTextBytes(String text) {
        // Every character takes at least one byte, so start from at most the limit in characters.
        String cut = text.codePointCount(0, text.length()) > MAX_CLOSE_TEXT_BYTES
                ? text.substring(0, text.offsetByCodePoints(0, MAX_CLOSE_TEXT_BYTES)) : text;
        byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
        while (bytes.length > MAX_CLOSE_TEXT_BYTES) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
            bytes = cut.getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    public static int closeLength(byte[] text) {
        return 2 + Varint.length(text.length) + text.length;
    }

    public static void writeClose(ByteBuffer buffer, int reasonCode, byte[] text) {
        buffer.put((byte) FrameType.CLOSE).put((byte) reasonCode);
        Varint.write(buffer, text.length);
        buffer.put(text);
    }

    /** Bytes of a MESSAGE frame carrying {@code length} payload bytes. */
    public static int messageLength(long sequence, int length) {
        return 2 + Varint.length(sequence) + Varint.length(length) + length;
    }

    public static void writeMessage(ByteBuffer buffer, int channel, long sequence, byte[] payload, int length) {
        buffer.put((byte) FrameType.MESSAGE).put((byte) channel);
        Varint.write(buffer, sequence);
        Varint.write(buffer, length);
        buffer.put(payload, 0, length);
    }

    /** Bytes of a MESSAGE_NEXT frame carrying {@code length} payload bytes. */
    public static int messageNextLength(int length) {
        return 1 + Varint.length(length) + length;
    }

    public static void writeMessageNext(ByteBuffer buffer, byte[] payload, int length) {
        buffer.put((byte) FrameType.MESSAGE_NEXT);
        Varint.write(buffer, length);
        buffer.put(payload, 0, length);
    }

    /** Bytes of a FRAGMENT frame's header (everything before the payload). */
    public static int fragmentHeaderLength(long sequence, int messageLength, int fragmentSize, int fragmentIndex) {
        return 2 + Varint.length(sequence) + Varint.length(messageLength) + Varint.length(fragmentSize)
                + Varint.length(fragmentIndex);
    }

    public static void writeFragment(ByteBuffer buffer, int channel, long sequence, byte[] message, int messageLength,
                                     int fragmentSize, int fragmentIndex) {
        buffer.put((byte) FrameType.FRAGMENT).put((byte) channel);
        Varint.write(buffer, sequence);
        Varint.write(buffer, messageLength);
        Varint.write(buffer, fragmentSize);
        Varint.write(buffer, fragmentIndex);
        int offset = fragmentIndex * fragmentSize;
        buffer.put(message, offset, Math.min(fragmentSize, messageLength - offset));
    }
}
