package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the frames of a frame sequence start and end, and where their length, count and number
 * fields sit, so a mutation can lie in exactly one field. Frame boundaries come from
 * {@link FrameReader} itself; bytes after the first frame it refuses form one opaque tail.
 */
final class FrameLayout {
    /** One frame: [start, end) of the sequence, and its type byte. */
    record Frame(int start, int end, int type) {
    }

    /**
     * One field inside a frame: a varint at {@code offset} taking {@code width} bytes, or (when
     * {@code varint} is false) a single byte such as a channel number.
     */
    record Field(int offset, int width, long value, boolean varint) {
    }

    private final List<Frame> frames = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final int length;
    private long lastValue;

    private FrameLayout(int length) {
        this.length = length;
    }

    /** The layout of {@code frames}, a frame sequence as it sits between a DATA header and the checksum. */
    static FrameLayout of(byte[] frames) {
        FrameLayout layout = new FrameLayout(frames.length);
        ByteBuffer buffer = ByteBuffer.wrap(frames);
        FrameReader reader = new FrameReader();
        reader.reset(buffer, 0, frames.length);
        int start = 0;
        try {
            while (reader.next()) {
                int end = buffer.position();
                layout.frames.add(new Frame(start, end, reader.type()));
                layout.findFields(frames, start, end, reader.type());
                start = end;
            }
        } catch (ProtocolException | RuntimeException refused) {
            // Anything but a ProtocolException is a reader bug for the decoder fuzz to report; here it
            // only ends the layout.
            layout.frames.add(new Frame(start, frames.length, -1));
        }
        return layout;
    }

    List<Frame> frames() {
        return frames;
    }

    List<Field> fields() {
        return fields;
    }

    /** One of the frames chosen at random, or null if there are none. */
    Frame randomFrame(SplittableRandom random) {
        return frames.isEmpty() ? null : frames.get(random.nextInt(frames.size()));
    }

    /** Offsets where a frame may be inserted: every frame boundary, the start and the end. */
    int[] boundaries() {
        int[] boundaries = new int[frames.size() + 1];
        for (int i = 0; i < frames.size(); i++) {
            boundaries[i] = frames.get(i).start();
        }
        boundaries[frames.size()] = length;
        return boundaries;
    }

    private void findFields(byte[] bytes, int start, int end, int type) {
        int at = start + 1;
        switch (type) {
            case FrameType.ACK -> {
                at = varint(bytes, at, end);
                at = varint(bytes, at, end);
                at = varint(bytes, at, end);
                long extra = at < 0 ? 0 : lastValue;
                at = varint(bytes, at, end);
                for (long i = 0; i < extra && at >= 0; i++) {
                    at = varint(bytes, at, end);
                    at = varint(bytes, at, end);
                }
            }
            case FrameType.MAX_DATA, FrameType.MESSAGE_NEXT -> varint(bytes, at, end);
            case FrameType.CLOSE, FrameType.MESSAGE -> {
                fields.add(new Field(at, 1, bytes[at] & 0xFF, false));
                at = varint(bytes, at + 1, end);
                if (type == FrameType.MESSAGE) {
                    varint(bytes, at, end);
                }
            }
            case FrameType.FRAGMENT -> {
                fields.add(new Field(at, 1, bytes[at] & 0xFF, false));
                at = at + 1;
                for (int i = 0; i < 4; i++) {
                    at = varint(bytes, at, end);
                }
            }
            default -> {
            }
        }
    }

    /** Records the varint at {@code at} and returns the offset after it, or -1 if it does not fit before {@code end}. */
    private int varint(byte[] bytes, int at, int end) {
        if (at < 0 || at >= end) {
            return -1;
        }
        int width = RawVarint.widthOfFirstByte(bytes[at]);
        if (at + width > end) {
            return -1;
        }
        long value = bytes[at] & 0x3F;
        for (int i = 1; i < width; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        fields.add(new Field(at, width, value, true));
        lastValue = value;
        return at + width;
    }
}
