package dev.skirmish.transport.udp;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DisconnectReason;
import java.net.InetSocketAddress;

/**
 * How application threads name one connection of a {@link NetworkThread}: safe to keep, share and read
 * from any thread, unlike the {@link Connection} behind it, which belongs to the network thread.
 *
 * <p>There is exactly one handle per connection, so handles compare by identity and serve as map keys
 * (e.g. from handle to player). Pass it to {@link NetworkThread#send}, {@link NetworkThread#close} and
 * {@link NetworkThread#stats}; read its identity and state here.
 *
 * <p>Its state is published by the network thread as things happen: {@link #isOpen()} turns false as
 * soon as the application asks to close it (or the thread shuts down) or it ends, and
 * {@link #closeReason()} is set when it ends, just before the event that says so is queued.
 */
public final class ConnectionHandle {

    private final NetworkThread owner;
    private final long connectionId;
    private final boolean client;
    private final ConnectionQueues queues;
    private volatile InetSocketAddress remoteAddress;
    private volatile boolean closeRequested;
    private volatile DisconnectReason closeReason;
    private volatile ConnectionStats finalStats;

    ConnectionHandle(NetworkThread owner, Connection connection, ConnectionQueues queues) {
        this.owner = owner;
        this.connectionId = connection.localConnectionId();
        this.client = connection.isClient();
        this.remoteAddress = connection.remoteAddress();
        this.queues = queues;
    }

    /** The id the peer puts in the packets it sends us: unique among this endpoint's live connections. */
    public long connectionId() {
        return connectionId;
    }

    /** Whether this side opened the connection. */
    public boolean isClient() {
        return client;
    }

    /** The peer's address as the network thread last saw it (it moves when a migrated path is validated). */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Whether messages may still be sent: not ended and no close asked for. */
    public boolean isOpen() {
        return !closeRequested && closeReason == null;
    }

    /** Why the connection ended, or null while it has not. */
    public DisconnectReason closeReason() {
        return closeReason;
    }

    @Override
    public String toString() {
        DisconnectReason reason = closeReason;
        return "ConnectionHandle[" + Long.toHexString(connectionId) + (client ? " to " : " from ") + remoteAddress
                + (reason != null ? ", " + reason : closeRequested ? ", closing" : "") + "]";
    }

    NetworkThread owner() {
        return owner;
    }

    ConnectionQueues queues() {
        return queues;
    }

    /** Marks the close as asked for; false if it already was, or the connection has ended. */
    synchronized boolean requestClose() {
        if (!isOpen()) {
            return false;
        }
        closeRequested = true;
        return true;
    }

    /** Network thread: the transport may have moved the peer. */
    void refreshRemoteAddress(InetSocketAddress current) {
        if (current != remoteAddress) {
            remoteAddress = current;
        }
    }

    /** Network thread: the connection is gone; its last statistics stay readable. */
    void markEnded(DisconnectReason reason, ConnectionStats stats) {
        finalStats = stats;
        closeReason = reason;
    }

    /** The statistics taken when the connection ended, or null while it lives. */
    ConnectionStats finalStats() {
        return finalStats;
    }
}
