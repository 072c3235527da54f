package dev.skirmish.transport.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pcapng file being written by a thread of its own, so recording never stalls the caller (the game
 * loop). {@link #record} copies the datagram into one of a fixed number of preallocated slots and
 * hands it to the writer thread; when every slot is in use (the disk fell behind) the datagram is
 * not recorded, {@link #droppedDatagrams()} counts it, and a warning is logged (at most once a second).
 * Nothing is allocated per datagram on the recording side unless a datagram is larger than any before.
 *
 * <p>{@link #record} may be called from one thread at a time (the driver's); {@link #close} from any.
 * The file format is described in {@link PcapngBlocks}.
 */
public final class CaptureFile implements AutoCloseable {
    /** Slots when not told otherwise: about 4 MB of datagrams at the default 1200-byte size. */
    public static final int DEFAULT_SLOTS = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(CaptureFile.class);
    private static final long WARNING_INTERVAL_NANOS = 1_000_000_000L;

    /** One datagram waiting to be written. */
    private static final class Slot {
        long timestampMicros;
        InetSocketAddress source;
        InetSocketAddress destination;
        byte[] payload = new byte[1500];
        int length;
        boolean endOfCapture;
    }

    private final Path path;
    private final OutputStream out;
    private final ArrayBlockingQueue<Slot> free;
    private final ArrayBlockingQueue<Slot> filled;
    private final Thread writer;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long originEpochMicros;
    private long lastWarningNanos = Long.MIN_VALUE;
    private volatile IOException failure;
    private boolean closed;

    private CaptureFile(Path path, OutputStream out, int slots, long originEpochMicros) {
        this.path = path;
        this.out = out;
        this.free = new ArrayBlockingQueue<>(slots + 1);
        this.filled = new ArrayBlockingQueue<>(slots + 1);
        for (int i = 0; i < slots; i++) {
            free.add(new Slot());
        }
        this.originEpochMicros = originEpochMicros;
        this.writer = new Thread(this::writeLoop, "skirmish-capture");
        this.writer.setDaemon(true);
    }

    /** Creates (or replaces) {@code path}, writes the pcapng header and starts the writer thread. */
    public static CaptureFile create(Path path) throws IOException {
        return create(path, DEFAULT_SLOTS, System.currentTimeMillis() * 1000);
    }

    /**
     * Creates {@code path} with {@code slots} datagrams of buffering; a time of 0 ns given to
     * {@link #record} is stamped {@code originEpochMicros}.
     */
    public static CaptureFile create(Path path, int slots, long originEpochMicros) throws IOException {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, got " + slots);
        }
        return create(path, new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), slots, originEpochMicros);
    }

    /** As {@link #create(Path, int, long)}, writing to {@code out} ({@code path} only names it in messages). */
    static CaptureFile create(Path path, OutputStream out, int slots, long originEpochMicros) throws IOException {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, got " + slots);
        }
        ByteBuffer header = ByteBuffer.allocate(64);
        PcapngBlocks.writeFileHeader(header);
        out.write(header.array(), 0, header.position());
        CaptureFile file = new CaptureFile(path, out, slots, originEpochMicros);
        file.writer.start();
        return file;
    }

    /**
     * Records the datagram in [position, limit) of {@code datagram} (the buffer is not moved), sent at
     * {@code nowNanos} on the driver's clock. Returns false if it was dropped for lack of buffer space.
     */
    public boolean record(long nowNanos, InetSocketAddress source, InetSocketAddress destination, ByteBuffer datagram) {
        Slot slot = free.poll();
        if (slot == null) {
            dropped.incrementAndGet();
            warnFallingBehind(nowNanos);
            return false;
        }
        int length = datagram.remaining();
        if (slot.payload.length < length) {
            slot.payload = new byte[length];
        }
        datagram.get(datagram.position(), slot.payload, 0, length);
        slot.length = length;
        slot.timestampMicros = originEpochMicros + nowNanos / 1000;
        slot.source = source;
        slot.destination = destination;
        filled.add(slot);
        return true;
    }

    private void warnFallingBehind(long nowNanos) {
        if (lastWarningNanos == Long.MIN_VALUE || nowNanos - lastWarningNanos >= WARNING_INTERVAL_NANOS) {
            lastWarningNanos = nowNanos;
            LOG.warn("capture {} is falling behind: {} datagrams not recorded so far", path, dropped.get());
        }
    }

    private void writeLoop() {
        ByteBuffer block = ByteBuffer.allocate(PcapngBlocks.ENHANCED_PACKET_FIXED_BYTES + PcapngBlocks.MAX_PACKET_BYTES + 4);
        try {
            while (true) {
                Slot slot = filled.poll(1, TimeUnit.SECONDS);
                if (slot == null) {
                    out.flush();
                    continue;
                }
                if (slot.endOfCapture) {
                    break;
                }
                block.clear();
                PcapngBlocks.writeEnhancedPacket(block, slot.timestampMicros, slot.source, slot.destination,
                        slot.payload, slot.length);
                slot.source = null;
                slot.destination = null;
                free.add(slot);
                out.write(block.array(), 0, block.position());
                recorded.incrementAndGet();
            }
            out.flush();
        } catch (IOException e) {
            failure = e;
            LOG.error("capture {} failed; recording stopped", path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    /** Datagrams written to the file so far. */
    public long recordedDatagrams() {
        return recorded.get();
    }

    /** Datagrams not recorded because the writer fell behind. */
    public long droppedDatagrams() {
        return dropped.get();
    }

    public Path path() {
        return path;
    }

    /**
     * Writes what is queued, closes the file and stops the thread (waiting up to 10 s).
     *
     * @throws IOException if writing failed at any point
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Slot end = new Slot();
        end.endOfCapture = true;
        filled.add(end);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() > 0) {
            LOG.warn("capture {}: {} datagrams recorded, {} dropped because the writer fell behind",
                    path, recorded.get(), dropped.get());
        }
        if (failure != null) {
            throw failure;
        }
    }
}
