package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.recovery.AckRanges;
import dev.skirmish.transport.wire.AckFrame;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.FrameWriter;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Random but well-formed frame sequences, written with the transport's own encoders
 * ({@link FrameWriter}, {@link AckFrame#encode}) the way a compliant peer would: the seeds for the
 * direct parser fuzz, and a round-trip check that the reader accepts all the writer produces.
 */
final class GenuineFrames {
    private static final int CAPACITY = 1200;

    private GenuineFrames() {
    }

    /** One to eight frames; {@code frameCount[0]} receives how many were written. */
    static byte[] random(SplittableRandom random, int[] frameCount) {
        ByteBuffer out = ByteBuffer.allocate(CAPACITY);
        int frames = 1 + random.nextInt(8);
        int written = 0;
        for (int i = 0; i < frames; i++) {
            written += writeSome(out, random);
        }
        if (random.nextInt(8) == 0) {
            out.put((byte) FrameType.PADDING);
            int padding = random.nextInt(Math.min(40, out.remaining()));
            out.position(out.position() + padding);
            written++;
        }
        frameCount[0] = written;
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** Writes one frame, or a MESSAGE and its MESSAGE_NEXT followers; returns how many frames. */
    private static int writeSome(ByteBuffer out, SplittableRandom random) {
        if (out.remaining() < 300) {
            return 0;
        }
        switch (random.nextInt(8)) {
            case 0 -> {
                int[] types = {FrameType.PING, FrameType.PONG, FrameType.PATH_CHALLENGE, FrameType.PATH_RESPONSE};
                FrameWriter.writeU64Frame(out, types[random.nextInt(types.length)], random.nextLong());
            }
            case 1 -> FrameWriter.writeMaxData(out, random.nextLong(1L << 40));
            case 2 -> FrameWriter.writeClose(out, random.nextInt(10),
                    FrameWriter.closeTextBytes("closing " + "x".repeat(random.nextInt(60))));
            case 3 -> {
                AckRanges ranges = new AckRanges(AckFrame.MAX_RANGES);
                long packetNumber = random.nextLong(1L << 32);
                for (int i = random.nextInt(1, 100); i > 0; i--) {
                    ranges.add(packetNumber);
                    packetNumber += 1 + (random.nextInt(3) == 0 ? random.nextInt(50) : 0);
                }
                return AckFrame.encode(out, ranges, random.nextLong(1L << 30), 200) ? 1 : 0;
            }
            case 4 -> {
                int fragmentSize = 1 + random.nextInt(200);
                int length = fragmentSize + 1 + random.nextInt(5_000);
                int index = random.nextInt((length + fragmentSize - 1) / fragmentSize);
                FrameWriter.writeFragment(out, random.nextInt(4), random.nextLong(1L << 30), new byte[length], length,
                        fragmentSize, index);
            }
            default -> {
                int channel = random.nextInt(4);
                long sequence = random.nextLong(1L << 30);
                byte[] payload = new byte[random.nextInt(60)];
                random.nextBytes(payload);
                FrameWriter.writeMessage(out, channel, sequence, payload, payload.length);
                int followers = random.nextInt(4);
                for (int next = 0; next < followers; next++) {
                    FrameWriter.writeMessageNext(out, payload, random.nextInt(payload.length + 1));
                }
                return 1 + followers;
            }
        }
        return 1;
    }
}
