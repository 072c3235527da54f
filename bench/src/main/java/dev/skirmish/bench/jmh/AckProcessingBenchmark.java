package dev.skirmish.bench.jmh;

import dev.skirmish.transport.recovery.AckRanges;
import dev.skirmish.transport.wire.AckFrame;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ack-range processing: recording received packet numbers (5 % of them missing, seeded), writing
 * an ACK frame from 16 ranges and reading it back.
 */
public class AckProcessingBenchmark extends BenchmarkSettings {
    private static final int STEPS = 4096;
    private static final int RANGE_COUNT = 32;

    private final AckRanges received = new AckRanges(RANGE_COUNT);
    private final AckRanges sixteenRanges = new AckRanges(RANGE_COUNT);
    private final AckFrame frame = new AckFrame();
    private final ByteBuffer encodeBuffer = ByteBuffer.allocate(256);
    private final ByteBuffer decodeBuffer = ByteBuffer.allocate(256);
    private final int[] increments = new int[STEPS];
    private int step;
    private long nextPacketNumber;
    private int decodeLimit;

    @Setup
    public void fillInputs() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < STEPS; i++) {
            increments[i] = random.nextInt(100) < 5 ? 2 : 1;
        }
        for (int range = 0; range < 16; range++) {
            for (int n = 0; n < 10; n++) {
                sixteenRanges.add(range * 20L + n);
            }
        }
        decodeBuffer.clear();
        if (!AckFrame.encode(decodeBuffer, sixteenRanges, 25, 256)) {
            throw new IllegalStateException("ack frame did not fit");
        }
        decodeLimit = decodeBuffer.position();
    }

    @Benchmark
    public int recordReceivedPacket() {
        nextPacketNumber += increments[step++ & (STEPS - 1)];
        return received.add(nextPacketNumber);
    }

    @Benchmark
    public int encodeAckFrame() {
        encodeBuffer.clear();
        AckFrame.encode(encodeBuffer, sixteenRanges, 25, 256);
        return encodeBuffer.position();
    }

    @Benchmark
    public long decodeAckFrame() throws ProtocolException {
        decodeBuffer.limit(decodeLimit).position(1);
        frame.decode(decodeBuffer);
        return frame.rangeLow(frame.rangeCount() - 1);
    }
}
