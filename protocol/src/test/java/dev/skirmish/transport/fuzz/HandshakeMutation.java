package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.wire.PacketType;
import java.util.SplittableRandom;

/**
 * Named ways to damage a handshake packet (CONNECT, CHALLENGE, ACCEPT, REJECT) given without its
 * checksum trailer; the caller appends a valid checksum so the damage reaches the decoder. Offsets
 * are those drawn in {@link dev.skirmish.transport.wire.HandshakePacket}. Each returns a new array.
 */
enum HandshakeMutation {
    /** One to four bits flipped anywhere, version and type included. */
    FLIP_BITS {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return FrameMutation.FLIP_BITS.apply(body, random);
        }
    },
    /** Cut at any point (a CONNECT then falls short of its padding, or of its own fields). */
    TRUNCATE {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return body.length == 0 ? body : FrameMutation.splice(body, random.nextInt(body.length), body.length, NONE);
        }
    },
    /** Random bytes appended. */
    EXTEND {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            byte[] tail = new byte[1 + random.nextInt(300)];
            random.nextBytes(tail);
            return FrameMutation.splice(body, body.length, body.length, tail);
        }
    },
    /** The cookie length of a CONNECT or CHALLENGE replaced by a lie (past the end, over the maximum, zero). */
    LIE_COOKIE_LENGTH {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return setByte(body, cookieLengthOffset(body), COOKIE_LENGTH_LIES, random);
        }
    },
    /** The cookie's bytes replaced by random ones, its length kept. */
    RANDOM_COOKIE {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return randomizeCounted(body, cookieLengthOffset(body), random);
        }
    },
    /** The channel count of a CONNECT replaced by a lie (too many, too few, over the maximum). */
    LIE_CHANNEL_COUNT {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return setByte(body, type(body) == PacketType.CONNECT ? CONNECT_CHANNEL_COUNT : -1, CHANNEL_COUNT_LIES,
                    random);
        }
    },
    /** The channel modes of a CONNECT replaced by random bytes. */
    RANDOM_CHANNEL_MODES {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return randomizeCounted(body, type(body) == PacketType.CONNECT ? CONNECT_CHANNEL_COUNT : -1, random);
        }
    },
    /** Datagram size, receive window and ack delay of a CONNECT or ACCEPT set to extremes. */
    EXTREME_PARAMETERS {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            int at = type(body) == PacketType.CONNECT ? 10 : type(body) == PacketType.ACCEPT ? 18 : -1;
            if (at < 0 || body.length < at + 10) {
                return FLIP_BITS.apply(body, random);
            }
            byte[] out = body.clone();
            for (int i = at; i < at + 10; i++) {
                out[i] = (byte) (random.nextBoolean() ? 0 : random.nextBoolean() ? 0xFF : random.nextInt(256));
            }
            return out;
        }
    },
    /** The text length of a REJECT replaced by a lie. */
    LIE_REJECT_TEXT_LENGTH {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return setByte(body, type(body) == PacketType.REJECT ? REJECT_TEXT_LENGTH : -1, TEXT_LENGTH_LIES, random);
        }
    },
    /** The type byte changed to another packet type, so the fields are read as another layout. */
    SWAP_TYPE {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            return setByte(body, PacketType.TYPE_OFFSET, TYPES, random);
        }
    },
    /** A version byte that is not ours (answered with a REJECT when the packet is a CONNECT). */
    WRONG_VERSION {
        @Override
        byte[] apply(byte[] body, SplittableRandom random) {
            if (body.length == 0) {
                return body;
            }
            byte[] out = body.clone();
            out[PacketType.VERSION_OFFSET] = (byte) (PacketType.PROTOCOL_VERSION + 1 + random.nextInt(255));
            return out;
        }
    };

    private static final int CONNECT_CHANNEL_COUNT = 20;
    private static final int CHALLENGE_COOKIE_LENGTH = 10;
    private static final int REJECT_TEXT_LENGTH = 12;
    private static final int[] COOKIE_LENGTH_LIES = {0, 1, 27, 28, 29, 63, 64, 65, 200, 255};
    private static final int[] CHANNEL_COUNT_LIES = {0, 1, 3, 5, 63, 64, 65, 128, 255};
    private static final int[] TEXT_LENGTH_LIES = {0, 1, 100, 200, 254, 255};
    private static final int[] TYPES = {PacketType.CONNECT, PacketType.CHALLENGE, PacketType.ACCEPT, PacketType.REJECT,
        PacketType.DATA, 0x00, 0x05, 0x11, 0xFF};
    private static final byte[] NONE = new byte[0];
    private static final HandshakeMutation[] VALUES = values();

    /** A new, damaged copy of {@code body} (a handshake packet without its trailer). */
    abstract byte[] apply(byte[] body, SplittableRandom random);

    static HandshakeMutation pick(SplittableRandom random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static int type(byte[] body) {
        return body.length > PacketType.TYPE_OFFSET ? body[PacketType.TYPE_OFFSET] & 0xFF : -1;
    }

    /** Offset of the cookie length byte of a CONNECT or CHALLENGE, or -1. */
    private static int cookieLengthOffset(byte[] body) {
        if (type(body) == PacketType.CHALLENGE) {
            return CHALLENGE_COOKIE_LENGTH;
        }
        if (type(body) == PacketType.CONNECT && body.length > CONNECT_CHANNEL_COUNT) {
            return CONNECT_CHANNEL_COUNT + 1 + (body[CONNECT_CHANNEL_COUNT] & 0xFF);
        }
        return -1;
    }

    /**
     * {@code body} with the bytes counted by the byte at {@code countOffset} (those right after it)
     * replaced by random ones; bits flipped if there is no such count.
     */
    private static byte[] randomizeCounted(byte[] body, int countOffset, SplittableRandom random) {
        if (countOffset < 0 || countOffset >= body.length) {
            return FLIP_BITS.apply(body, random);
        }
        byte[] out = body.clone();
        int end = Math.min(out.length, countOffset + 1 + (out[countOffset] & 0xFF));
        for (int i = countOffset + 1; i < end; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** {@code body} with the byte at {@code offset} set to one of {@code choices} (or random); bits flipped if there is no such byte. */
    private static byte[] setByte(byte[] body, int offset, int[] choices, SplittableRandom random) {
        if (offset < 0 || offset >= body.length) {
            return FLIP_BITS.apply(body, random);
        }
        byte[] out = body.clone();
        out[offset] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : choices[random.nextInt(choices.length)]);
        return out;
    }
}
