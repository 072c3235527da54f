package dev.skirmish.transport.udp;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link NetworkNode} over a real UDP socket: a non-blocking {@link DatagramChannel} and a
 * {@link Selector}, IPv4 or IPv6 after the bound address. The host only moves bytes and sleeps until
 * the next datagram or the node's next deadline; every protocol decision is the node's.
 *
 * <h2>One service call</h2>
 * {@link #service(long)} follows the node's calling contract:
 * <ol>
 *   <li>wait until a datagram is ready, a task is queued, or the node's deadline comes, but no longer
 *       than the given timeout;</li>
 *   <li>run the tasks queued with {@link #execute(Runnable)};</li>
 *   <li>flush datagrams still pending from a full kernel send buffer;</li>
 *   <li>read every ready datagram (up to {@link UdpHostOptions#receiveBatchLimit()}), reading the clock
 *       once per datagram, and hand each to {@link NetworkNode#receive};</li>
 *   <li>read the clock, call {@link NetworkNode#handleTimeout} if the deadline is due
 *       ({@code deadline - now <= 0}), then {@link NetworkNode#poll} with the same instant, sending what
 *       it yields.</li>
 * </ol>
 *
 * <p><b>Timer precision.</b> The selector's timeout is whole milliseconds. A deadline two or more
 * milliseconds away is waited for in the selector, whole milliseconds rounded down (so never past it);
 * for the last stretch the host selects for the time rounded up and arms a {@link SelectorAlarm}, a
 * thread of its own that wakes the selector at the deadline itself. A timer therefore fires within the
 * OS's timer slack of its deadline (typically well under 0.1 ms on Linux), never early, which is what
 * lets a LAN profile run its probe timers at a few hundred microseconds
 * ({@code TransportConfig.timerGranularityMicros()}); a datagram or a task still ends the wait at once,
 * and an idle host sleeps. The alarm thread starts with the first wait that needs it and costs one
 * wake-up per deadline it serves. A due deadline is served with {@link Selector#selectNow()}.
 *
 * <p><b>Sending.</b> The node's datagrams go to {@link DatagramChannel#send}; the datagram buffer's
 * position is left as the node gave it. When the kernel's send buffer is full, the datagram is copied
 * into a bounded pending queue ({@link UdpHostOptions#pendingSendCapacity()}) and sent when the socket
 * is writable again, in order; beyond the bound it is dropped and counted. Send failures (no route,
 * ICMP port unreachable, message too long, an address this socket's family cannot reach, any address
 * but the peer of a socket connected with {@link UdpHostOptions.Builder#connectedPeer}) are counted,
 * never thrown.
 *
 * <p><b>Receiving.</b> One direct buffer is reused for every datagram; datagrams longer than
 * {@link UdpHostOptions#maxDatagramBytes()} are dropped and counted.
 *
 * <p><b>Faults.</b> An exception thrown by the node, a task or the after-service hook is caught,
 * counted in {@link #stats()} and logged through SLF4J, and the host carries on: a bug in one
 * connection must not take every other connection down with it. To keep a persistent fault from
 * flooding the log, each kind is logged at its 1st, 2nd, 4th, 8th... occurrence with the running count.
 *
 * <h2>Polled mode: a game loop pumps the network between ticks</h2>
 * <pre>{@code
 * try (UdpHost host = UdpHost.bind(new InetSocketAddress(0), node, UdpHostOptions.defaults())) {
 *     while (running) {
 *         long untilNextTickMillis = ...;
 *         host.service(untilNextTickMillis);   // returns early for datagrams and timers
 *         if (tickIsDue()) tick();             // may call node methods: same thread
 *     }
 * }
 * }</pre>
 * In polled mode the host is confined to one thread: call {@link #service}, the node and
 * {@link #close()} from it. {@link #execute} may still be called from any thread; its tasks run in the
 * next service call.
 *
 * <h2>Threaded mode: the host runs on a thread of its own</h2>
 * <pre>{@code
 * UdpHost host = UdpHost.bind(new InetSocketAddress(0), node, UdpHostOptions.defaults());
 * host.start("skirmish-net", () -> events.drainFrom(node));   // hook runs after each service call
 * host.execute(() -> node.send(channel, message));            // from any thread
 * ...
 * host.close();                                               // stops and joins the thread
 * }</pre>
 * The node is not thread-safe and belongs to the network thread: other threads reach it only through
 * {@link #execute}, and {@link #service} may not be called by anyone else.
 *
 * <p>{@link #execute}, {@link #close()}, {@link #stats()} and {@link #localAddress()} are safe from any thread.
 */
public final class UdpHost implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpHost.class);

    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /** Waits shorter than this end on the alarm rather than on the selector's millisecond timeout. */
    private static final long ALARM_WAIT_NANOS = 2 * NANOS_PER_MILLI;
    // The threaded loop's wait when nothing is due; execute() and close() wake it sooner.
    private static final long IDLE_SERVICE_TIMEOUT_MILLIS = 1_000;
    // A task that keeps queueing tasks must not hold the loop forever; the rest run next time.
    private static final int MAX_TASKS_PER_SERVICE = 1_024;
    // After an unexpected failure of a whole iteration, a pause so a broken selector cannot spin.
    private static final long LOOP_FAILURE_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final NetworkNode node;
    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final InetSocketAddress localAddress;
    private final int socketReceiveBufferBytes;
    private final int socketSendBufferBytes;
    private final NanoClock clock;
    private final DatagramDropper inboundDropper;
    private final DatagramDropper outboundDropper;
    private final int maxDatagramBytes;
    private final int receiveBatchLimit;
    private final long closeTimeoutMillis;
    private final ByteBuffer receiveBuffer;
    private final PendingDatagrams pending;
    private final SelectorAlarm alarm;
    private final InetSocketAddress connectedPeer;
    private final DatagramSink sink = this::send;
    private final UdpHostStats stats = new UdpHostStats();

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread networkThread;
    private volatile Thread servicingThread;
    private boolean writeInterest;

    private UdpHost(NetworkNode node, DatagramChannel channel, Selector selector, SelectionKey key,
                    UdpHostOptions options) throws IOException {
        this.node = node;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.socketReceiveBufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        this.socketSendBufferBytes = channel.getOption(StandardSocketOptions.SO_SNDBUF);
        this.clock = options.clock().orElseGet(NanoClock::startingNow);
        this.inboundDropper = options.inboundDropper();
        this.outboundDropper = options.outboundDropper();
        this.maxDatagramBytes = options.maxDatagramBytes();
        this.receiveBatchLimit = options.receiveBatchLimit();
        this.closeTimeoutMillis = options.closeTimeoutMillis();
        // One byte more than the largest accepted datagram: a datagram that fills it was truncated.
        this.receiveBuffer = ByteBuffer.allocateDirect(maxDatagramBytes + 1);
        this.pending = new PendingDatagrams(options.pendingSendCapacity());
        this.alarm = new SelectorAlarm(selector, "skirmish-alarm-" + localAddress.getPort());
        this.connectedPeer = options.connectedPeer().orElse(null);
    }

    /**
     * Opens a socket bound to {@code local} (port 0 picks an ephemeral port) that drives {@code node}.
     * The protocol family follows the address: IPv4 for an IPv4 address, IPv6 otherwise (the IPv6
     * wildcard also serves IPv4 where the OS allows dual stack).
     *
     * @throws IllegalArgumentException if {@code local} is unresolved
     * @throws IOException if the socket cannot be opened or bound
     */
    public static UdpHost bind(InetSocketAddress local, NetworkNode node, UdpHostOptions options)
            throws IOException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(options, "options");
        if (local.isUnresolved()) {
            throw new IllegalArgumentException("local address is unresolved: " + local);
        }
        ProtocolFamily family = local.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        Selector selector = Selector.open();
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(family);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.socketReceiveBufferBytes());
            channel.setOption(StandardSocketOptions.SO_SNDBUF, options.socketSendBufferBytes());
            channel.bind(local);
            if (options.connectedPeer().isPresent()) {
                channel.connect(options.connectedPeer().get());
            }
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            UdpHost host = new UdpHost(node, channel, selector, key, options);
            host.logSocketBuffers(options);
            return host;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(selector);
            throw e;
        }
    }

    /**
     * Waits at most {@code timeoutMillis} for a datagram, a queued task or the node's deadline,
     * whichever comes first, then does one round of work (see the class comment). {@code 0} does not
     * wait at all.
     *
     * @return the number of datagrams handed to the node (inbound-dropped and oversized ones excluded)
     * @throws IllegalArgumentException if {@code timeoutMillis} is negative
     * @throws IllegalStateException if the host is closed, if another thread runs this host in threaded
     *     mode, or if called from inside the node during a service call
     * @throws UncheckedIOException if the selector fails
     */
    public int service(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be at least 0, got " + timeoutMillis);
        }
        return serviceGuarded(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    private int serviceGuarded(long timeoutNanos) {
        Thread current = Thread.currentThread();
        Thread loopThread = networkThread;
        if (loopThread != null && loopThread != current) {
            throw new IllegalStateException("host runs on thread " + loopThread.getName()
                    + "; reach it through execute()");
        }
        if (servicingThread == current) {
            throw new IllegalStateException("service is not re-entrant");
        }
        // Announce the call before checking for close, and check again on the way out; close() does
        // the mirror image, so at least one side sees the other and releases the socket.
        servicingThread = current;
        try {
            if (closed.get()) {
                throw new IllegalStateException("host is closed");
            }
            return serviceOnce(timeoutNanos);
        } finally {
            servicingThread = null;
            if (closed.get()) {
                closeResources();
            }
        }
    }

    /**
     * Runs the service loop on a new daemon thread until {@link #close()}. Same as
     * {@link #start(String, Runnable)} without a hook.
     */
    public void start(String threadName) {
        start(threadName, () -> { });
    }

    /**
     * Runs the service loop on a new daemon thread until {@link #close()}, calling {@code afterService}
     * on that thread after every service call: the place for an adapter to move the node's events into
     * thread-safe queues. Exceptions from the hook are counted as task exceptions and logged.
     *
     * @throws IllegalStateException if already started, closed, or being serviced by another thread
     */
    public synchronized void start(String threadName, Runnable afterService) {
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(afterService, "afterService");
        if (closed.get()) {
            throw new IllegalStateException("host is closed");
        }
        if (networkThread != null) {
            throw new IllegalStateException("host already runs on thread " + networkThread.getName());
        }
        if (servicingThread != null) {
            throw new IllegalStateException("host is being serviced by thread " + servicingThread.getName());
        }
        Thread thread = new Thread(() -> runLoop(afterService), threadName);
        thread.setDaemon(true);
        networkThread = thread;
        thread.start();
    }

    /**
     * Queues {@code task} to run on the thread that services this host, at its next wake-up, and wakes
     * it. Safe from any thread; tasks run in the order they were queued. An exception from a task is
     * counted and logged, and the next task still runs.
     *
     * @throws RejectedExecutionException if the host is closed
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed.get()) {
            throw new RejectedExecutionException("host is closed");
        }
        tasks.add(task);
        // One wakeup per wait is enough; the service thread clears the flag after each select.
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Stops the host: no more tasks are accepted, the network thread (if started) is stopped and joined
     * for at most {@link UdpHostOptions#closeTimeoutMillis()}, and the socket and selector are closed.
     * Idempotent and safe from any thread. Called from the network thread itself (from a task, the
     * hook or the node), the current service call finishes first and the socket closes when it returns;
     * likewise a polled-mode service call running on another thread is woken and closes the socket as
     * it returns. Tasks still queued are discarded.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        selector.wakeup();
        Thread current = Thread.currentThread();
        Thread loopThread = networkThread;
        if (loopThread != null && loopThread != current) {
            joinNetworkThread(loopThread);
        }
        // Whoever is inside service() closes the socket on its way out; a joined loop is gone anyway.
        boolean joined = loopThread != null && loopThread != current;
        if (servicingThread == null || joined) {
            closeResources();
        }
        tasks.clear();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** The address the socket is bound to, with the actual port when bound to port 0. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** SO_RCVBUF as the kernel granted it (Linux reports twice the usable payload). */
    public int socketReceiveBufferBytes() {
        return socketReceiveBufferBytes;
    }

    /** SO_SNDBUF as the kernel granted it. */
    public int socketSendBufferBytes() {
        return socketSendBufferBytes;
    }

    /** This host's live counters. */
    public UdpHostStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "UdpHost[" + localAddress + (closed.get() ? ", closed]" : "]");
    }

    /**
     * How long, in nanoseconds, a service call allowed {@code timeoutNanos} waits for the node's deadline
     * at {@code deadlineNanos} with the clock at {@code nowNanos}: the time to the deadline, capped by the
     * timeout; 0 when the deadline is due or {@code timeoutNanos} is 0.
     */
    static long waitNanos(long timeoutNanos, long deadlineNanos, long nowNanos) {
        if (timeoutNanos == 0 || deadlineNanos == NetworkNode.NO_DEADLINE) {
            return timeoutNanos;
        }
        return Math.max(0, Math.min(timeoutNanos, deadlineNanos - nowNanos));
    }

    /**
     * The selector timeout, in milliseconds, for a wait with {@code waitNanos} left, and whether the
     * {@link SelectorAlarm} must end it: from 2 ms on, the whole milliseconds rounded down (the selector
     * wakes before the deadline and the wait goes on); below, rounded up, with the alarm set for the
     * deadline. Returns the timeout, negated when the alarm is needed; {@code waitNanos} must be positive.
     */
    static long selectMillis(long waitNanos) {
        if (waitNanos >= ALARM_WAIT_NANOS) {
            return waitNanos / NANOS_PER_MILLI;
        }
        return -((waitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
    }

    private int serviceOnce(long timeoutNanos) {
        awaitWork(timeoutNanos);
        runTasks();
        flushPending();
        int delivered = receiveReady();
        long nowNanos = clock.nowNanos();
        long deadlineNanos = nodeDeadline();
        if (deadlineNanos != NetworkNode.NO_DEADLINE && deadlineNanos - nowNanos <= 0) {
            try {
                node.handleTimeout(nowNanos);
            } catch (RuntimeException e) {
                nodeFailed("handleTimeout", e);
            }
        }
        try {
            node.poll(nowNanos, sink);
        } catch (RuntimeException e) {
            nodeFailed("poll", e);
        }
        updateWriteInterest();
        return delivered;
    }

    private void awaitWork(long timeoutNanos) {
        long deadlineNanos = nodeDeadline();
        long nowNanos = clock.nowNanos();
        long waitNanos = tasks.isEmpty() ? waitNanos(timeoutNanos, deadlineNanos, nowNanos) : 0;
        // The node's deadline needs the alarm's precision; a timeout in whole milliseconds does not.
        boolean precise = deadlineNanos != NetworkNode.NO_DEADLINE && waitNanos == deadlineNanos - nowNanos;
        try {
            if (waitNanos == 0) {
                selector.selectNow();
            } else {
                // The wait is timed on System.nanoTime() from here on, so a clock the host's user froze
                // (tests do) delays this call by the wait, like a selector would, instead of forever.
                waitUntil(System.nanoTime() + waitNanos, precise);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed on " + localAddress, e);
        }
        // Readiness is checked by trying (receive until null, send until 0), not by key.
        selector.selectedKeys().clear();
        wakeupPending.set(false);
    }

    /**
     * Whether the wait should end for something other than the socket: a queued task, close(), or an
     * interrupt (with the flag set the selector returns at once, so waiting on would spin).
     */
    private boolean wokenUp() {
        return !tasks.isEmpty() || closed.get() || Thread.currentThread().isInterrupted();
    }

    /**
     * Waits until {@code endNanos} (on System.nanoTime), the socket is ready, or a wake-up: in the
     * selector, with the alarm for the last stretch of a {@code precise} wait (see {@link #selectMillis});
     * any other wait ends within the selector's millisecond. A selector that returns early with nothing to
     * do (a stale wake-up, or an alarm that raced with a datagram) is simply entered again.
     */
    private void waitUntil(long endNanos, boolean precise) throws IOException {
        for (long left = endNanos - System.nanoTime(); left > 0; left = endNanos - System.nanoTime()) {
            long millis = selectMillis(left);
            int ready;
            if (millis > 0 || !precise) {
                ready = selector.select(Math.abs(millis));
            } else {
                alarm.armAt(endNanos);
                try {
                    ready = selector.select(-millis);
                } finally {
                    alarm.disarm();
                }
            }
            if (ready > 0 || wokenUp()) {
                return;
            }
        }
    }

    private void runTasks() {
        for (int i = 0; i < MAX_TASKS_PER_SERVICE; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            runTask(task);
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            long occurrence = stats.recordTaskException();
            if (isWorthLogging(occurrence)) {
                LOG.error("{}: task threw (occurrence {}); the host carries on", this, occurrence, e);
            }
        }
    }

    private int receiveReady() {
        int delivered = 0;
        for (int i = 0; i < receiveBatchLimit; i++) {
            receiveBuffer.clear();
            SocketAddress source;
            try {
                source = channel.receive(receiveBuffer);
            } catch (PortUnreachableException e) {
                portUnreachable();
                continue;
            } catch (IOException e) {
                long occurrence = stats.recordReceiveError();
                if (isWorthLogging(occurrence)) {
                    LOG.warn("{}: receive failed (occurrence {})", this, occurrence, e);
                }
                break;
            }
            if (source == null) {
                break;
            }
            long nowNanos = clock.nowNanos();
            receiveBuffer.flip();
            if (deliver(nowNanos, (InetSocketAddress) source, receiveBuffer)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        int lengthBytes = datagram.remaining();
        if (lengthBytes > maxDatagramBytes) {
            stats.recordOversizedDropped();
            return false;
        }
        if (inboundDropper.shouldDrop(from, lengthBytes)) {
            stats.recordInboundDropped();
            return false;
        }
        stats.recordReceived(lengthBytes);
        try {
            node.receive(nowNanos, from, datagram);
        } catch (RuntimeException e) {
            nodeFailed("receive", e);
        }
        return true;
    }

    private long nodeDeadline() {
        try {
            return node.nextTimeoutNanos();
        } catch (RuntimeException e) {
            nodeFailed("nextTimeoutNanos", e);
            return NetworkNode.NO_DEADLINE;
        }
    }

    private void nodeFailed(String call, RuntimeException e) {
        long occurrence = stats.recordNodeException();
        if (isWorthLogging(occurrence)) {
            LOG.error("{}: node threw from {} (occurrence {}); the host carries on", this, call, occurrence, e);
        }
    }

    /** The node's sink: sends now, or queues when the kernel is full, never throws. */
    private void send(InetSocketAddress to, ByteBuffer datagram) {
        int lengthBytes = datagram.remaining();
        if (outboundDropper.shouldDrop(to, lengthBytes)) {
            stats.recordOutboundDropped();
            return;
        }
        if (!pending.isEmpty()) {
            // Keep order: nothing overtakes what is already waiting for the kernel.
            defer(to, datagram);
            return;
        }
        int position = datagram.position();
        try {
            if (!trySend(to, datagram, lengthBytes)) {
                defer(to, datagram);
            }
        } finally {
            datagram.position(position);
        }
    }

    private void defer(InetSocketAddress to, ByteBuffer datagram) {
        if (pending.offer(to, datagram)) {
            stats.recordDeferred();
        } else {
            stats.recordPendingDropped();
        }
    }

    private void flushPending() {
        while (!pending.isEmpty()) {
            ByteBuffer datagram = pending.headDatagram();
            int lengthBytes = datagram.remaining();
            if (!trySend(pending.headDestination(), datagram, lengthBytes)) {
                return;
            }
            pending.removeHead();
        }
    }

    /**
     * Hands one datagram to the kernel and counts the outcome. False only when the kernel's buffer is
     * full; a failed send is counted as an error and is done with, since retrying would fail again.
     */
    private boolean trySend(InetSocketAddress to, ByteBuffer datagram, int lengthBytes) {
        if (connectedPeer != null && !connectedPeer.equals(to)) {
            long occurrence = stats.recordSendError();
            if (isWorthLogging(occurrence)) {
                LOG.debug("{}: send to {} refused: the socket is connected to {} (occurrence {})", this, to,
                        connectedPeer, occurrence);
            }
            return true;
        }
        try {
            try {
                return sendToSocket(to, datagram, lengthBytes);
            } catch (PortUnreachableException e) {
                // A connected socket reports the ICMP error an earlier datagram drew on this call, which then
                // sent nothing; the report cleared the error, so this datagram gets its one real try.
                portUnreachable();
                return sendToSocket(to, datagram, lengthBytes);
            }
        } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
            long occurrence = stats.recordSendError();
            if (isWorthLogging(occurrence)) {
                LOG.debug("{}: send to {} failed (occurrence {}): {}", this, to, occurrence, e.toString());
            }
            return true;
        }
    }

    /** Sends one datagram; false when the kernel's send buffer is full. */
    private boolean sendToSocket(InetSocketAddress to, ByteBuffer datagram, int lengthBytes) throws IOException {
        // A zero-length datagram also reports 0 bytes sent; it cannot be told apart from a full buffer.
        if (channel.send(datagram, to) == 0 && lengthBytes > 0) {
            return false;
        }
        stats.recordSent(lengthBytes);
        return true;
    }

    /** Counts an ICMP port-unreachable report: expected while a server is not (yet) up, so no warning. */
    private void portUnreachable() {
        long occurrence = stats.recordPortUnreachable();
        if (isWorthLogging(occurrence)) {
            LOG.debug("{}: the peer's port was unreachable (occurrence {})", this, occurrence);
        }
    }

    private void updateWriteInterest() {
        boolean wantWritable = !pending.isEmpty();
        if (wantWritable != writeInterest) {
            key.interestOps(wantWritable ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            writeInterest = wantWritable;
        }
    }

    private void runLoop(Runnable afterService) {
        try {
            while (!closed.get()) {
                serviceGuarded();
                runTask(afterService);
            }
        } finally {
            closeResources();
            LOG.debug("{}: network thread stopped; {}", this, stats);
        }
    }

    private void serviceGuarded() {
        try {
            service(IDLE_SERVICE_TIMEOUT_MILLIS);
        } catch (RuntimeException e) {
            if (closed.get()) {
                return;
            }
            long occurrence = stats.recordLoopFailure();
            if (isWorthLogging(occurrence)) {
                LOG.error("{}: service iteration failed (occurrence {}); the host carries on", this, occurrence, e);
            }
            LockSupport.parkNanos(LOOP_FAILURE_BACKOFF_NANOS);
        }
    }

    private void joinNetworkThread(Thread loopThread) {
        try {
            loopThread.join(Math.max(1, closeTimeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loopThread.isAlive()) {
            LOG.warn("{}: network thread {} still running after {} ms; closing the socket under it",
                    this, loopThread.getName(), closeTimeoutMillis);
        }
    }

    private void closeResources() {
        alarm.close();
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private void logSocketBuffers(UdpHostOptions options) {
        // Linux grants at most net.core.rmem_max / wmem_max and reports twice what it grants.
        if (socketReceiveBufferBytes < options.socketReceiveBufferBytes()
                || socketSendBufferBytes < options.socketSendBufferBytes()) {
            LOG.info("{}: socket buffers capped by the OS: SO_RCVBUF {} of {} requested, SO_SNDBUF {} of {}"
                            + " (raise net.core.rmem_max / wmem_max for more)", this,
                    socketReceiveBufferBytes, options.socketReceiveBufferBytes(),
                    socketSendBufferBytes, options.socketSendBufferBytes());
        } else {
            LOG.debug("{}: bound; SO_RCVBUF {}, SO_SNDBUF {}", this, socketReceiveBufferBytes, socketSendBufferBytes);
        }
    }

    /** Logs the 1st, 2nd, 4th, 8th... occurrence of a fault, so a persistent one cannot flood the log. */
    private static boolean isWorthLogging(long occurrence) {
        return Long.bitCount(occurrence) == 1;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close of {} failed", closeable, e);
        }
    }
}
