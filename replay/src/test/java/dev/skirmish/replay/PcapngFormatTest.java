package dev.skirmish.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.replay.pcapng.CaptureContents;
import dev.skirmish.replay.pcapng.CapturedDatagram;
import dev.skirmish.transport.capture.PcapngBlocks;
import dev.skirmish.replay.pcapng.PcapngReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pcapng layout against the specification, and bad input named by file and byte offset. */
class PcapngFormatTest {
    private static final InetSocketAddress A4 = new InetSocketAddress("127.0.0.1", 7777);
    private static final InetSocketAddress B4 = new InetSocketAddress("127.0.0.2", 50000);
    private static final InetSocketAddress A6 = new InetSocketAddress("::1", 7777);

    @TempDir
    Path directory;

    @Test
    void fileStartsWithSectionHeaderAndMicrosecondInterface() {
        ByteBuffer header = ByteBuffer.allocate(60);
        PcapngBlocks.writeFileHeader(header);
        assertEquals(60, header.position());
        header.order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0A0D0D0A, header.getInt(0));
        assertEquals(28, header.getInt(4));
        assertEquals(0x1A2B3C4D, header.getInt(8));
        assertEquals(1, header.getShort(12));
        assertEquals(-1L, header.getLong(16));
        assertEquals(28, header.getInt(24));
        assertEquals(1, header.getInt(28));
        assertEquals(32, header.getInt(32));
        assertEquals(101, header.getShort(36));
        assertEquals(9, header.getShort(44));
        assertEquals(1, header.getShort(46));
        assertEquals(6, header.get(48));
        assertEquals(32, header.getInt(56));
    }

    @Test
    void enhancedPacketCarriesValidIpv4AndUdpHeaders() {
        byte[] payload = {1, 2, 3, 4, 5};
        ByteBuffer block = ByteBuffer.allocate(PcapngBlocks.enhancedPacketBytes(A4, B4, payload.length));
        PcapngBlocks.writeEnhancedPacket(block, 0x1_0000_0002L, A4, B4, payload, payload.length);
        assertEquals(block.capacity(), block.position(), "block size as announced");
        block.order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6, block.getInt(0));
        assertEquals(block.capacity(), block.getInt(4));
        assertEquals(1, block.getInt(12), "timestamp high");
        assertEquals(2, block.getInt(16), "timestamp low");
        assertEquals(33, block.getInt(20));
        assertEquals(block.capacity(), block.getInt(block.capacity() - 4));
        block.order(ByteOrder.BIG_ENDIAN);
        int ip = 28;
        assertEquals(0x45, block.get(ip) & 0xFF);
        assertEquals(33, block.getShort(ip + 2));
        assertEquals(17, block.get(ip + 9));
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += block.getShort(ip + i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        assertEquals(0xFFFF, sum, "IPv4 header checksum verifies");
        assertEquals(7777, block.getShort(ip + 20) & 0xFFFF);
        assertEquals(50000, block.getShort(ip + 22) & 0xFFFF);
        assertEquals(13, block.getShort(ip + 24));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void captureFileRoundTripsIpv4AndIpv6Datagrams() throws Exception {
        Path file = directory.resolve("mixed.pcapng");
        try (CaptureFile capture = CaptureFile.create(file, 16, 1_700_000_000_000_000L)) {
            for (int i = 0; i < 100; i++) {
                ByteBuffer datagram = ByteBuffer.wrap(new byte[] {(byte) i, 7, 7, (byte) (i * 3)});
                capture.record(i * 1_500_000L, i % 2 == 0 ? A4 : A6, i % 2 == 0 ? B4 : A6, datagram);
                assertEquals(0, datagram.position(), "record must not move the buffer");
                while (capture.recordedDatagrams() < i + 1 - 8) {
                    Thread.onSpinWait();
                }
            }
        }
        CaptureContents contents = PcapngReader.read(file);
        assertTrue(contents.problem().isEmpty(), () -> contents.problem().toString());
        assertEquals(100, contents.datagrams().size());
        for (int i = 0; i < 100; i++) {
            CapturedDatagram datagram = contents.datagrams().get(i);
            assertEquals(1_700_000_000_000_000L + i * 1500L, datagram.timestampMicros());
            assertEquals(i % 2 == 0 ? A4 : A6, datagram.source());
            assertArrayEquals(new byte[] {(byte) i, 7, 7, (byte) (i * 3)}, datagram.payload());
        }
    }

    @Test
    void fileThatIsNotPcapngIsNamedAtOffsetZero() throws Exception {
        Path file = directory.resolve("notes.pcapng");
        Files.writeString(file, "these are my notes, not a capture");
        CaptureContents contents = PcapngReader.read(file);
        assertTrue(contents.datagrams().isEmpty());
        assertEquals(0, contents.problem().orElseThrow().byteOffset());
        assertTrue(contents.problem().get().message().startsWith(file + ": at byte 0: not a pcapng file"));
    }

    @Test
    void legacyPcapIsRecognisedAndExplained() throws Exception {
        Path file = directory.resolve("old.pcap");
        Files.write(file, new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        String message = PcapngReader.read(file).problem().orElseThrow().message();
        assertTrue(message.contains("legacy pcap"), message);
    }

    @Test
    void corruptBlockLengthStopsReadingThereAndKeepsEarlierPackets() throws Exception {
        Path file = writeDatagrams(directory.resolve("corrupt.pcapng"), 10);
        byte[] bytes = Files.readAllBytes(file);
        int sixth = 60 + 5 * PcapngBlocks.enhancedPacketBytes(A4, B4, 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(sixth + 4, 13);
        Files.write(file, bytes);
        CaptureContents contents = PcapngReader.read(file);
        assertEquals(5, contents.datagrams().size());
        assertEquals(sixth + 4, contents.problem().orElseThrow().byteOffset());
        assertTrue(contents.problem().get().message().contains("corrupt block"), contents.problem().get().message());
    }

    @Test
    void otherProgramsTrafficIsReportedAsForeign() throws Exception {
        Path file = writeDatagrams(directory.resolve("dns.pcapng"), 20);
        SessionTrace trace = SessionTrace.of(PcapngReader.read(file));
        assertEquals(20, trace.foreignDatagrams());
        assertTrue(trace.connections().isEmpty());
        String message = trace.firstProblem().orElseThrow().message();
        assertTrue(message.startsWith(file + ": at byte 60: no Skirmish traffic"), message);
    }

    /** {@code count} random 4-byte datagrams (never valid Skirmish datagrams: too short). */
    private static Path writeDatagrams(Path file, int count) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        try (CaptureFile capture = CaptureFile.create(file, count, 0)) {
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[4];
                random.nextBytes(bytes);
                capture.record(i * 1000L, A4, B4, ByteBuffer.wrap(bytes));
            }
        }
        return file;
    }
}
