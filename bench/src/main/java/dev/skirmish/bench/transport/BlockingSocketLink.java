package dev.skirmish.bench.transport;

import java.io.Closeable;
import java.util.concurrent.locks.LockSupport;

/**
 * What the two kernel-socket baselines share: blocking sockets written by the sending thread and
 * read by a receiving thread, so there is nothing to flush and idling is just waiting.
 */
abstract class BlockingSocketLink implements LinkUnderTest {
    private Closeable sendingSocket;
    private Closeable receivingSocket;
    private Thread receivingThread;
    /** Bytes written to the sending socket. */
    protected long wireBytes;

    /** Starts {@code receiveLoop} on a daemon thread; {@link #close()} closes both sockets and joins it. */
    protected final void startReceiving(Closeable sending, Closeable receiving, Runnable receiveLoop, String name) {
        sendingSocket = sending;
        receivingSocket = receiving;
        receivingThread = new Thread(receiveLoop, name);
        receivingThread.setDaemon(true);
        receivingThread.start();
    }

    @Override
    public void flush() {
    }

    @Override
    public void idle(long maxWaitNanos) {
        LockSupport.parkNanos(maxWaitNanos);
    }

    @Override
    public Long wireBytes() {
        return wireBytes;
    }

    @Override
    public void close() {
        Links.closeQuietly(sendingSocket);
        Links.closeQuietly(receivingSocket);
        Links.join(receivingThread);
    }
}
