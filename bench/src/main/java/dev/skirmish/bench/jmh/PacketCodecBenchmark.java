package dev.skirmish.bench.jmh;

import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.FrameWriter;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Encoding and decoding one DATA packet of eight 64-byte MESSAGE frames: header, frames and CRC32C
 * trailer, the work every datagram costs on each side.
 */
public class PacketCodecBenchmark extends BenchmarkSettings {
    private static final int MESSAGES_PER_PACKET = 8;
    private static final long CONNECTION_ID = 0x1234_5678_9ABCL;

    private final ByteBuffer encodeBuffer = ByteBuffer.allocate(1500);
    private final ByteBuffer decodeBuffer = ByteBuffer.allocate(1500);
    private final byte[] payload = new byte[64];
    private final DatagramChecksum encodeChecksum = new DatagramChecksum();
    private final DatagramChecksum decodeChecksum = new DatagramChecksum();
    private final FrameReader reader = new FrameReader();
    private long packetNumber;
    private long sequence;
    private int decodeLimit;

    @Setup
    public void fillInputs() {
        new SplittableRandom(SEED).nextBytes(payload);
        encodeInto(decodeBuffer);
        decodeLimit = decodeBuffer.position();
    }

    @Benchmark
    public int encodeDataPacket() {
        return encodeInto(encodeBuffer);
    }

    @Benchmark
    public int decodeDataPacket() throws ProtocolException {
        ByteBuffer datagram = decodeBuffer;
        datagram.limit(decodeLimit).position(0);
        if (!decodeChecksum.verify(datagram)) {
            throw new IllegalStateException("checksum mismatch");
        }
        reader.reset(datagram, DataPacketHeader.LENGTH, decodeLimit - DatagramChecksum.LENGTH);
        int payloadBytes = 0;
        while (reader.next()) {
            payloadBytes += reader.payloadLength();
        }
        return payloadBytes;
    }

    private int encodeInto(ByteBuffer buffer) {
        buffer.clear();
        DataPacketHeader.write(buffer, CONNECTION_ID, packetNumber++);
        for (int i = 0; i < MESSAGES_PER_PACKET; i++) {
            FrameWriter.writeMessage(buffer, 0, sequence++, payload, payload.length);
        }
        encodeChecksum.append(buffer, 0);
        return buffer.position();
    }
}
