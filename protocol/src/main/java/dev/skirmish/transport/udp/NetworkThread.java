package dev.skirmish.transport.udp;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.EndpointStats;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Endpoint} on a thread of its own, over a {@link UdpHost}, and gives application threads
 * thread-safe queues to it: for a server's tick loop, a headless bot, or a client whose render thread
 * must never wait for the network (and must still see acknowledgements and retransmissions handled
 * within a millisecond rather than once per frame).
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>The endpoint and its {@link Connection}s belong to the network thread from {@link #start} on;
 *       no other thread may touch them. Application threads name a connection by its
 *       {@link ConnectionHandle}, which is safe everywhere.</li>
 *   <li>Every public method of this class is safe from any thread.</li>
 *   <li>{@link #send} copies the message into the connection's outbound queue for that channel and
 *       returns at once. After each service iteration the network thread hands each channel's queued
 *       messages, oldest first, to {@link Connection#send} for as long as it accepts them; a refused
 *       message stays at the head of its queue and is offered again after the next iteration (the
 *       acknowledgements that make room wake the thread). Nothing is dropped or reordered on the way,
 *       and a channel whose transport buffer is full holds up no other channel.</li>
 *   <li>After each service iteration the network thread also copies delivered messages and connection
 *       events into one queue, read with {@link #poll()}, in the order it saw them (see
 *       {@link NetworkEvent} for the order per connection).</li>
 *   <li>The futures returned here are completed on the network thread, so actions chained with the
 *       non-async methods ({@code thenAccept}, ...) run there: they must be quick and must not block on
 *       this thread's futures. Use the {@code ...Async} variants for anything else.</li>
 * </ul>
 *
 * <h2>Backpressure</h2>
 * Both queues are bounded in bytes ({@link NetworkThreadOptions}). {@link #send} returns false when the
 * channel's outbound queue is full, and {@link #outboundQueuedBytes} tells the application how much is
 * waiting. When the application stops polling, the network thread stops taking messages from a
 * connection once that connection's inbound bound is reached; reliable data then waits in the
 * transport, whose flow control stops the peer, and nothing reliable is dropped. Polling again wakes
 * the network thread.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (NetworkThread net = NetworkThread.start(new InetSocketAddress(0),
 *         Endpoint.client(config, new SecureRandom()), NetworkThreadOptions.defaults())) {
 *     ConnectionHandle server = net.connect(serverAddress).get(10, TimeUnit.SECONDS);
 *     while (playing) {                                  // the game loop, once per frame
 *         if (!net.send(server, INPUT_CHANNEL, input)) {
 *             ...                                        // queue full: skip or retry next frame
 *         }
 *         for (NetworkEvent event; (event = net.poll()) != null; ) {
 *             if (event instanceof NetworkEvent.Received message) {
 *                 apply(message.channel(), message.payload());
 *             } else if (event instanceof NetworkEvent.ConnectionChange change) {
 *                 ...                                    // DISCONNECTED: change.reason()
 *             }
 *         }
 *     }
 * }                                                      // close() = shutdown(): graceful, bounded
 * }</pre>
 *
 * <p>The adapter uses each connection's {@link Connection#attach attachment}; the application keeps its
 * own per-connection data keyed by handle instead.
 */
public final class NetworkThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkThread.class);

    private static final Runnable WAKE_UP = () -> { };
    private static final String SHUTDOWN_CLOSE_TEXT = "shutting down";
    private static final String STOPPED_TEXT = "network thread stopped";
    // Past its deadline a stopping loop needs a wake-up and one more iteration to send the last CLOSE
    // frames; one that has not stopped this much later is presumed stuck and its socket closed under it.
    private static final long STOP_SLACK_MILLIS = 2_000;

    private final UdpHost host;
    private final Endpoint endpoint;
    private final NanoClock clock;
    private final int channelCount;
    private final int maxMessageBytes;
    private final long outboundQueueBytes;
    private final long inboundQueueBytes;
    private final long shutdownTimeoutNanos;
    private final long closeFlushTimeoutNanos;

    private final LinkedBlockingQueue<NetworkEvent> events = new LinkedBlockingQueue<>();
    private final Set<CompletableFuture<ConnectionHandle>> pendingConnects = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> pendingQueries = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long shutdownDeadlineNanos;
    private volatile Thread networkThread;

    // Confined to the network thread.
    private final List<DrivenConnection> live = new ArrayList<>();
    private final Map<ConnectionHandle, DrivenConnection> byHandle = new HashMap<>();
    private final MessageCopier copier = new MessageCopier();
    private boolean shuttingDown;
    private boolean endpointClosed;

    private NetworkThread(UdpHost host, Endpoint endpoint, NanoClock clock, NetworkThreadOptions options) {
        TransportConfig config = endpoint.config();
        this.host = host;
        this.endpoint = endpoint;
        this.clock = clock;
        this.channelCount = config.channels().size();
        this.maxMessageBytes = config.maxMessageBytes();
        this.outboundQueueBytes = options.outboundQueueBytes();
        this.inboundQueueBytes = options.inboundQueueBytes();
        this.shutdownTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.shutdownTimeoutMillis());
        // The transport gives a graceful close this long to flush; the outbound queues get the same.
        this.closeFlushTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMillis());
    }

    /**
     * Binds a socket to {@code local} (port 0 picks an ephemeral port) and starts driving {@code endpoint}
     * on a new daemon thread. The endpoint must be new (never driven) and is the network thread's from
     * now on. The host reads the clock of {@link UdpHostOptions#clock()}, or one started now.
     *
     * @throws IllegalArgumentException if the endpoint has been used, or the outbound queue cannot hold
     *     a message of {@link TransportConfig#maxMessageBytes()}
     * @throws IOException if the socket cannot be opened or bound
     */
    public static NetworkThread start(InetSocketAddress local, Endpoint endpoint, NetworkThreadOptions options)
            throws IOException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        if (endpoint.isClosing() || !endpoint.connections().isEmpty()) {
            throw new IllegalArgumentException("the endpoint must be new; it has "
                    + endpoint.connections().size() + " connections" + (endpoint.isClosing() ? " and is closed" : ""));
        }
        long largestMessageCost = TransportConfig.flowCost(endpoint.config().maxMessageBytes());
        if (options.outboundQueueBytes() < largestMessageCost) {
            throw new IllegalArgumentException("outboundQueueBytes " + options.outboundQueueBytes()
                    + " cannot hold the largest message: maxMessageBytes " + endpoint.config().maxMessageBytes()
                    + " costs " + largestMessageCost);
        }
        NanoClock clock = options.hostOptions().clock().orElseGet(NanoClock::startingNow);
        UdpHost host = UdpHost.bind(local, endpoint, options.hostOptions().toBuilder().clock(clock).build());
        NetworkThread thread = new NetworkThread(host, endpoint, clock, options);
        host.start(options.threadName(), thread::afterService);
        LOG.debug("{}: started with {}", thread, options);
        return thread;
    }

    /** The address the socket is bound to, with the actual port when bound to port 0. */
    public InetSocketAddress localAddress() {
        return host.localAddress();
    }

    /**
     * Starts connecting to {@code server}. The future completes with the connection's handle when the
     * handshake succeeds (after its {@code CONNECTED} event is queued), or exceptionally with a
     * {@link ConnectFailedException} when it is refused, times out, or the thread stops first.
     *
     * @throws IllegalArgumentException if {@code server} is unresolved
     */
    public CompletableFuture<ConnectionHandle> connect(InetSocketAddress server) {
        Objects.requireNonNull(server, "server");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + server);
        }
        CompletableFuture<ConnectionHandle> result = new CompletableFuture<>();
        if (shutdownRequested.get()) {
            result.completeExceptionally(new ConnectFailedException(DisconnectReason.ENDPOINT_CLOSED, STOPPED_TEXT));
            return result;
        }
        // Registered before the task is queued, so a close that discards the task still fails the future.
        pendingConnects.add(result);
        result.whenComplete((handle, failure) -> pendingConnects.remove(result));
        try {
            host.execute(() -> startConnect(server, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectFailedException(DisconnectReason.ENDPOINT_CLOSED, STOPPED_TEXT));
        }
        return result;
    }

    /** {@link #send(ConnectionHandle, int, byte[], int, int)} for a whole array. */
    public boolean send(ConnectionHandle connection, int channel, byte[] message) {
        Objects.requireNonNull(message, "message");
        return send(connection, channel, message, 0, message.length);
    }

    /**
     * Copies {@code length} bytes of {@code message} from {@code offset} into the connection's outbound
     * queue for {@code channel}; the caller may reuse the array at once.
     *
     * @return true when queued (messages still queued when the connection ends are discarded with it,
     *     like any unacknowledged message); false, queueing nothing, when the channel's queue is full,
     *     the connection is closing or closed, or the thread is shutting down
     * @throws IllegalArgumentException if the handle belongs to another thread, the channel does not
     *     exist, or the message is longer than {@link TransportConfig#maxMessageBytes()}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not fit {@code message}
     */
    public boolean send(ConnectionHandle connection, int channel, byte[] message, int offset, int length) {
        requireOwned(connection);
        Objects.requireNonNull(message, "message");
        Objects.checkFromIndexSize(offset, length, message.length);
        requireChannel(channel);
        if (length > maxMessageBytes) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds maxMessageBytes "
                    + maxMessageBytes);
        }
        if (shutdownRequested.get() || !connection.isOpen()
                || !connection.queues().outbound(channel).offer(message, offset, length)) {
            return false;
        }
        if (flushRequested.compareAndSet(false, true)) {
            wake();
        }
        return true;
    }

    /** Bytes waiting in the connection's outbound queues, all channels (see {@link NetworkThreadOptions}). */
    public long outboundQueuedBytes(ConnectionHandle connection) {
        requireOwned(connection);
        return connection.queues().outboundQueuedBytes();
    }

    /** Bytes waiting in the connection's outbound queue for {@code channel}. */
    public long outboundQueuedBytes(ConnectionHandle connection, int channel) {
        requireOwned(connection);
        requireChannel(channel);
        return connection.queues().outbound(channel).queuedBytes();
    }

    /** Bytes of the connection's received messages waiting for {@link #poll()}. */
    public long inboundQueuedBytes(ConnectionHandle connection) {
        requireOwned(connection);
        return connection.queues().inboundQueuedBytes();
    }

    /** The next message or connection event, or null if none is waiting. */
    public NetworkEvent poll() {
        return taken(events.poll());
    }

    /**
     * The next message or connection event, waiting at most {@code timeout} for one.
     *
     * @return the event, or null if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public NetworkEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return taken(events.poll(timeout, unit));
    }

    /**
     * Closes the connection gracefully: {@link #send} refuses at once; what is already queued is handed
     * to the connection first (for at most the transport's idle timeout), then the transport flushes its
     * reliable data and tells the peer. A {@code DISCONNECTED} event with
     * {@link DisconnectReason#LOCAL_CLOSE} follows. Does nothing if already closing or closed.
     */
    public void close(ConnectionHandle connection, String reason) {
        requireOwned(connection);
        Objects.requireNonNull(reason, "reason");
        if (!connection.requestClose()) {
            return;
        }
        try {
            host.execute(() -> requestClose(connection, reason));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: close of {} after the thread stopped", this, connection);
        }
    }

    /**
     * A snapshot of the connection's statistics, taken on the network thread; for a connection that has
     * ended, the one taken as it ended. Fails with {@link IllegalStateException} if the thread stops first.
     */
    public CompletableFuture<ConnectionStats> stats(ConnectionHandle connection) {
        requireOwned(connection);
        ConnectionStats last = connection.finalStats();
        if (last != null) {
            return CompletableFuture.completedFuture(last);
        }
        return query(() -> {
            DrivenConnection driven = byHandle.get(connection);
            return driven != null ? driven.connection.stats() : connection.finalStats();
        });
    }

    /** A snapshot of the endpoint's counters, taken on the network thread. */
    public CompletableFuture<EndpointStats> endpointStats() {
        return query(endpoint::stats);
    }

    /** The socket's live counters (datagrams, drops, errors). */
    public UdpHostStats hostStats() {
        return host.stats();
    }

    /**
     * Shuts down: refuses new sends and connects, closes every connection gracefully (queued messages are
     * handed over and flushed first) for at most {@link NetworkThreadOptions#shutdownTimeoutMillis()},
     * then closes what is left at once, telling each peer, stops the thread and releases the socket.
     * Blocks until then, unless called on the network thread itself (e.g. from a future's callback), in
     * which case the thread finishes the job after the call returns. Idempotent.
     *
     * <p>Events queued before and during the shutdown, including the last {@code DISCONNECTED} ones, stay
     * readable with {@link #poll()}.
     */
    public void shutdown() {
        if (shutdownRequested.compareAndSet(false, true)) {
            long deadlineNanos = clock.nowNanos() + shutdownTimeoutNanos;
            shutdownDeadlineNanos = deadlineNanos;
            try {
                host.execute(() -> beginShutdown(deadlineNanos));
            } catch (RejectedExecutionException e) {
                LOG.debug("{}: shutdown after the host closed", this);
            }
        }
        if (Thread.currentThread() != networkThread) {
            awaitStopped();
        }
    }

    /** {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /** Whether the network thread has stopped (after {@link #shutdown()}). */
    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    @Override
    public String toString() {
        return "NetworkThread[" + host.localAddress() + (isStopped() ? ", stopped]" : "]");
    }

    // ------------------------------------------------------------------ application side

    private void requireOwned(ConnectionHandle connection) {
        Objects.requireNonNull(connection, "connection");
        if (connection.owner() != this) {
            throw new IllegalArgumentException(connection + " belongs to another NetworkThread");
        }
    }

    private void requireChannel(int channel) {
        if (channel < 0 || channel >= channelCount) {
            throw new IllegalArgumentException("no channel " + channel + "; connections have " + channelCount);
        }
    }

    /** Releases a taken message's share of its connection's inbound bound, waking a paused network thread. */
    private NetworkEvent taken(NetworkEvent event) {
        if (event instanceof NetworkEvent.Received received
                && received.connection().queues().releaseInbound(TransportConfig.flowCost(received.payload().length))) {
            wake();
        }
        return event;
    }

    private void wake() {
        try {
            host.execute(WAKE_UP);
        } catch (RejectedExecutionException e) {
            // Stopped: nobody left to wake.
        }
    }

    private <T> CompletableFuture<T> query(Supplier<T> onNetworkThread) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pendingQueries.add(result);
        result.whenComplete((value, failure) -> pendingQueries.remove(result));
        try {
            host.execute(() -> {
                try {
                    result.complete(onNetworkThread.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException(STOPPED_TEXT, e));
        }
        return result;
    }

    private void awaitStopped() {
        boolean done = false;
        try {
            long untilDeadlineNanos = Math.max(0, shutdownDeadlineNanos - clock.nowNanos());
            done = stopped.await(untilDeadlineNanos, TimeUnit.NANOSECONDS);
            if (!done) {
                // The loop may be asleep until its next timer; the deadline is due now, so rouse it.
                wake();
                done = stopped.await(STOP_SLACK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!done) {
            LOG.warn("{}: network thread did not stop in time; closing the socket under it", this);
            host.close();
            failPending();
            stopped.countDown();
        }
    }

    // ------------------------------------------------------------------ network thread

    /** Runs after every service iteration: the only place, with the tasks, that touches the endpoint. */
    private void afterService() {
        if (networkThread == null) {
            networkThread = Thread.currentThread();
        }
        flushRequested.set(false);
        takeEndpointEvents();
        long nowNanos = clock.nowNanos();
        for (int i = 0; i < live.size(); i++) {
            DrivenConnection driven = live.get(i);
            driven.handle.refreshRemoteAddress(driven.connection.remoteAddress());
            receiveMessages(driven);
            feedConnection(driven);
            if (driven.closeIsDue(nowNanos)) {
                driven.closeIssued = true;
                driven.connection.close(driven.closeText);
            }
        }
        // A close above may have ended a handshaking connection at once; report it now, not after a wait.
        takeEndpointEvents();
        if (shuttingDown) {
            advanceShutdown(nowNanos);
        }
    }

    private void takeEndpointEvents() {
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            DrivenConnection driven = drivenFor(event.connection());
            if (event.type() == ConnectionEvent.Type.CONNECTED) {
                onConnected(driven);
            } else {
                onEnded(driven, event.type(), event.reason(), event.detail());
            }
        }
    }

    private DrivenConnection drivenFor(Connection connection) {
        return connection.attachment() instanceof DrivenConnection driven ? driven : adopt(connection);
    }

    private DrivenConnection adopt(Connection connection) {
        ConnectionQueues queues = new ConnectionQueues(channelCount, outboundQueueBytes, inboundQueueBytes);
        ConnectionHandle handle = new ConnectionHandle(this, connection, queues);
        DrivenConnection driven = new DrivenConnection(connection, handle);
        connection.attach(driven);
        live.add(driven);
        byHandle.put(handle, driven);
        if (shuttingDown) {
            handle.requestClose();
            driven.requestClose(SHUTDOWN_CLOSE_TEXT, shutdownDeadlineNanos);
        }
        return driven;
    }

    private void onConnected(DrivenConnection driven) {
        driven.connected = true;
        events.add(new NetworkEvent.ConnectionChange(ConnectionEvent.Type.CONNECTED, driven.handle, null, ""));
        if (driven.connectResult != null) {
            driven.connectResult.complete(driven.handle);
            driven.connectResult = null;
        }
    }

    /** The connection is gone: hand over what it delivered, then report the end and forget it. */
    private void onEnded(DrivenConnection driven, ConnectionEvent.Type type, DisconnectReason reason, String detail) {
        ConnectionHandle handle = driven.handle;
        if (handle.closeReason() != null) {
            return;
        }
        // Past the inbound bound if need be: the transport's receive window bounds what is left.
        driven.connection.receive(copier.into(handle));
        handle.markEnded(reason, driven.connection.stats());
        handle.queues().closeOutbound();
        live.remove(driven);
        byHandle.remove(handle);
        events.add(new NetworkEvent.ConnectionChange(type, handle, reason, detail));
        if (driven.connectResult != null) {
            driven.connectResult.completeExceptionally(new ConnectFailedException(reason, detail));
            driven.connectResult = null;
        }
    }

    /** Takes delivered messages until none is left or the application's inbound queue is full. */
    private void receiveMessages(DrivenConnection driven) {
        ConnectionQueues queues = driven.handle.queues();
        while (queues.mayReceive()) {
            if (driven.connection.receive(copier.into(driven.handle), 1) == 0) {
                return;
            }
        }
    }

    /** Hands each channel's queued messages to the connection, oldest first, until it refuses one. */
    private void feedConnection(DrivenConnection driven) {
        ConnectionQueues queues = driven.handle.queues();
        for (int channel = 0; channel < channelCount; channel++) {
            OutboundQueue queue = queues.outbound(channel);
            byte[] message;
            while ((message = queue.peek()) != null && driven.connection.send(channel, message)) {
                queue.removeHead();
            }
        }
    }

    private void startConnect(InetSocketAddress server, CompletableFuture<ConnectionHandle> result) {
        if (shuttingDown) {
            result.completeExceptionally(new ConnectFailedException(DisconnectReason.ENDPOINT_CLOSED, STOPPED_TEXT));
            return;
        }
        try {
            Connection connection = endpoint.connect(clock.nowNanos(), server);
            adopt(connection).connectResult = result;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void requestClose(ConnectionHandle handle, String reason) {
        DrivenConnection driven = byHandle.get(handle);
        if (driven != null) {
            driven.requestClose(reason, clock.nowNanos() + closeFlushTimeoutNanos);
        }
    }

    private void beginShutdown(long deadlineNanos) {
        shuttingDown = true;
        for (DrivenConnection driven : live) {
            driven.handle.requestClose();
            driven.requestClose(SHUTDOWN_CLOSE_TEXT, deadlineNanos);
        }
    }

    /**
     * Stops once every connection has closed, or at the deadline closes the endpoint (each remaining
     * peer is told) and stops one iteration later, when the CLOSE frames have gone out.
     */
    private void advanceShutdown(long nowNanos) {
        if (endpointClosed || (live.isEmpty() && endpoint.connections().isEmpty())) {
            stop();
            return;
        }
        if (nowNanos - shutdownDeadlineNanos >= 0) {
            endpoint.close(nowNanos);
            endpointClosed = true;
            takeEndpointEvents();
            // Connections already CLOSING have no timer due now; without this the next iteration, which
            // sends the last CLOSE frames and ends them, could wait for their closing period.
            wake();
        }
    }

    private void stop() {
        while (!live.isEmpty()) {
            DrivenConnection driven = live.get(live.size() - 1);
            onEnded(driven, driven.connected ? ConnectionEvent.Type.DISCONNECTED : ConnectionEvent.Type.CONNECT_FAILED,
                    DisconnectReason.ENDPOINT_CLOSED, STOPPED_TEXT);
        }
        host.close();
        failPending();
        stopped.countDown();
        LOG.debug("{}: stopped; {}", this, host.stats());
    }

    /** Fails what can no longer complete: the host discards the tasks still queued when it closes. */
    private void failPending() {
        for (CompletableFuture<ConnectionHandle> connect : pendingConnects) {
            connect.completeExceptionally(new ConnectFailedException(DisconnectReason.ENDPOINT_CLOSED, STOPPED_TEXT));
        }
        for (CompletableFuture<?> query : pendingQueries) {
            query.completeExceptionally(new IllegalStateException(STOPPED_TEXT));
        }
    }

    /** Copies each delivered message out of the transport into the event queue, charging its connection. */
    private final class MessageCopier implements MessageHandler {
        private ConnectionHandle target;

        MessageCopier into(ConnectionHandle handle) {
            this.target = handle;
            return this;
        }

        @Override
        public void onMessage(Connection connection, int channel, ByteBuffer payload) {
            byte[] copy = new byte[payload.remaining()];
            payload.get(payload.position(), copy);
            target.queues().chargeInbound(TransportConfig.flowCost(copy.length));
            events.add(new NetworkEvent.Received(target, channel, copy));
        }
    }
}
