package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.wire.FrameType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Named ways to damage a frame sequence (the bytes between a DATA header and its checksum), from
 * blind bit flips to lies placed in one length field or a whole {@link HostileFrame} spliced in at a
 * frame boundary. Each returns a new array and leaves its input alone.
 */
enum FrameMutation {
    /** One to four bits flipped anywhere. */
    FLIP_BITS {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            return changeRandomBytes(frames, 1 + random.nextInt(4), random,
                    old -> (byte) (old ^ (1 << random.nextInt(8))));
        }
    },
    /** One to three bytes set to values that sit on varint and type boundaries. */
    OVERWRITE_BYTES {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            return changeRandomBytes(frames, 1 + random.nextInt(3), random, old -> (byte) (random.nextInt(3) == 0
                    ? random.nextInt(256) : INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]));
        }
    },
    /** The sequence cut at any point. */
    TRUNCATE {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            return frames.length == 0 ? frames : splice(frames, random.nextInt(frames.length), frames.length, NOTHING);
        }
    },
    /** The sequence cut strictly inside one frame, so that frame's last field comes up short. */
    CUT_INSIDE_FRAME {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            FrameLayout.Frame frame = FrameLayout.of(frames).randomFrame(random);
            if (frame == null) {
                return frames;
            }
            if (frame.end() - frame.start() < 2) {
                return splice(frames, frame.start(), frames.length, NOTHING);
            }
            return splice(frames, frame.start() + 1 + random.nextInt(frame.end() - frame.start() - 1), frames.length,
                    NOTHING);
        }
    },
    /** One varint field (length, count, sequence, range) or channel byte replaced by a lie. */
    LIE_IN_FIELD {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            List<FrameLayout.Field> fields = FrameLayout.of(frames).fields();
            if (fields.isEmpty()) {
                return FLIP_BITS.apply(frames, random);
            }
            FrameLayout.Field field = fields.get(random.nextInt(fields.size()));
            ByteBuffer lie = ByteBuffer.allocate(8);
            if (field.varint()) {
                RawVarint.writeAnyWidth(lie, RawVarint.lieAbout(field.value(), random), random);
            } else {
                lie.put((byte) (random.nextBoolean() ? random.nextInt(256) : random.nextInt(8)));
            }
            return splice(frames, field.offset(), field.offset() + field.width(), bytesOf(lie));
        }
    },
    /** A hostile frame inserted at a frame boundary. */
    INSERT_HOSTILE_FRAME {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            int[] boundaries = FrameLayout.of(frames).boundaries();
            int at = boundaries[random.nextInt(boundaries.length)];
            return splice(frames, at, at, HostileFrame.pick(random).bytes(random));
        }
    },
    /** One frame replaced by a hostile frame. */
    REPLACE_FRAME {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            FrameLayout.Frame frame = FrameLayout.of(frames).randomFrame(random);
            if (frame == null) {
                return HostileFrame.pick(random).bytes(random);
            }
            return splice(frames, frame.start(), frame.end(), HostileFrame.pick(random).bytes(random));
        }
    },
    /** The whole sequence replaced by one to four hostile frames. */
    ONLY_HOSTILE_FRAMES {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            byte[] out = NOTHING;
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                out = splice(out, out.length, out.length, HostileFrame.pick(random).bytes(random));
            }
            return out;
        }
    },
    /** One frame repeated right after itself (a MESSAGE twice, an ACK twice). */
    DUPLICATE_FRAME {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            FrameLayout.Frame frame = FrameLayout.of(frames).randomFrame(random);
            if (frame == null) {
                return frames;
            }
            byte[] copy = Arrays.copyOfRange(frames, frame.start(), frame.end());
            return splice(frames, frame.end(), frame.end(), copy);
        }
    },
    /** Two frames swapped, which can leave a MESSAGE_NEXT without its MESSAGE. */
    SWAP_FRAMES {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            List<FrameLayout.Frame> layout = FrameLayout.of(frames).frames();
            if (layout.size() < 2) {
                return FLIP_BITS.apply(frames, random);
            }
            int first = random.nextInt(layout.size() - 1);
            FrameLayout.Frame a = layout.get(first);
            FrameLayout.Frame b = layout.get(first + 1 + random.nextInt(layout.size() - first - 1));
            ByteBuffer out = ByteBuffer.allocate(frames.length);
            out.put(frames, 0, a.start());
            out.put(frames, b.start(), b.end() - b.start());
            out.put(frames, a.end(), b.start() - a.end());
            out.put(frames, a.start(), a.end() - a.start());
            out.put(frames, b.end(), frames.length - b.end());
            return out.array();
        }
    },
    /** One frame's type byte changed to another known type, so its fields are read as another layout. */
    RETYPE_FRAME {
        @Override
        byte[] apply(byte[] frames, SplittableRandom random) {
            FrameLayout.Frame frame = FrameLayout.of(frames).randomFrame(random);
            if (frame == null) {
                return frames;
            }
            byte[] out = frames.clone();
            out[frame.start()] = (byte) RETYPES[random.nextInt(RETYPES.length)];
            return out;
        }
    };

    /** Type bytes a frame may be changed to; CLOSE is left out so a retyped frame rarely ends the connection. */
    private static final int[] RETYPES = {
        FrameType.PADDING, FrameType.ACK, FrameType.PING, FrameType.PONG, FrameType.MAX_DATA, FrameType.PATH_CHALLENGE,
        FrameType.PATH_RESPONSE, FrameType.MESSAGE, FrameType.MESSAGE_NEXT, FrameType.FRAGMENT
    };
    /** Varint prefixes and edges, and frame types (CLOSE left out, as for {@link #RETYPES}). */
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x10, 0x11, 0x12, 0x3F, 0x40, 0x7F, 0x80, 0xBF, 0xC0,
        0xFF};
    private static final byte[] NOTHING = new byte[0];
    private static final FrameMutation[] VALUES = values();

    /** A new, damaged copy of {@code frames}. */
    abstract byte[] apply(byte[] frames, SplittableRandom random);

    static FrameMutation pick(SplittableRandom random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** A copy of {@code bytes} with {@code count} bytes at random positions changed by {@code change}. */
    static byte[] changeRandomBytes(byte[] bytes, int count, SplittableRandom random, IntUnaryOperator change) {
        byte[] out = bytes.clone();
        for (int i = 0; i < count && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            out[at] = (byte) change.applyAsInt(out[at]);
        }
        return out;
    }

    /** {@code bytes} with [from, to) replaced by {@code insert}. */
    static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    private static byte[] bytesOf(ByteBuffer written) {
        byte[] bytes = new byte[written.position()];
        written.flip().get(bytes);
        return bytes;
    }
}
