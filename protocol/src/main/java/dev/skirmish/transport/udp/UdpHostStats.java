package dev.skirmish.transport.udp;

/**
 * The counters of one {@link UdpHost}, live: readable from any thread at any time.
 *
 * <p>Only the thread that runs the host's service loop writes them (one writer), so each field is a
 * plain {@code volatile long}: readers see every update promptly without the cost of an atomic
 * read-modify-write on the hot path. Two counters read one after the other are not a consistent
 * snapshot of one instant; {@link #toString()} is good enough for logs.
 */
public final class UdpHostStats {

    private volatile long datagramsReceived;
    private volatile long bytesReceived;
    private volatile long datagramsSent;
    private volatile long bytesSent;
    private volatile long inboundDropped;
    private volatile long outboundDropped;
    private volatile long oversizedDropped;
    private volatile long datagramsDeferred;
    private volatile long pendingDropped;
    private volatile long sendErrors;
    private volatile long receiveErrors;
    private volatile long portUnreachable;
    private volatile long nodeExceptions;
    private volatile long taskExceptions;
    private volatile long loopFailures;

    UdpHostStats() {
    }

    /** Datagrams read from the socket and handed to the node (after the inbound dropper). */
    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** Bytes of {@link #datagramsReceived()}. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Datagrams the kernel accepted, sent at once or from the pending queue. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** Bytes of {@link #datagramsSent()}. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Datagrams read from the socket that the inbound dropper discarded. */
    public long inboundDropped() {
        return inboundDropped;
    }

    /** Datagrams the node sent that the outbound dropper discarded. */
    public long outboundDropped() {
        return outboundDropped;
    }

    /** Datagrams read from the socket that were longer than {@link UdpHostOptions#maxDatagramBytes()}. */
    public long oversizedDropped() {
        return oversizedDropped;
    }

    /** Datagrams that waited in the pending queue because the kernel's send buffer was full. */
    public long datagramsDeferred() {
        return datagramsDeferred;
    }

    /** Datagrams dropped because the kernel's send buffer and the pending queue were both full. */
    public long pendingDropped() {
        return pendingDropped;
    }

    /** Sends that failed (no route, port unreachable, message too long, address the socket cannot reach). */
    public long sendErrors() {
        return sendErrors;
    }

    /** Reads from the socket that failed. */
    public long receiveErrors() {
        return receiveErrors;
    }

    /**
     * ICMP port-unreachable reports on a connected socket ({@link UdpHostOptions#connectedPeer}): the peer
     * was not listening when an earlier datagram arrived. They end neither a read nor a send.
     */
    public long portUnreachable() {
        return portUnreachable;
    }

    /** Exceptions thrown by the node, caught and logged. */
    public long nodeExceptions() {
        return nodeExceptions;
    }

    /** Exceptions thrown by {@link UdpHost#execute} tasks and the after-service hook, caught and logged. */
    public long taskExceptions() {
        return taskExceptions;
    }

    /** Unexpected failures of a whole service iteration in threaded mode (selector, dropper, clock). */
    public long loopFailures() {
        return loopFailures;
    }

    // The increments below run on the single writer thread only; see the class comment.

    void recordReceived(int lengthBytes) {
        datagramsReceived++;
        bytesReceived += lengthBytes;
    }

    void recordSent(int lengthBytes) {
        datagramsSent++;
        bytesSent += lengthBytes;
    }

    void recordInboundDropped() {
        inboundDropped++;
    }

    void recordOutboundDropped() {
        outboundDropped++;
    }

    void recordOversizedDropped() {
        oversizedDropped++;
    }

    void recordDeferred() {
        datagramsDeferred++;
    }

    void recordPendingDropped() {
        pendingDropped++;
    }

    long recordSendError() {
        return ++sendErrors;
    }

    long recordReceiveError() {
        return ++receiveErrors;
    }

    long recordPortUnreachable() {
        return ++portUnreachable;
    }

    long recordNodeException() {
        return ++nodeExceptions;
    }

    long recordTaskException() {
        return ++taskExceptions;
    }

    long recordLoopFailure() {
        return ++loopFailures;
    }

    @Override
    public String toString() {
        return "UdpHostStats[datagramsReceived=" + datagramsReceived
                + ", bytesReceived=" + bytesReceived
                + ", datagramsSent=" + datagramsSent
                + ", bytesSent=" + bytesSent
                + ", inboundDropped=" + inboundDropped
                + ", outboundDropped=" + outboundDropped
                + ", oversizedDropped=" + oversizedDropped
                + ", datagramsDeferred=" + datagramsDeferred
                + ", pendingDropped=" + pendingDropped
                + ", sendErrors=" + sendErrors
                + ", receiveErrors=" + receiveErrors
                + ", portUnreachable=" + portUnreachable
                + ", nodeExceptions=" + nodeExceptions
                + ", taskExceptions=" + taskExceptions
                + ", loopFailures=" + loopFailures + "]";
    }
}
