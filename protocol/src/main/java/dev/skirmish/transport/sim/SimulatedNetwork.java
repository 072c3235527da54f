package dev.skirmish.transport.sim;

import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event datagram network in virtual time that drives any number of
 * {@link NetworkNode}s over seeded, per-direction {@link LinkConditions}. The same seed and the same
 * calls give the same bytes, delivered at the same instants, every time: nothing here reads a
 * clock, and every random choice comes from the link it happens on.
 *
 * <pre>{@code
 * SimulatedNetwork net = new SimulatedNetwork(seed);
 * InetSocketAddress serverAddress = new InetSocketAddress("10.0.0.1", 7000);
 * InetSocketAddress clientAddress = new InetSocketAddress("10.0.0.2", 50000);
 * net.attach(serverAddress, server);
 * net.attach(clientAddress, client);
 * net.setLinkBothWays(clientAddress, serverAddress,
 *         LinkConditions.builder().delayMicros(30_000).jitterMicros(5_000).lossRate(0.02).build());
 * boolean connected = net.runUntil(client::isConnected, TimeUnit.SECONDS.toNanos(5));
 * assertTrue(connected, "seed " + seed + ", " + net.totalStats());
 * }</pre>
 *
 * <p><b>Time.</b> Virtual time starts at 0 and only moves forward. {@link #step()} jumps to the
 * next instant that has work (the earliest landing datagram or the earliest node deadline) and
 * processes everything due at it, including datagrams sent there with zero delay. Node deadlines
 * are re-read at every step, so the application may call into a node between steps; a node whose
 * deadline is at or before now is woken at now.
 *
 * <p><b>Waking a node</b> follows the {@link NetworkNode} contract: {@code receive} for each
 * datagram that landed (in landing order; ties in the order they were scheduled), {@code handleTimeout}
 * if its deadline is due, then {@code poll}, whose datagrams enter the link from the node's current
 * address. Within one round nodes are woken in the order they were attached. A node woken more
 * than {@value #MAX_WAKEUPS_PER_INSTANT} times at one instant makes the network throw an
 * {@link IllegalStateException} naming it, instead of spinning forever.
 *
 * <p><b>Addresses.</b> Datagrams to an address with no node are dropped and counted as
 * {@link LinkCounter#UNDELIVERABLE}, also when the node moved ({@link #moveNode}) or left
 * ({@link #detach}) while they were in flight. {@link #inject} lands arbitrary bytes from any
 * address, attached or not, at a chosen instant.
 *
 * <p>Not thread-safe, and not re-entrant: nodes must not attach, detach, move or run the network
 * from inside their callbacks.
 */
public final class SimulatedNetwork {

    /** How many times one node may be woken at one instant before it is declared stuck. */
    public static final int MAX_WAKEUPS_PER_INSTANT = 10_000;

    /** The largest datagram a node may send: the largest UDP payload over IPv4. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;

    private static final long NOTHING_SCHEDULED = -1;

    private final long seed;
    private final LinkTable links;
    private final DeliverySchedule schedule = new DeliverySchedule();
    private final List<AttachedNode> nodes = new ArrayList<>();
    private final Map<InetSocketAddress, AttachedNode> nodesByAddress = new HashMap<>();
    private DatagramTap tap;
    private long nowNanos;
    private boolean dispatching;

    /** An empty network at virtual time 0, whose links all draw their randomness from {@code seed}. */
    public SimulatedNetwork(long seed) {
        this.seed = seed;
        this.links = new LinkTable(seed);
    }

    /** The seed this network was created with; print it with any failure. */
    public long seed() {
        return seed;
    }

    /** The current virtual time. */
    public long nowNanos() {
        return nowNanos;
    }

    /**
     * Attaches a node at an address; it is woken from the next step on.
     *
     * @throws IllegalArgumentException if the address is taken or the node is already attached
     */
    public void attach(InetSocketAddress address, NetworkNode node) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(node, "node");
        requireNotDispatching("attach");
        requireFree(address);
        for (AttachedNode attached : nodes) {
            if (attached.node == node) {
                throw new IllegalArgumentException("node " + node + " is already attached at " + attached.address);
            }
        }
        AttachedNode attached = new AttachedNode(node, address, this);
        nodes.add(attached);
        nodesByAddress.put(address, attached);
    }

    /**
     * Removes the node at {@code address}; datagrams still in flight to it become undeliverable.
     *
     * @throws IllegalArgumentException if no node is attached there
     */
    public void detach(InetSocketAddress address) {
        requireNotDispatching("detach");
        AttachedNode attached = requireAttached(address);
        nodes.remove(attached);
        nodesByAddress.remove(address);
    }

    /**
     * NAT rebinding: from now on the node at {@code oldAddress} sends from {@code newAddress} and
     * receives what is sent there. Datagrams to {@code oldAddress}, including those in flight, are
     * dropped as undeliverable; datagrams it sent before the move still arrive from the old address.
     *
     * @throws IllegalArgumentException if no node is at {@code oldAddress} or {@code newAddress} is taken
     */
    public void moveNode(InetSocketAddress oldAddress, InetSocketAddress newAddress) {
        Objects.requireNonNull(newAddress, "newAddress");
        requireNotDispatching("moveNode");
        AttachedNode attached = requireAttached(oldAddress);
        requireFree(newAddress);
        nodesByAddress.remove(oldAddress);
        attached.address = newAddress;
        nodesByAddress.put(newAddress, attached);
    }

    /** Sets the conditions of the one direction {@code from -> to}; they override the default. */
    public void setLink(InetSocketAddress from, InetSocketAddress to, LinkConditions conditions) {
        Objects.requireNonNull(conditions, "conditions");
        links.get(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")).setOwnConditions(conditions);
    }

    /** Sets the same conditions on both directions between {@code a} and {@code b}. */
    public void setLinkBothWays(InetSocketAddress a, InetSocketAddress b, LinkConditions conditions) {
        setLink(a, b, conditions);
        setLink(b, a, conditions);
    }

    /** Sets the conditions of every directed link not given its own by {@link #setLink}; initially {@link LinkConditions#PERFECT}. */
    public void setDefaultLink(LinkConditions conditions) {
        links.setDefault(Objects.requireNonNull(conditions, "conditions"));
    }

    /** The conditions currently in force on {@code from -> to}. */
    public LinkConditions linkConditions(InetSocketAddress from, InetSocketAddress to) {
        return links.get(from, to).conditions();
    }

    /** Observes every datagram sent and delivered from now on; null removes the tap. */
    public void setTap(DatagramTap tap) {
        this.tap = tap;
    }

    /**
     * Lands a copy of {@code datagram} at {@code to} at instant {@code atNanos}, as if sent from
     * {@code from}, bypassing the link model: for spoofed, replayed or hostile traffic. Counted as
     * {@link LinkCounter#INJECTED} on {@code from -> to}, then as delivered or undeliverable.
     *
     * @throws IllegalArgumentException if {@code atNanos} is in the past or the datagram is too large
     */
    public void inject(long atNanos, InetSocketAddress from, InetSocketAddress to, byte[] datagram) {
        Objects.requireNonNull(datagram, "datagram");
        if (atNanos - nowNanos < 0) {
            throw new IllegalArgumentException("cannot inject at " + atNanos + " ns, before now (" + nowNanos + " ns)");
        }
        requireDatagramSize(datagram.length);
        DirectedLink link = links.get(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        Delivery d = schedule.obtain();
        d.copyFrom(datagram);
        d.from = from;
        d.to = to;
        d.link = link;
        link.count(LinkCounter.INJECTED, datagram.length);
        schedule.schedule(d, atNanos);
    }

    /** The counters of {@code from -> to} so far. */
    public LinkStats stats(InetSocketAddress from, InetSocketAddress to) {
        DirectedLink link = links.find(from, to);
        return link == null ? LinkStats.EMPTY : link.stats();
    }

    /** The counters of all links together. */
    public LinkStats totalStats() {
        return links.total();
    }

    /** How many datagrams (copies included) are on the wire, not yet landed. */
    public int datagramsInFlight() {
        return schedule.size();
    }

    /**
     * Advances to the next instant that has work and processes everything due at it.
     *
     * @return false, without moving time, if nothing at all is scheduled
     */
    public boolean step() {
        requireNotDispatching("step");
        long next = nextInstantNanos();
        if (next == NOTHING_SCHEDULED) {
            return false;
        }
        processInstant(next);
        return true;
    }

    /** Runs for {@code durationNanos} of virtual time; afterwards {@link #nowNanos()} is exactly the end. */
    public void runFor(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must be >= 0, was " + durationNanos);
        }
        runUntil(endOf(durationNanos));
    }

    /**
     * Processes every instant up to and including {@code instantNanos}; afterwards
     * {@link #nowNanos()} is {@code instantNanos}.
     */
    public void runUntil(long instantNanos) {
        requireNotDispatching("runUntil");
        if (instantNanos - nowNanos < 0) {
            throw new IllegalArgumentException("cannot run back to " + instantNanos + " ns from " + nowNanos + " ns");
        }
        long next;
        while ((next = nextInstantNanos()) != NOTHING_SCHEDULED && next - instantNanos <= 0) {
            processInstant(next);
        }
        nowNanos = instantNanos;
    }

    /**
     * Steps until {@code done} holds, checking it before the first step and after each one, for
     * at most {@code timeoutNanos} of virtual time.
     *
     * @return true if {@code done} held in time; false with {@link #nowNanos()} at the time limit otherwise
     */
    public boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        requireNotDispatching("runUntil");
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("timeoutNanos must be >= 0, was " + timeoutNanos);
        }
        long limitNanos = endOf(timeoutNanos);
        while (!done.getAsBoolean()) {
            long next = nextInstantNanos();
            if (next == NOTHING_SCHEDULED || next - limitNanos > 0) {
                nowNanos = limitNanos;
                return done.getAsBoolean();
            }
            processInstant(next);
        }
        return true;
    }

    @Override
    public String toString() {
        return "SimulatedNetwork[seed=" + seed + ", now=" + nowNanos + "ns, nodes=" + nodes.size()
                + ", inFlight=" + schedule.size() + "]";
    }

    /** Called by a node's sink during {@code poll}: copies the datagram and puts it on the link. */
    void send(AttachedNode sender, InetSocketAddress to, ByteBuffer datagram) {
        Objects.requireNonNull(to, "to");
        requireDatagramSize(datagram.remaining());
        DirectedLink link = links.get(sender.address, to);
        Delivery d = schedule.obtain();
        d.copyFrom(datagram);
        d.from = sender.address;
        d.to = to;
        d.link = link;
        link.count(LinkCounter.SENT, d.length());
        if (tap != null) {
            tap.observe(nowNanos, DatagramTap.Event.SENT, d.from, to, d.buffer());
        }
        link.carry(d, nowNanos, schedule);
    }

    /** The earliest instant with work, never before now, or {@link #NOTHING_SCHEDULED}. */
    private long nextInstantNanos() {
        long next = schedule.isEmpty() ? NOTHING_SCHEDULED : schedule.earliestNanos();
        for (int i = 0; i < nodes.size(); i++) {
            long deadline = nodes.get(i).node.nextTimeoutNanos();
            if (deadline == NetworkNode.NO_DEADLINE) {
                continue;
            }
            long instant = deadline - nowNanos <= 0 ? nowNanos : deadline;
            if (next == NOTHING_SCHEDULED || instant - next < 0) {
                next = instant;
            }
        }
        return next;
    }

    /**
     * Runs rounds at {@code instant} (land what is due, wake who is due) until nothing is due there.
     * Index loops here and in {@link #nextInstantNanos()}: this is the per-step path, kept free of allocation.
     */
    private void processInstant(long instant) {
        nowNanos = instant;
        dispatching = true;
        try {
            boolean anyWoken;
            do {
                landDueDatagrams();
                anyWoken = false;
                for (int i = 0; i < nodes.size(); i++) {
                    AttachedNode attached = nodes.get(i);
                    boolean deadlineDue = isDue(attached.node.nextTimeoutNanos());
                    if (deadlineDue || attached.receivedSinceWake) {
                        wake(attached, deadlineDue);
                        anyWoken = true;
                    }
                }
            } while (anyWoken);
        } finally {
            dispatching = false;
        }
    }

    private void landDueDatagrams() {
        Delivery d;
        while ((d = schedule.pollLanded(nowNanos)) != null) {
            try {
                land(d);
            } finally {
                schedule.release(d);
            }
        }
    }

    private void land(Delivery d) {
        AttachedNode receiver = nodesByAddress.get(d.to);
        if (receiver == null) {
            d.link.count(LinkCounter.UNDELIVERABLE, d.length());
            return;
        }
        d.link.count(LinkCounter.DELIVERED, d.length());
        if (tap != null) {
            tap.observe(nowNanos, DatagramTap.Event.DELIVERED, d.from, d.to, d.buffer());
        }
        receiver.node.receive(nowNanos, d.from, d.buffer());
        receiver.receivedSinceWake = true;
    }

    private void wake(AttachedNode attached, boolean deadlineDue) {
        attached.countWakeup(nowNanos, MAX_WAKEUPS_PER_INSTANT);
        attached.receivedSinceWake = false;
        if (deadlineDue) {
            attached.node.handleTimeout(nowNanos);
        }
        attached.node.poll(nowNanos, attached.sink);
    }

    private boolean isDue(long deadlineNanos) {
        return deadlineNanos != NetworkNode.NO_DEADLINE && deadlineNanos - nowNanos <= 0;
    }

    private long endOf(long durationNanos) {
        if (Long.MAX_VALUE - nowNanos < durationNanos) {
            throw new IllegalArgumentException("running " + durationNanos + " ns from " + nowNanos + " ns overflows");
        }
        return nowNanos + durationNanos;
    }

    private AttachedNode requireAttached(InetSocketAddress address) {
        AttachedNode attached = nodesByAddress.get(Objects.requireNonNull(address, "address"));
        if (attached == null) {
            throw new IllegalArgumentException("no node is attached at " + address);
        }
        return attached;
    }

    private void requireFree(InetSocketAddress address) {
        AttachedNode attached = nodesByAddress.get(address);
        if (attached != null) {
            throw new IllegalArgumentException(address + " is taken by node " + attached.node);
        }
    }

    private void requireNotDispatching(String operation) {
        if (dispatching) {
            throw new IllegalStateException(operation + " called from inside a node callback; the network is not re-entrant");
        }
    }

    private static void requireDatagramSize(int sizeBytes) {
        if (sizeBytes > MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("datagram of " + sizeBytes + " bytes exceeds the UDP maximum of "
                    + MAX_DATAGRAM_BYTES);
        }
    }
}
