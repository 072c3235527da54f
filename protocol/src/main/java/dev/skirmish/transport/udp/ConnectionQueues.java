package dev.skirmish.transport.udp;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection has waiting between application threads and the {@link NetworkThread}: an
 * {@link OutboundQueue} per channel, and the account of received messages the application has not
 * taken yet.
 *
 * <p><b>Inbound.</b> The network thread charges each message it copies out of the connection and stops
 * taking more once the charge reaches the bound; the application's reads release it. Stopping is what
 * lets the transport's flow control throttle the peer instead of this queue growing or dropping. The
 * bound is soft by at most one message, so a message larger than the bound still gets through.
 *
 * <p>The hand-off when reading resumes is a Dekker-style pair of volatile writes: the network thread
 * raises {@code receivingPaused} and then re-reads the charge; the application lowers the charge and
 * then reads the flag. Whichever goes second sees the other, so the network thread either carries on
 * or is woken; it is never left paused with room to spare.
 */
final class ConnectionQueues {

    private final OutboundQueue[] outbound;
    private final long inboundCapacityBytes;
    private final AtomicLong inboundQueuedBytes = new AtomicLong();
    private final AtomicBoolean receivingPaused = new AtomicBoolean();

    ConnectionQueues(int channels, long outboundCapacityBytesPerChannel, long inboundCapacityBytes) {
        this.outbound = new OutboundQueue[channels];
        for (int i = 0; i < channels; i++) {
            outbound[i] = new OutboundQueue(outboundCapacityBytesPerChannel);
        }
        this.inboundCapacityBytes = inboundCapacityBytes;
    }

    OutboundQueue outbound(int channel) {
        return outbound[channel];
    }

    int channels() {
        return outbound.length;
    }

    long outboundQueuedBytes() {
        long total = 0;
        for (OutboundQueue queue : outbound) {
            total += queue.queuedBytes();
        }
        return total;
    }

    boolean outboundIsEmpty() {
        for (OutboundQueue queue : outbound) {
            if (!queue.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Discards every queued outbound message and refuses new ones. */
    void closeOutbound() {
        for (OutboundQueue queue : outbound) {
            queue.close();
        }
    }

    long inboundQueuedBytes() {
        return inboundQueuedBytes.get();
    }

    /**
     * Network thread: whether it may take another message from the connection. When the bound is
     * reached it marks itself paused, so the application's next read wakes it.
     */
    boolean mayReceive() {
        if (inboundQueuedBytes.get() < inboundCapacityBytes) {
            return true;
        }
        receivingPaused.set(true);
        if (inboundQueuedBytes.get() < inboundCapacityBytes) {
            receivingPaused.set(false);
            return true;
        }
        return false;
    }

    /** Network thread: a message costing {@code costBytes} was queued for the application. */
    void chargeInbound(long costBytes) {
        inboundQueuedBytes.addAndGet(costBytes);
    }

    /**
     * Application thread: a message costing {@code costBytes} was taken.
     *
     * @return whether the network thread paused for lack of room and must now be woken (true for
     *     exactly one of the readers that make room)
     */
    boolean releaseInbound(long costBytes) {
        long queued = inboundQueuedBytes.addAndGet(-costBytes);
        return queued < inboundCapacityBytes && receivingPaused.get() && receivingPaused.compareAndSet(true, false);
    }
}
