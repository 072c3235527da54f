package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Walks the frames of one DATA packet without copying or allocating (a flyweight over the datagram).
 * Call {@link #reset}, then {@link #next()} until it returns false; after each {@code true} the
 * accessors describe the current frame. Message payloads are left in the datagram: read them at
 * {@link #payloadOffset()} before the datagram buffer is reused.
 *
 * <p>Layouts are in {@link FrameType}. Any inconsistency throws {@link ProtocolException}; the caller
 * drops the rest of the packet and does not acknowledge it.
 */
public final class FrameReader {
    private final AckFrame ack = new AckFrame();
    private ByteBuffer buffer;
    private int end;

    private int type;
    private int channel;
    private long sequence;
    private int payloadOffset;
    private int payloadLength;
    private long messageLength;
    private int fragmentSize;
    private int fragmentIndex;
    private long value;
    private int closeReasonCode;
    private String closeText;
    private boolean hasPreviousMessage;

    /** Starts reading frames in [start, end) of {@code datagram}. */
    public void reset(ByteBuffer datagram, int start, int end) {
        this.buffer = datagram;
        this.end = end;
        datagram.limit(end).position(start);
        hasPreviousMessage = false;
    }

    /** Decodes the next frame; false when the packet has no more. */
    public boolean next() throws ProtocolException {
        if (buffer.position() >= end) {
            return false;
        }
        type = buffer.get() & 0xFF;
        switch (type) {
            case FrameType.PADDING -> buffer.position(end);
            case FrameType.ACK -> ack.decode(buffer);
            case FrameType.PING, FrameType.PONG, FrameType.PATH_CHALLENGE, FrameType.PATH_RESPONSE -> {
                require(8);
                value = buffer.getLong();
            }
            case FrameType.MAX_DATA -> value = Varint.read(buffer);
            case FrameType.CLOSE -> readClose();
            case FrameType.MESSAGE -> {
                channel = readUnsignedByte();
                sequence = Varint.read(buffer);
                readPayload(Varint.readInt(buffer, end));
                hasPreviousMessage = true;
            }
            case FrameType.MESSAGE_NEXT -> {
                if (!hasPreviousMessage) {
                    throw ProtocolException.of(DropReason.MALFORMED_FRAME);
                }
                sequence++;
                readPayload(Varint.readInt(buffer, end));
            }
            case FrameType.FRAGMENT -> readFragment();
            default -> throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        return true;
    }

    private void readFragment() throws ProtocolException {
        channel = readUnsignedByte();
        sequence = Varint.read(buffer);
        messageLength = Varint.read(buffer);
        fragmentSize = Varint.readInt(buffer, Integer.MAX_VALUE);
        fragmentIndex = Varint.readInt(buffer, Integer.MAX_VALUE);
        // A message is only fragmented when it does not fit one frame, so every fragment is smaller
        // than its message; refusing anything else also keeps fragment counts far from int overflow.
        if (fragmentSize == 0 || messageLength == 0 || fragmentSize >= messageLength) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        long offset = (long) fragmentIndex * fragmentSize;
        if (offset >= messageLength) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        readPayload((int) Math.min(fragmentSize, messageLength - offset));
        hasPreviousMessage = false;
    }

    private void readClose() throws ProtocolException {
        closeReasonCode = readUnsignedByte();
        int length = Varint.readInt(buffer, end);
        require(length);
        byte[] text = new byte[length];
        buffer.get(text);
        closeText = new String(text, StandardCharsets.UTF_8);
    }

    private void readPayload(int length) throws ProtocolException {
        require(length);
        payloadOffset = buffer.position();
        payloadLength = length;
        buffer.position(payloadOffset + length);
    }

    private int readUnsignedByte() throws ProtocolException {
        require(1);
        return buffer.get() & 0xFF;
    }

    private void require(int bytes) throws ProtocolException {
        if (end - buffer.position() < bytes) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
    }

    /** The current frame's type ({@link FrameType}); MESSAGE_NEXT is reported as itself. */
    public int type() {
        return type;
    }

    /** The current ACK frame (valid when {@code type() == ACK}). */
    public AckFrame ack() {
        return ack;
    }

    /** Channel of the current MESSAGE, MESSAGE_NEXT or FRAGMENT. */
    public int channel() {
        return channel;
    }

    /** Message sequence number on its channel. */
    public long sequence() {
        return sequence;
    }

    /** Where the current payload starts in the datagram buffer. */
    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Whole message length announced by a FRAGMENT. */
    public long messageLength() {
        return messageLength;
    }

    public int fragmentSize() {
        return fragmentSize;
    }

    public int fragmentIndex() {
        return fragmentIndex;
    }

    /** The u64 of PING, PONG, PATH_CHALLENGE and PATH_RESPONSE, or the MAX_DATA limit. */
    public long value() {
        return value;
    }

    public int closeReasonCode() {
        return closeReasonCode;
    }

    public String closeText() {
        return closeText;
    }

    /** The datagram being read (for copying payloads). */
    public ByteBuffer buffer() {
        return buffer;
    }
}
