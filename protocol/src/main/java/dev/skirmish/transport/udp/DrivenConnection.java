package dev.skirmish.transport.udp;

import dev.skirmish.transport.Connection;
import java.util.concurrent.CompletableFuture;

/**
 * The network thread's side of one connection of a {@link NetworkThread}: the transport's
 * {@link Connection}, the application's {@link ConnectionHandle}, and what the application asked of it
 * that is still being carried out. Confined to the network thread.
 */
final class DrivenConnection {

    final Connection connection;
    final ConnectionHandle handle;
    /** A client connection's pending {@link NetworkThread#connect} result; null once completed. */
    CompletableFuture<ConnectionHandle> connectResult;
    boolean connected;
    /** The close text the application asked for, or null; the close waits for the outbound queues to drain. */
    String closeText;
    long closeDeadlineNanos;
    boolean closeIssued;

    DrivenConnection(Connection connection, ConnectionHandle handle) {
        this.connection = connection;
        this.handle = handle;
    }

    /**
     * Asks for a graceful close once the outbound queues are empty, or at {@code deadlineNanos} at the
     * latest; a second request can only bring the deadline forward.
     */
    void requestClose(String text, long deadlineNanos) {
        if (closeText == null) {
            closeText = text;
            closeDeadlineNanos = deadlineNanos;
        } else if (deadlineNanos - closeDeadlineNanos < 0) {
            closeDeadlineNanos = deadlineNanos;
        }
    }

    /** Whether the requested close may be handed to the connection now. */
    boolean closeIsDue(long nowNanos) {
        return closeText != null && !closeIssued
                && (handle.queues().outboundIsEmpty() || nowNanos - closeDeadlineNanos >= 0);
    }
}
