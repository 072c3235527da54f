package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.Varint;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Hand-made frames that a compliant peer never sends: each constant writes one (or, where the point
 * is the combination, two) frames with one specific lie, named for it. Layouts are those of
 * {@link FrameType}. Some are well formed but hostile (a plausible forged message or fragment, a
 * CLOSE); their {@link #weight} is small where they end the connection they reach.
 */
enum HostileFrame {
    /** A type byte no version defines. */
    UNKNOWN_TYPE(6) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int type = random.nextBoolean() ? 0x08 + random.nextInt(8) : 0x13 + random.nextInt(0xFF - 0x13 + 1);
            out.put((byte) type);
            randomBytes(out, random.nextInt(9), random);
        }
    },
    /** Acknowledges a packet number far beyond anything sent. */
    ACK_OF_UNSENT_PACKET(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            ack(out, random, 1L << (20 + random.nextInt(42)), random.nextLong(Varint.MAX_VALUE), 0, 0);
        }
    },
    /** A first range longer than the largest acknowledged number, reaching below zero. */
    ACK_FIRST_RANGE_BELOW_ZERO(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long largest = random.nextInt(1000);
            ack(out, random, largest, 0, 0, largest + 1 + random.nextInt(1000));
        }
    },
    /** Announces more extra ranges than any ACK may have. */
    ACK_TOO_MANY_RANGES(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long extra = random.nextBoolean() ? 64 + random.nextInt(64) : RawVarint.lieAbout(64, random) + 64;
            ack(out, random, random.nextInt(1000), 0, Math.min(extra, Varint.MAX_VALUE), 0);
        }
    },
    /** Gap and length fields that push a range below packet number zero. */
    ACK_GAP_BELOW_ZERO(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long largest = random.nextInt(100);
            ack(out, random, largest, 0, 1, random.nextInt((int) largest + 1));
            RawVarint.writeAnyWidth(out, 100 + random.nextInt(1000), random);
            RawVarint.writeAnyWidth(out, random.nextInt(10), random);
        }
    },
    /** Up to 63 extra ranges of huge gaps and lengths: absurd but possibly in range. */
    ACK_ABSURD_RANGES(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int extra = random.nextInt(64);
            ack(out, random, random.nextLong(Varint.MAX_VALUE), random.nextLong(Varint.MAX_VALUE), extra,
                    random.nextLong(1L << 40));
            for (int i = 0; i < extra; i++) {
                RawVarint.writeAnyWidth(out, random.nextLong(1L << (1 + random.nextInt(40))), random);
                RawVarint.writeAnyWidth(out, random.nextLong(1L << (1 + random.nextInt(40))), random);
            }
        }
    },
    /** Announces extra ranges and then stops. */
    ACK_CUT_SHORT(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            ack(out, random, 500 + random.nextInt(1000), 0, 2 + random.nextInt(60), random.nextInt(10));
            RawVarint.writeAnyWidth(out, random.nextInt(10), random);
        }
    },
    /** A plausible ACK of small packet numbers with an absurd delay. */
    ACK_HUGE_DELAY(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long largest = random.nextInt(200);
            ack(out, random, largest, Varint.MAX_VALUE - random.nextInt(1000), 0, random.nextInt((int) largest + 1));
        }
    },
    /** A fragment of size zero. */
    FRAGMENT_SIZE_ZERO(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            fragment(out, random, random.nextInt(4), random.nextInt(100), 100 + random.nextInt(5000), 0, 0, 10);
        }
    },
    /** A fragment of a message of length zero. */
    FRAGMENT_OF_EMPTY_MESSAGE(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            fragment(out, random, random.nextInt(4), random.nextInt(100), 0, 1 + random.nextInt(1000), 0, 10);
        }
    },
    /** A fragment index that starts past the end of the message. */
    FRAGMENT_INDEX_PAST_END(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int size = 1 + random.nextInt(1100);
            int length = 1 + random.nextInt(10_000);
            int index = (length + size - 1) / size + random.nextInt(1000);
            fragment(out, random, random.nextInt(4), random.nextInt(100), length, size, index, 20);
        }
    },
    /** A message length beyond the configured maximum message size (and beyond an int). */
    FRAGMENT_OF_HUGE_MESSAGE(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long length = random.nextBoolean() ? 262_145 + random.nextInt(1 << 20) : random.nextLong(1L << 40, Varint.MAX_VALUE);
            fragment(out, random, random.nextInt(4), random.nextInt(100), length, 1000, random.nextInt(200), 30);
        }
    },
    /** A fragment size near or beyond the int range, so index arithmetic on ints overflows. */
    FRAGMENT_SIZE_NEAR_INT_MAX(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            long size = random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(1000) : (1L << 31) + random.nextInt(1000);
            fragment(out, random, random.nextInt(4), random.nextInt(100), 1 + random.nextInt(2000), size, 0, 40);
        }
    },
    /** Geometry that fits but whose payload is shorter than it claims. */
    FRAGMENT_PAYLOAD_SHORT(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int size = 200 + random.nextInt(900);
            fragment(out, random, random.nextInt(4), random.nextInt(100), size * 3L, size, random.nextInt(3), 0);
            randomBytes(out, random.nextInt(size / 2), random);
        }
    },
    /** A fragment on a channel that does not exist. */
    FRAGMENT_UNKNOWN_CHANNEL(2) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            fragment(out, random, 4 + random.nextInt(252), random.nextInt(100), 2000, 1000, random.nextInt(2), 1000);
        }
    },
    /** A well-formed fragment with a plausible sequence: a forged piece of a message. */
    FRAGMENT_FORGED(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int size = 1 + random.nextInt(1000);
            int length = 1 + random.nextInt(8000);
            int index = random.nextInt((length + size - 1) / size);
            int payload = Math.min(size, length - index * size);
            fragment(out, random, random.nextInt(4), random.nextInt(3000), length, size, index, payload);
        }
    },
    /** A CLOSE whose text length runs past the end of the packet. */
    CLOSE_TEXT_OVERRUNS(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.CLOSE).put((byte) random.nextInt(256));
            RawVarint.writeAnyWidth(out, 300 + random.nextInt(100_000), random);
            randomBytes(out, random.nextInt(20), random);
        }
    },
    /** A CLOSE whose text length is the largest varint. */
    CLOSE_TEXT_HUGE(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.CLOSE).put((byte) random.nextInt(256));
            RawVarint.write(out, Varint.MAX_VALUE - random.nextInt(100), 8);
        }
    },
    /** A CLOSE frame cut after its type byte. */
    CLOSE_CUT_SHORT(2) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.CLOSE);
        }
    },
    /** A well-formed CLOSE with an unknown reason and text that is not UTF-8: ends the connection. */
    CLOSE_FORGED(1) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.CLOSE).put((byte) random.nextInt(256));
            lengthAndBytes(out, random.nextInt(40), random);
        }
    },
    /** MESSAGE_NEXT with no MESSAGE before it (written first in a packet, or after a FRAGMENT). */
    MESSAGE_NEXT_ORPHAN(5) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            if (random.nextBoolean()) {
                fragment(out, random, random.nextInt(4), random.nextInt(100), 10, 10, 0, 10);
            }
            out.put((byte) FrameType.MESSAGE_NEXT);
            lengthAndBytes(out, random.nextInt(30), random);
        }
    },
    /** A message on a channel that does not exist. */
    MESSAGE_UNKNOWN_CHANNEL(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            message(out, random, 4 + random.nextInt(252), random.nextInt(100), 1 + random.nextInt(40));
        }
    },
    /** A message with a sequence number far ahead of any channel window. */
    MESSAGE_BEYOND_WINDOW(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            message(out, random, random.nextInt(4), random.nextLong(1 << 20, Varint.MAX_VALUE), 1 + random.nextInt(40));
        }
    },
    /** A message length that runs past the end of the packet. */
    MESSAGE_LENGTH_OVERRUNS(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.MESSAGE).put((byte) random.nextInt(4));
            RawVarint.writeAnyWidth(out, random.nextInt(100), random);
            RawVarint.writeAnyWidth(out, 1200 + random.nextInt(1 << 20), random);
            randomBytes(out, random.nextInt(20), random);
        }
    },
    /** A message length beyond an int. */
    MESSAGE_LENGTH_HUGE(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.MESSAGE).put((byte) random.nextInt(4));
            RawVarint.writeAnyWidth(out, random.nextInt(100), random);
            RawVarint.write(out, random.nextLong(1L << 31, Varint.MAX_VALUE), 8);
        }
    },
    /** A well-formed message with a plausible sequence: forged data. */
    MESSAGE_FORGED(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            message(out, random, random.nextInt(4), random.nextInt(3000), random.nextInt(60));
        }
    },
    /** MAX_DATA of zero or of the largest varint. */
    MAX_DATA_EXTREME(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.MAX_DATA);
            RawVarint.writeAnyWidth(out, random.nextBoolean() ? 0 : Varint.MAX_VALUE, random);
        }
    },
    /** A PING, PONG, PATH_CHALLENGE or PATH_RESPONSE with fewer than its eight bytes. */
    U64_FRAME_CUT_SHORT(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) (FrameType.PING + random.nextInt(5)));
            randomBytes(out, random.nextInt(8), random);
        }
    },
    /** A PONG, PATH_CHALLENGE or PATH_RESPONSE carrying a random value. */
    U64_FRAME_RANDOM(4) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int[] types = {FrameType.PONG, FrameType.PATH_CHALLENGE, FrameType.PATH_RESPONSE, FrameType.PING};
            out.put((byte) types[random.nextInt(types.length)]).putLong(random.nextLong());
        }
    },
    /** PADDING, which swallows the rest of the packet, followed by junk. */
    PADDING_THEN_JUNK(2) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            out.put((byte) FrameType.PADDING);
            randomBytes(out, random.nextInt(30), random);
        }
    },
    /** A frame whose first varint announces eight bytes and gets fewer. */
    VARINT_CUT_SHORT(3) {
        @Override
        void write(ByteBuffer out, SplittableRandom random) {
            int[] types = {FrameType.ACK, FrameType.MAX_DATA, FrameType.MESSAGE_NEXT};
            out.put((byte) types[random.nextInt(types.length)]);
            out.put((byte) (0xC0 | random.nextInt(64)));
            randomBytes(out, random.nextInt(7), random);
        }
    };

    /** How often {@link #pick} chooses this frame, relative to the others. */
    final int weight;

    HostileFrame(int weight) {
        this.weight = weight;
    }

    /** Writes the frame at the buffer's position. */
    abstract void write(ByteBuffer out, SplittableRandom random);

    private static final HostileFrame[] VALUES = values();
    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (HostileFrame frame : VALUES) {
            total += frame.weight;
        }
        TOTAL_WEIGHT = total;
    }

    /** A frame kind chosen at random, by weight. */
    static HostileFrame pick(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (HostileFrame frame : VALUES) {
            ticket -= frame.weight;
            if (ticket < 0) {
                return frame;
            }
        }
        throw new AssertionError("weights do not add up");
    }

    /** The frame's bytes. */
    byte[] bytes(SplittableRandom random) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        write(out, random);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static void ack(ByteBuffer out, SplittableRandom random, long largest, long delayMicros, long extraRanges,
                            long firstRange) {
        out.put((byte) FrameType.ACK);
        RawVarint.writeAnyWidth(out, largest, random);
        RawVarint.writeAnyWidth(out, delayMicros, random);
        RawVarint.writeAnyWidth(out, extraRanges, random);
        RawVarint.writeAnyWidth(out, firstRange, random);
    }

    private static void message(ByteBuffer out, SplittableRandom random, int channel, long sequence, int length) {
        out.put((byte) FrameType.MESSAGE).put((byte) channel);
        RawVarint.writeAnyWidth(out, sequence, random);
        lengthAndBytes(out, length, random);
    }

    /** A varint length and that many random bytes. */
    private static void lengthAndBytes(ByteBuffer out, int length, SplittableRandom random) {
        RawVarint.writeAnyWidth(out, length, random);
        randomBytes(out, length, random);
    }

    private static void fragment(ByteBuffer out, SplittableRandom random, int channel, long sequence, long messageLength,
                                 long fragmentSize, long index, int payloadBytes) {
        out.put((byte) FrameType.FRAGMENT).put((byte) channel);
        RawVarint.writeAnyWidth(out, sequence, random);
        RawVarint.writeAnyWidth(out, messageLength, random);
        RawVarint.writeAnyWidth(out, fragmentSize, random);
        RawVarint.writeAnyWidth(out, index, random);
        randomBytes(out, payloadBytes, random);
    }

    private static void randomBytes(ByteBuffer out, int count, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            out.put((byte) random.nextInt(256));
        }
    }
}
