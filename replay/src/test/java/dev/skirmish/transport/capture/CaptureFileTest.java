package dev.skirmish.transport.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.replay.pcapng.PcapngReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The capture writer never blocks its caller: when the disk stalls it drops and counts. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CaptureFileTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 7777);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 50000);

    /** An output stream whose packet writes wait until released (the file header goes through). */
    private static final class StalledStream extends FilterOutputStream {
        final CountDownLatch release = new CountDownLatch(1);
        int writes;

        StalledStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (writes++ > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write(bytes, offset, length);
        }
    }

    @Test
    void dropsAndCountsWhenTheWriterFallsBehindWithoutBlockingTheCaller() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StalledStream stalled = new StalledStream(bytes);
        int slots = 8;
        int attempts = 1000;
        CaptureFile capture = CaptureFile.create(Path.of("stalled.pcapng"), stalled, slots, 0);
        int accepted = 0;
        for (int i = 0; i < attempts; i++) {
            if (capture.record(i, A, B, ByteBuffer.wrap(new byte[] {(byte) i, 1, 2, 3, 4, 5}))) {
                accepted++;
            }
        }
        assertTrue(accepted <= slots + 1, "accepted " + accepted + " with " + slots + " slots and a stalled disk");
        assertEquals(attempts - accepted, capture.droppedDatagrams());
        stalled.release.countDown();
        capture.close();
        assertEquals(accepted, capture.recordedDatagrams());
        var contents = PcapngReader.read(Path.of("stalled.pcapng"), bytes.toByteArray());
        assertTrue(contents.problem().isEmpty(), () -> contents.problem().toString());
        assertEquals(accepted, contents.datagrams().size());
    }
}
