package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.wire.AckFrame;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct fuzzing of the two decoders that see hostile bytes: {@link FrameReader} and
 * {@link HandshakePacket#decode}. Over more than 100,000 random, genuine and mutated inputs each,
 * a decoder may only return normally, with results that stay inside its input, or throw
 * {@link ProtocolException}; and everything the transport's own encoders write decodes back.
 * Inputs sit at a random offset inside a larger buffer, between random bytes, so that a decoder
 * reading outside its [start, end) shows. The seed is fixed; failures name it and the input.
 */
@Timeout(60)
class WireDecoderFuzzTest {
    private static final Logger LOG = LoggerFactory.getLogger(WireDecoderFuzzTest.class);
    private static final long SEED = Long.getLong("skirmish.fuzz.seed", 0x5EED_F022L);
    private static final int INPUTS = 120_000;
    private static final HexFormat HEX = HexFormat.of();

    private final List<String> failures = new ArrayList<>();
    private final Map<DropReason, Long> refusals = new EnumMap<>(DropReason.class);
    private long accepted;

    @Test
    void frameReaderOnlyReturnsInsideItsInputOrThrowsProtocolException() {
        SplittableRandom random = new SplittableRandom(SEED);
        FrameReader reader = new FrameReader();
        int[] frameCount = new int[1];
        for (int input = 0; input < INPUTS; input++) {
            int roll = random.nextInt(100);
            String kind;
            byte[] frames;
            if (roll < 15) {
                kind = "random";
                frames = new byte[random.nextInt(1500)];
                random.nextBytes(frames);
            } else if (roll < 30) {
                kind = "genuine";
                frames = GenuineFrames.random(random, frameCount);
                int decoded = readAll(reader, frames, random, input, kind);
                if (decoded != frameCount[0]) {
                    fail(input, kind, frames, "decoded " + decoded + " frames of the " + frameCount[0] + " written");
                }
                continue;
            } else if (roll < 90) {
                frames = GenuineFrames.random(random, frameCount);
                StringBuilder names = new StringBuilder();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    FrameMutation mutation = FrameMutation.pick(random);
                    frames = mutation.apply(frames, random);
                    names.append(names.length() == 0 ? "" : "+").append(mutation);
                }
                kind = names.toString();
            } else {
                kind = "hostile frames";
                frames = FrameMutation.ONLY_HOSTILE_FRAMES.apply(new byte[0], random);
            }
            readAll(reader, frames, random, input, kind);
        }
        LOG.info("FrameReader: {} inputs, {} read to the end, refused {}", INPUTS, accepted, refusals);
        assertTrue(failures.isEmpty(), "seed " + SEED + ": " + failures.size() + " failure(s):\n" + String.join("\n", failures));
        assertTrue(refusals.getOrDefault(DropReason.MALFORMED_FRAME, 0L) > 1_000 && refusals.getOrDefault(DropReason.TRUNCATED, 0L) > 1_000,
                "seed " + SEED + ": the inputs hardly reached the checks: " + refusals);
    }

    @Test
    void handshakeDecodeOnlyReturnsWithinLimitsOrThrowsProtocolException() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        DatagramChecksum checksum = new DatagramChecksum();
        HandshakePacket encoder = new HandshakePacket();
        HandshakePacket decoder = new HandshakePacket();
        for (int input = 0; input < INPUTS; input++) {
            int roll = random.nextInt(100);
            byte[] datagram;
            String kind;
            if (roll < 15) {
                kind = "random";
                datagram = new byte[random.nextInt(1300)];
                random.nextBytes(datagram);
            } else {
                byte[] genuine = randomHandshake(encoder, random, checksum);
                if (roll < 30) {
                    kind = "genuine";
                    decodeOne(decoder, genuine, random, input, kind);
                    if (!sameFields(encoder, decoder)) {
                        fail(input, kind, genuine, "decoded fields differ from the encoded ones");
                    }
                    continue;
                }
                byte[] body = Arrays.copyOf(genuine, genuine.length - DatagramChecksum.LENGTH);
                StringBuilder names = new StringBuilder();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    HandshakeMutation mutation = HandshakeMutation.pick(random);
                    body = mutation.apply(body, random);
                    names.append(names.length() == 0 ? "" : "+").append(mutation);
                }
                kind = names.toString();
                datagram = Arrays.copyOf(body, body.length + DatagramChecksum.LENGTH);
            }
            decodeOne(decoder, datagram, random, input, kind);
        }
        LOG.info("HandshakePacket.decode: {} inputs, {} decoded, refused {}", INPUTS, accepted, refusals);
        assertTrue(failures.isEmpty(), "seed " + SEED + ": " + failures.size() + " failure(s):\n" + String.join("\n", failures));
        assertTrue(refusals.getOrDefault(DropReason.TRUNCATED, 0L) > 1_000 && refusals.getOrDefault(DropReason.MALFORMED_FRAME, 0L) > 1_000,
                "seed " + SEED + ": the inputs hardly reached the checks: " + refusals);
    }

    /** Reads every frame of {@code frames} placed at a random offset; returns how many frames were read. */
    private int readAll(FrameReader reader, byte[] frames, SplittableRandom random, int input, String kind) {
        int before = random.nextInt(16);
        int after = random.nextInt(16);
        byte[] backing = new byte[before + frames.length + after];
        random.nextBytes(backing);
        System.arraycopy(frames, 0, backing, before, frames.length);
        ByteBuffer buffer = ByteBuffer.wrap(backing);
        int start = before;
        int end = before + frames.length;
        int count = 0;
        try {
            reader.reset(buffer, start, end);
            int previous = start;
            while (reader.next()) {
                count++;
                String wrong = checkFrame(reader, buffer, previous, start, end);
                if (wrong != null) {
                    fail(input, kind, frames, wrong);
                    return count;
                }
                previous = buffer.position();
                if (count > frames.length + 1) {
                    fail(input, kind, frames, "more frames than bytes: the reader does not advance");
                    return count;
                }
            }
            accepted++;
        } catch (ProtocolException refused) {
            refusals.merge(refused.reason(), 1L, Long::sum);
        } catch (RuntimeException | Error escaped) {
            fail(input, kind, frames, "threw " + escaped);
        }
        return count;
    }

    /** What is wrong with the frame just read, or null. */
    private static String checkFrame(FrameReader reader, ByteBuffer buffer, int previous, int start, int end) {
        if (buffer.position() <= previous || buffer.position() > end) {
            return "position " + buffer.position() + " after a frame at " + previous + " (end " + end + ")";
        }
        switch (reader.type()) {
            case FrameType.MESSAGE, FrameType.MESSAGE_NEXT, FrameType.FRAGMENT -> {
                if (reader.payloadOffset() < start || reader.payloadLength() < 0
                        || reader.payloadOffset() + reader.payloadLength() > end) {
                    return "payload [" + reader.payloadOffset() + ", +" + reader.payloadLength() + ") outside [" + start
                            + ", " + end + ")";
                }
                if (reader.type() == FrameType.FRAGMENT) {
                    long offset = (long) reader.fragmentIndex() * reader.fragmentSize();
                    if (reader.messageLength() <= 0 || reader.fragmentSize() <= 0 || reader.fragmentIndex() < 0
                            || offset >= reader.messageLength()
                            || reader.payloadLength() != Math.min(reader.fragmentSize(), reader.messageLength() - offset)) {
                        return "inconsistent fragment: length " + reader.messageLength() + ", size " + reader.fragmentSize()
                                + ", index " + reader.fragmentIndex() + ", payload " + reader.payloadLength();
                    }
                }
            }
            case FrameType.ACK -> {
                AckFrame ack = reader.ack();
                if (ack.rangeCount() < 1 || ack.rangeCount() > AckFrame.MAX_RANGES) {
                    return "ACK with " + ack.rangeCount() + " ranges";
                }
                for (int i = 0; i < ack.rangeCount(); i++) {
                    if (ack.rangeLow(i) < 0 || ack.rangeLow(i) > ack.rangeHigh(i)
                            || (i > 0 && ack.rangeHigh(i) >= ack.rangeLow(i - 1) - 1)) {
                        return "ACK range " + i + " [" + ack.rangeLow(i) + ", " + ack.rangeHigh(i) + "] out of order";
                    }
                }
            }
            case FrameType.CLOSE -> {
                if (reader.closeText() == null) {
                    return "CLOSE without text";
                }
            }
            default -> {
            }
        }
        return null;
    }

    private void decodeOne(HandshakePacket decoder, byte[] datagram, SplittableRandom random, int input, String kind) {
        int before = random.nextInt(16);
        byte[] backing = new byte[before + datagram.length + random.nextInt(16)];
        random.nextBytes(backing);
        System.arraycopy(datagram, 0, backing, before, datagram.length);
        ByteBuffer buffer = ByteBuffer.wrap(backing, before, datagram.length);
        try {
            decoder.decode(buffer);
            String wrong = outOfLimits(decoder);
            if (wrong != null) {
                fail(input, kind, datagram, "decoded out of limits: " + wrong);
            }
            accepted++;
        } catch (ProtocolException refused) {
            refusals.merge(refused.reason(), 1L, Long::sum);
        } catch (RuntimeException | Error escaped) {
            fail(input, kind, datagram, "threw " + escaped);
        }
    }

    /**
     * What is out of limits among the fields the decoded type carries, or null. (The holder is reused:
     * fields a type does not carry keep whatever an earlier decode, even a refused one, left there.)
     */
    private static String outOfLimits(HandshakePacket decoded) {
        boolean cookie = decoded.type == PacketType.CONNECT || decoded.type == PacketType.CHALLENGE;
        return switch (decoded.type) {
            case PacketType.CONNECT, PacketType.CHALLENGE, PacketType.ACCEPT, PacketType.REJECT -> {
                if (cookie && (decoded.cookieLength < 0 || decoded.cookieLength > HandshakePacket.MAX_COOKIE_LENGTH)) {
                    yield "cookie length " + decoded.cookieLength;
                }
                if (decoded.type == PacketType.CONNECT
                        && (decoded.channelCount < 0 || decoded.channelCount > HandshakePacket.MAX_CHANNELS)) {
                    yield "channel count " + decoded.channelCount;
                }
                if (decoded.type == PacketType.REJECT && (decoded.rejectText == null
                        || decoded.rejectText.getBytes(StandardCharsets.UTF_8).length > 255 * 3)) {
                    yield "reject text " + decoded.rejectText;
                }
                yield null;
            }
            default -> "type " + decoded.type;
        };
    }

    /** A well-formed handshake packet of a random type with random fields, encoded into {@code encoder}'s image. */
    private static byte[] randomHandshake(HandshakePacket encoder, SplittableRandom random, DatagramChecksum checksum) {
        encoder.version = PacketType.PROTOCOL_VERSION;
        encoder.type = PacketType.CONNECT + random.nextInt(4);
        encoder.clientConnectionId = random.nextLong();
        encoder.serverConnectionId = random.nextLong();
        encoder.maxDatagramBytes = random.nextInt(65_536);
        encoder.receiveWindowBytes = random.nextLong(1L << 32);
        encoder.maxAckDelayMicros = random.nextLong(1L << 32);
        encoder.channelCount = random.nextInt(HandshakePacket.MAX_CHANNELS + 1);
        for (int i = 0; i < encoder.channelCount; i++) {
            encoder.channelModes[i] = (byte) random.nextInt(4);
        }
        encoder.cookieLength = random.nextInt(HandshakePacket.MAX_COOKIE_LENGTH + 1);
        random.nextBytes(encoder.cookie);
        encoder.rejectReasonCode = random.nextInt(10);
        encoder.rejectText = "refused " + "y".repeat(random.nextInt(100));
        ByteBuffer buffer = ByteBuffer.allocate(1200);
        int padded = encoder.type == PacketType.CONNECT && random.nextBoolean() ? HandshakePacket.MIN_CONNECT_LENGTH : 0;
        int length = encoder.encode(buffer, padded, checksum);
        return Arrays.copyOf(buffer.array(), length);
    }

    private static boolean sameFields(HandshakePacket encoded, HandshakePacket decoded) {
        boolean same = encoded.type == decoded.type && encoded.clientConnectionId == decoded.clientConnectionId;
        return switch (encoded.type) {
            case PacketType.CONNECT -> same && encoded.maxDatagramBytes == decoded.maxDatagramBytes
                    && encoded.receiveWindowBytes == decoded.receiveWindowBytes
                    && encoded.maxAckDelayMicros == decoded.maxAckDelayMicros
                    && encoded.channelCount == decoded.channelCount && encoded.cookieLength == decoded.cookieLength
                    && Arrays.equals(encoded.channelModes, 0, encoded.channelCount, decoded.channelModes, 0,
                    decoded.channelCount)
                    && Arrays.equals(encoded.cookie, 0, encoded.cookieLength, decoded.cookie, 0,
                    decoded.cookieLength);
            case PacketType.CHALLENGE -> same && encoded.cookieLength == decoded.cookieLength;
            case PacketType.ACCEPT -> same && encoded.serverConnectionId == decoded.serverConnectionId
                    && encoded.maxDatagramBytes == decoded.maxDatagramBytes;
            default -> same && encoded.rejectReasonCode == decoded.rejectReasonCode
                    && encoded.rejectText.equals(decoded.rejectText);
        };
    }

    private void fail(int input, String kind, byte[] bytes, String what) {
        if (failures.size() < 10) {
            failures.add("input " + input + " (" + kind + ", " + bytes.length + " bytes): " + what + ": "
                    + HEX.formatHex(bytes, 0, Math.min(bytes.length, 120)));
        }
    }
}
