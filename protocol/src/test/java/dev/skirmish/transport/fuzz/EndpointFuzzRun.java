package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.sim.DatagramTap;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.LinkCounter;
import dev.skirmish.transport.sim.SimulatedNetwork;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.PacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One seeded fuzzing run against a server {@link Endpoint} with live connections, on a
 * {@link SimulatedNetwork} in virtual time.
 *
 * <pre>
 *                 5 ms, perfect                       5 ms, 1% loss, jitter
 *   client A  &lt;-------------------&gt;  server  &lt;-------------------------&gt;  client B (witness)
 *   (fuzzed: forged packets            ^  ^
 *    race its real ones)               |  +---- hostile datagrams from random addresses
 *                                      +------- visitor (fills the server once: SERVER_FULL)
 * </pre>
 *
 * <p>Real traffic flows on all four channels both ways on A and B, with fragmented messages now and
 * then. Every tick, hostile datagrams are injected: random bytes, genuine datagrams damaged with
 * the checksum left broken (sent to whichever endpoint they were addressed to, B's included), and
 * forgeries with a valid checksum made from A's datagrams and handshakes and retargeted at A's
 * current connection ids. Besides, while a genuine DATA packet of A is on its way, forged variants
 * with the same packet number are injected at the instant it leaves, so they reach A's frame
 * parser before the genuine one arrives (a forgery that parses takes the packet number; the genuine
 * packet is then dropped as a duplicate and its data retransmitted). Nothing with a valid checksum
 * ever carries B's ids: B only sees damaged datagrams and datagrams for other connections.
 *
 * <p>A forged CLOSE or a poisoned packet number can legitimately end A, since nothing authenticates
 * packets; when A ends, a new A connects (a new "generation") so the fuzzing keeps reaching a live
 * parser. When the hostile budget is spent (and an A generation is established) the run stops
 * fuzzing and traffic, sends a proof batch of reliable messages both ways over B and the last A,
 * lets stale connections time out, and judges the invariants listed in
 * {@link FuzzFindings.Invariant}: every A generation must end proved usable or cleanly closed.
 */
final class EndpointFuzzRun {
    static final long MS = 1_000_000L;
    /** Hostile datagrams to feed, at least. */
    static final int HOSTILE_TARGET = 100_000;

    static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.1", 7000);
    static final InetSocketAddress CLIENT_A = new InetSocketAddress("10.0.0.2", 40001);
    static final InetSocketAddress CLIENT_B = new InetSocketAddress("10.0.0.3", 40002);
    static final InetSocketAddress VISITOR = new InetSocketAddress("10.0.0.4", 40003);

    private static final long TICK_NANOS = 10 * MS;
    private static final int MAX_FUZZ_TICKS = 20_000;
    private static final int FREE_STANDING_PER_TICK = 30;
    private static final int BURST_EVERY_TICKS = 10;
    private static final int HANDSHAKE_STORM_EVERY_TICKS = 50;
    private static final int RACING_PERCENT = 50;
    private static final int RACING_MAX_COPIES = 4;
    private static final int RANDOM_ADDRESSES = 4096;
    private static final int PROOF_MESSAGES_PER_CHANNEL = 12;
    private static final long REGENERATE_AFTER_NANOS = 50 * MS;
    private static final long REGENERATE_WHEN_FULL_NANOS = 1_000 * MS;
    private static final long PROOF_TIMEOUT_NANOS = 5_000 * MS;
    private static final double AMPLIFICATION_LIMIT = 3.0;

    /** Families of hostile datagrams, for counting. */
    enum Family {
        /** Random bytes, checksum broken. */
        GARBAGE,
        /** A genuine datagram damaged, checksum broken. */
        DAMAGED,
        /** Random bytes with a valid checksum. */
        CHECKSUMMED_GARBAGE,
        /** A forged DATA packet for A made from an older capture. */
        FORGED_DATA,
        /** A forged DATA packet racing a genuine one of A with the same packet number. */
        FORGED_DATA_RACING,
        /** A forged handshake packet. */
        FORGED_HANDSHAKE
    }

    final long seed;
    final int hostileTarget;
    final TransportConfig config;
    final FuzzFindings findings = new FuzzFindings();
    final SimulatedNetwork network;
    final GuardedEndpoint server;
    final GuardedEndpoint clientA;
    final GuardedEndpoint clientB;
    final GuardedEndpoint visitor;
    final List<ConnectionPair> aGenerations = new ArrayList<>();
    final Map<Family, Long> injected = new EnumMap<>(Family.class);
    final Map<DisconnectReason, Long> serverDisconnects = new EnumMap<>(DisconnectReason.class);
    ConnectionPair b;
    long forgeriesWithheldForB;
    long fuzzTicks;
    long wallNanos;

    private final HostileLabels labels = new HostileLabels();
    private final SplittableRandom trafficRandom;
    private final SplittableRandom hostileRandom;
    private final DatagramMutator mutator;
    private final InetSocketAddress[] randomAddresses = new InetSocketAddress[RANDOM_ADDRESSES];
    private final CapturedDatagrams anyGenuine = new CapturedDatagrams(512);
    private final CapturedDatagrams aToServer = new CapturedDatagrams(256);
    private final CapturedDatagrams serverToA = new CapturedDatagrams(256);
    private final CapturedDatagrams connects = new CapturedDatagrams(64);
    private final CapturedDatagrams serverHandshakes = new CapturedDatagrams(64);
    private final Map<Long, Long> acceptedServerIds = new LinkedHashMap<>();
    private final Map<Connection, DeliveryLedger> receivingLedgers = new IdentityHashMap<>();
    private final List<ConnectionEvent> visitorEvents = new ArrayList<>();
    private ConnectionPair currentA;
    private ConnectionPair provedA;
    private long nextGenerationAtNanos;
    private boolean fuzzing;
    private boolean witnessWatched;
    private boolean trafficFlowing = true;

    private EndpointFuzzRun(long seed, int hostileTarget) {
        this.seed = seed;
        this.hostileTarget = hostileTarget;
        this.config = TransportConfig.internet().toBuilder()
                .maxConnections(6)
                .maxPendingReplies(8)
                .idleTimeoutMillis(3_000)
                .keepaliveIntervalMillis(500)
                .connectTimeoutMillis(2_000)
                .cookieLifetimeMillis(2_000)
                .cookieSecretRotationMillis(4_000)
                .pathChallengeTimeoutMillis(300)
                .build();
        SplittableRandom root = new SplittableRandom(seed);
        this.network = new SimulatedNetwork(root.nextLong());
        Set<InetSocketAddress> trusted = Set.of(SERVER, CLIENT_A, CLIENT_B, VISITOR);
        this.server = new GuardedEndpoint("server", Endpoint.server(config, root.split()), true, findings, labels, trusted);
        this.clientA = new GuardedEndpoint("clientA", Endpoint.client(config, root.split()), false, findings, labels, trusted);
        this.clientB = new GuardedEndpoint("clientB", Endpoint.client(config, root.split()), false, findings, labels, trusted);
        this.visitor = new GuardedEndpoint("visitor", Endpoint.client(config, root.split()), false, findings, labels, trusted);
        this.trafficRandom = root.split();
        this.hostileRandom = root.split();
        this.mutator = new DatagramMutator(root.split(), config.maxDatagramBytes());
        for (int i = 0; i < RANDOM_ADDRESSES; i++) {
            randomAddresses[i] = new InetSocketAddress("10.66." + (i >> 8) + "." + (i & 0xFF), 1024 + hostileRandom.nextInt(60_000));
        }
        network.attach(SERVER, server);
        network.attach(CLIENT_A, clientA);
        network.attach(CLIENT_B, clientB);
        network.attach(VISITOR, visitor);
        LinkConditions fiveMs = LinkConditions.builder().delayMicros(5_000).build();
        network.setLinkBothWays(CLIENT_A, SERVER, fiveMs);
        network.setLinkBothWays(VISITOR, SERVER, fiveMs);
        network.setLinkBothWays(CLIENT_B, SERVER,
                LinkConditions.builder().delayMicros(5_000).jitterMicros(1_000).lossRate(0.01).build());
        network.setTap(this::observe);
    }

    /**
     * Runs the whole scenario for {@code seed}, feeding at least {@code hostileTarget} hostile
     * datagrams (0 for a control run with real traffic only); never throws (a run that cannot go on
     * is a finding).
     */
    static EndpointFuzzRun execute(long seed, int hostileTarget) {
        EndpointFuzzRun run = new EndpointFuzzRun(seed, hostileTarget);
        long start = System.nanoTime();
        try {
            run.setUp();
            run.fuzz();
            run.prove();
            run.settle();
            run.judge();
        } catch (RuntimeException | AssertionError stopped) {
            StringBuilder where = new StringBuilder(stopped.toString());
            StackTraceElement[] stack = stopped.getStackTrace();
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                where.append("\n      at ").append(stack[i]);
            }
            run.findings.record(FuzzFindings.Invariant.RUN_ABORTED, "at " + run.network.nowNanos() / MS
                    + " ms after " + run.totalInjected() + " hostile datagrams: " + where);
        }
        run.wallNanos = System.nanoTime() - start;
        return run;
    }

    long totalInjected() {
        long total = 0;
        for (long count : injected.values()) {
            total += count;
        }
        return total;
    }

    /** Hostile datagrams the endpoints were handed, as recognised on arrival. */
    long hostileReceived() {
        return server.hostileReceived() + clientA.hostileReceived() + clientB.hostileReceived() + visitor.hostileReceived();
    }

    /** Whether the last A generation was proved usable after the fuzzing. */
    boolean lastAProvedUsable() {
        return provedA != null && provedA == aGenerations.get(aGenerations.size() - 1);
    }

    long injectedOnTheNetwork() {
        return network.totalStats().datagrams(LinkCounter.INJECTED);
    }

    // ------------------------------------------------------------------ phases

    private void setUp() {
        b = new ConnectionPair("B", clientB.endpoint().connect(network.nowNanos(), SERVER), config.channels());
        require(runUntil(() -> resolveServerSide(b), 2_000 * MS), "B did not connect");
        startGeneration();
        require(runUntil(() -> resolveServerSide(currentA), 2_000 * MS), "A did not connect");
        List<Connection> fillers = new ArrayList<>();
        while (fillers.size() < config.maxConnections() - 2) {
            Connection filler = visitor.endpoint().connect(network.nowNanos(), SERVER);
            fillers.add(filler);
            require(runUntil(() -> filler.state() == Connection.State.CONNECTED, 2_000 * MS),
                    "the visitor did not connect");
        }
        visitor.endpoint().connect(network.nowNanos(), SERVER);
        require(runUntil(() -> visitorEvents.stream().anyMatch(event -> event.type() == ConnectionEvent.Type.CONNECT_FAILED
                && event.reason() == DisconnectReason.SERVER_FULL), 2_000 * MS), "a client beyond maxConnections was not refused");
        fillers.forEach(filler -> filler.close("making room"));
        require(runUntil(() -> server.endpoint().connections().size() == 2, 2_000 * MS), "the visitor did not leave");
        witnessWatched = true;
        for (int i = 0; i < 20; i++) {
            tick();
        }
    }

    private void fuzz() {
        fuzzing = true;
        // Stop only while an A generation is established, so the last one is judged by use, not only by its end.
        while (fuzzTicks < MAX_FUZZ_TICKS
                && (totalInjected() < hostileTarget || currentA == null || !currentA.established())) {
            fuzzTicks++;
            injectFreeStanding();
            tick();
        }
        fuzzing = false;
    }

    /**
     * Lets the connections ended by the fuzzing time out: at least one idle timeout, and until every
     * A generation but a proved one is closed on both ends, for at most two more (an end may hear
     * from the other until that one times out).
     */
    private void settle() {
        long idleNanos = config.idleTimeoutMillis() * MS;
        long start = network.nowNanos();
        runUntil(() -> network.nowNanos() - start >= idleNanos + 500 * MS && aGenerations.stream()
                .allMatch(a -> a == provedA || a.cleanlyClosed()), 3 * idleNanos + 500 * MS);
    }

    /**
     * Right after the fuzzing, sends a batch of reliable messages both ways over B and over the last
     * A, and waits until everything B ever sent has arrived; the A generation is proved usable if its
     * batch arrives too.
     */
    private void prove() {
        // Traffic stops, so that "everything sent has arrived" can become true.
        trafficFlowing = false;
        List<ConnectionPair> proving = new ArrayList<>();
        proving.add(b);
        ConnectionPair lastA = currentA;
        if (lastA != null && lastA.established()) {
            proving.add(lastA);
        }
        for (ConnectionPair pair : proving) {
            for (int channel = 0; channel < config.channels().size(); channel++) {
                if (!config.channels().get(channel).isReliable()) {
                    continue;
                }
                for (int i = 0; i < PROOF_MESSAGES_PER_CHANNEL; i++) {
                    int length = i % 4 == 3 ? 3_000 + i * 100 : 40 + i;
                    send(pair.client, pair.toServer, NumberedPayload.PROOF_BATCH, channel, length);
                    send(pair.server, pair.toClient, NumberedPayload.PROOF_BATCH, channel, length);
                }
            }
        }
        runUntil(() -> proving.stream().allMatch(pair -> pair.toServer.missingReliable().isEmpty()
                && pair.toClient.missingReliable().isEmpty()), PROOF_TIMEOUT_NANOS);
        if (proving.size() > 1 && lastA.toServer.proofComplete() && lastA.toClient.proofComplete()) {
            provedA = lastA;
        }
    }

    private void judge() {
        judgeWitness();
        for (ConnectionPair a : aGenerations) {
            if (a != provedA && !a.cleanlyClosed()) {
                findings.record(FuzzFindings.Invariant.FUZZED_CONNECTION_LIVENESS, "seed " + seed + ": "
                        + (a.established() ? "established, but a proof batch did not get through in "
                        + PROOF_TIMEOUT_NANOS / MS + " ms and it did not close either: " + a.toServer.missingReliable()
                        + a.toClient.missingReliable() : "neither usable nor cleanly closed") + "; " + a.describe());
            }
        }
        for (Map.Entry<InetSocketAddress, long[]> entry : server.untrustedTraffic().entrySet()) {
            long received = entry.getValue()[0];
            long sent = entry.getValue()[1];
            if (sent > AMPLIFICATION_LIMIT * received) {
                findings.record(FuzzFindings.Invariant.AMPLIFICATION, "server sent " + sent + " bytes to "
                        + entry.getKey() + ", which sent it only " + received);
            }
        }
    }

    private void judgeWitness() {
        if (!b.established()) {
            findings.record(FuzzFindings.Invariant.WITNESS_DELIVERY, "B is not established at the end: " + b.describe());
        }
        for (DeliveryLedger ledger : List.of(b.toServer, b.toClient)) {
            for (String missing : ledger.missingReliable()) {
                findings.record(FuzzFindings.Invariant.WITNESS_DELIVERY, missing);
            }
            for (String anomaly : ledger.anomalies()) {
                findings.record(FuzzFindings.Invariant.WITNESS_DELIVERY, anomaly);
            }
            if (ledger.anomalyCount() > ledger.anomalies().size()) {
                findings.record(FuzzFindings.Invariant.WITNESS_DELIVERY, ledger.name() + ": "
                        + (ledger.anomalyCount() - ledger.anomalies().size()) + " more anomalies");
            }
        }
    }

    // ------------------------------------------------------------------ one tick

    private void tick() {
        long start = network.nowNanos();
        manageA(start);
        if (trafficFlowing && b.established()) {
            sendTraffic(b);
        }
        if (trafficFlowing && currentA != null && currentA.established()) {
            sendTraffic(currentA);
        }
        network.runUntil(start + TICK_NANOS);
        drainEventsAndMessages();
        checkBounds();
        if (witnessWatched && !b.established()) {
            findings.record(FuzzFindings.Invariant.WITNESS_DELIVERY, "B left the connected state at "
                    + network.nowNanos() / MS + " ms: " + b.describe());
            witnessWatched = false;
        }
    }

    private boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        long end = network.nowNanos() + timeoutNanos;
        while (!done.getAsBoolean()) {
            if (network.nowNanos() >= end) {
                return false;
            }
            tick();
        }
        return true;
    }

    private void manageA(long nowNanos) {
        if (currentA != null) {
            if (currentA.server == null) {
                resolveServerSide(currentA);
            }
            if (currentA.broken() || unresolvable(currentA)) {
                // A full server frees a slot only when a stale connection times out: no point knocking often.
                nextGenerationAtNanos = nowNanos + (currentA.client.closeReason() == DisconnectReason.SERVER_FULL
                        ? REGENERATE_WHEN_FULL_NANOS : REGENERATE_AFTER_NANOS);
                currentA = null;
            }
        }
        if (currentA == null && fuzzing && nowNanos - nextGenerationAtNanos >= 0) {
            startGeneration();
        }
    }

    private void startGeneration() {
        long now = network.nowNanos();
        // Packet numbers of an older generation may lie ahead of the new one's: forged into it, they would
        // be acknowledged to a client that never sent them. Seeds start afresh with each generation.
        aToServer.clear();
        serverToA.clear();
        Connection client = clientA.endpoint().connect(now, SERVER);
        currentA = new ConnectionPair("A" + (aGenerations.size() + 1), client, config.channels());
        aGenerations.add(currentA);
        receivingLedgers.put(client, currentA.toClient);
    }

    /** Finds the server's end of {@code pair} from the ACCEPT the server sent; true once known. */
    private boolean resolveServerSide(ConnectionPair pair) {
        if (pair.server != null) {
            return true;
        }
        Long serverId = acceptedServerIds.get(pair.client.localConnectionId());
        if (serverId == null || pair.client.state() != Connection.State.CONNECTED) {
            return false;
        }
        for (Connection connection : server.endpoint().connections()) {
            if (connection.localConnectionId() == serverId) {
                pair.server = connection;
                receivingLedgers.put(connection, pair.toServer);
                receivingLedgers.put(pair.client, pair.toClient);
                return true;
            }
        }
        return false;
    }

    /** The client is connected, the server's end is already gone (e.g. closed by a forged CLOSE). */
    private boolean unresolvable(ConnectionPair pair) {
        return pair.server == null && pair.client.state() == Connection.State.CONNECTED
                && acceptedServerIds.containsKey(pair.client.localConnectionId());
    }

    // ------------------------------------------------------------------ genuine traffic

    private void sendTraffic(ConnectionPair pair) {
        sendTraffic(pair.client, pair.toServer);
        sendTraffic(pair.server, pair.toClient);
    }

    private void sendTraffic(Connection from, DeliveryLedger ledger) {
        for (int channel = 0; channel < config.channels().size(); channel++) {
            boolean reliable = config.channels().get(channel).isReliable();
            if (trafficRandom.nextInt(10) < 6) {
                send(from, ledger, NumberedPayload.TRAFFIC, channel, 16 + trafficRandom.nextInt(200));
            }
            if (trafficRandom.nextInt(reliable ? 10 : 15) == 0) {
                send(from, ledger, NumberedPayload.TRAFFIC, channel, 1_300 + trafficRandom.nextInt(reliable ? 4_000 : 2_500));
            }
        }
    }

    private static void send(Connection from, DeliveryLedger ledger, int stream, int channel, int length) {
        if (from.send(channel, ledger.next(stream, channel, length))) {
            ledger.sent(stream, channel);
        }
    }

    private void drainEventsAndMessages() {
        ConnectionEvent event;
        while ((event = server.endpoint().pollEvent()) != null) {
            if (event.type() == ConnectionEvent.Type.DISCONNECTED) {
                serverDisconnects.merge(event.reason(), 1L, Long::sum);
            }
        }
        while (clientA.endpoint().pollEvent() != null) {
            // Generations are followed through their connections' states.
        }
        while (clientB.endpoint().pollEvent() != null) {
            // B's health is checked through its connections' states.
        }
        while ((event = visitor.endpoint().pollEvent()) != null) {
            visitorEvents.add(event);
        }
        for (GuardedEndpoint endpoint : List.of(server, clientA, clientB, visitor)) {
            for (Connection connection : endpoint.endpoint().connections()) {
                DeliveryLedger ledger = receivingLedgers.get(connection);
                connection.receive((c, channel, payload) -> {
                    if (ledger != null) {
                        ledger.received(channel, payload);
                    }
                });
            }
        }
    }

    private void checkBounds() {
        long receiveBound = (long) config.receiveWindowBytes() + config.unreliableReceiveBufferBytes();
        long heldBound = (long) config.channels().size() * config.channelWindowMessages();
        for (GuardedEndpoint endpoint : List.of(server, clientA, clientB, visitor)) {
            for (Connection connection : endpoint.endpoint().connections()) {
                ConnectionStats stats = connection.stats();
                if (stats.receiveBufferedBytes() > receiveBound) {
                    findings.record(FuzzFindings.Invariant.RECEIVE_BUFFER_BOUND, connection + " holds "
                            + stats.receiveBufferedBytes() + " received bytes; bound " + receiveBound);
                }
                if (stats.heldMessages() > heldBound) {
                    findings.record(FuzzFindings.Invariant.HELD_MESSAGES_BOUND, connection + " holds "
                            + stats.heldMessages() + " messages; bound " + heldBound);
                }
                for (int channel = 0; channel < config.channels().size(); channel++) {
                    if (connection.queuedBytes(channel) > config.sendBufferBytes()) {
                        findings.record(FuzzFindings.Invariant.SEND_QUEUE_BOUND, connection + " queues "
                                + connection.queuedBytes(channel) + " bytes on channel " + channel);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ hostile traffic

    private void observe(long nowNanos, DatagramTap.Event event, InetSocketAddress from, InetSocketAddress to,
                         ByteBuffer datagram) {
        if (event != DatagramTap.Event.SENT || datagram.remaining() < PacketType.MIN_DATAGRAM_LENGTH) {
            return;
        }
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(datagram.position(), bytes);
        int type = bytes[PacketType.TYPE_OFFSET] & 0xFF;
        if (isAttached(to)) {
            anyGenuine.add(from, to, bytes);
        }
        if (type == PacketType.DATA && bytes.length >= DataPacketHeader.OVERHEAD) {
            if (from.equals(CLIENT_A) && to.equals(SERVER)) {
                aToServer.add(from, to, bytes);
                race(nowNanos, bytes, SERVER, CLIENT_A);
            } else if (from.equals(SERVER) && to.equals(CLIENT_A)) {
                serverToA.add(from, to, bytes);
                race(nowNanos, bytes, CLIENT_A, SERVER);
            }
        } else if (type == PacketType.CONNECT && (from.equals(CLIENT_A) || from.equals(VISITOR))) {
            connects.add(from, to, bytes);
        } else if (from.equals(SERVER) && (to.equals(CLIENT_A) || to.equals(VISITOR))) {
            serverHandshakes.add(from, to, bytes);
            if (type == PacketType.ACCEPT) {
                ByteBuffer accept = ByteBuffer.wrap(bytes);
                acceptedServerIds.put(accept.getLong(PacketType.PREFIX_LENGTH), accept.getLong(PacketType.PREFIX_LENGTH + 8));
            }
        } else if (type == PacketType.ACCEPT && from.equals(SERVER)) {
            ByteBuffer accept = ByteBuffer.wrap(bytes);
            acceptedServerIds.put(accept.getLong(PacketType.PREFIX_LENGTH), accept.getLong(PacketType.PREFIX_LENGTH + 8));
        }
    }

    /**
     * Forged variants of a genuine DATA packet of A that just left {@code genuineFrom}, injected at
     * once so they land before it: same connection id, same packet number, damaged frames.
     */
    private void race(long nowNanos, byte[] genuine, InetSocketAddress to, InetSocketAddress genuineFrom) {
        if (!fuzzing || hostileRandom.nextInt(100) >= RACING_PERCENT) {
            return;
        }
        long connectionId = ByteBuffer.wrap(genuine).getLong(DataPacketHeader.CONNECTION_ID_OFFSET);
        int copies = 1 + hostileRandom.nextInt(RACING_MAX_COPIES);
        for (int i = 0; i < copies; i++) {
            InetSocketAddress from = hostileRandom.nextInt(100) < 85 ? genuineFrom : randomAddress();
            injectForged(nowNanos, from, to, mutator.forgeData(genuine, connectionId), Family.FORGED_DATA_RACING);
        }
    }

    private void injectFreeStanding() {
        long tickStart = network.nowNanos();
        boolean burst = fuzzTicks % BURST_EVERY_TICKS == 0;
        if (fuzzTicks % HANDSHAKE_STORM_EVERY_TICKS == 0) {
            // More handshakes at one instant than the reply queue holds: its bound must hold and be counted.
            for (int i = 0; i < 3 * config.maxPendingReplies(); i++) {
                injectForgedHandshake(tickStart, true);
            }
        }
        for (int i = 0; i < FREE_STANDING_PER_TICK; i++) {
            long at = burst ? tickStart : tickStart + hostileRandom.nextLong(TICK_NANOS);
            int roll = hostileRandom.nextInt(100);
            if (roll < 20) {
                injectGarbage(at);
            } else if (roll < 55) {
                injectDamaged(at);
            } else if (roll < 80) {
                injectForgedData(at);
            } else if (roll < 93) {
                injectForgedHandshake(at, hostileRandom.nextInt(100) < 65);
            } else {
                injectForged(at, randomAddress(), SERVER, mutator.checksummedGarbage(), Family.CHECKSUMMED_GARBAGE);
            }
        }
    }

    private void injectGarbage(long at) {
        int roll = hostileRandom.nextInt(10);
        InetSocketAddress to = roll < 8 ? SERVER : roll == 8 ? CLIENT_B : CLIENT_A;
        InetSocketAddress from = to.equals(SERVER)
                ? (hostileRandom.nextBoolean() ? randomAddress() : hostileRandom.nextBoolean() ? CLIENT_B : CLIENT_A)
                : SERVER;
        inject(at, from, to, mutator.garbage(), Family.GARBAGE);
    }

    private void injectDamaged(long at) {
        if (anyGenuine.isEmpty()) {
            return;
        }
        CapturedDatagrams.Captured seed = anyGenuine.pick(hostileRandom);
        byte[] other = anyGenuine.pick(hostileRandom).bytes();
        inject(at, seed.from(), seed.to(), mutator.damage(seed.bytes(), other), Family.DAMAGED);
    }

    private void injectForgedData(long at) {
        ConnectionPair a = lastAcceptedA();
        boolean towardServer = hostileRandom.nextInt(100) < 85;
        CapturedDatagrams seeds = towardServer ? aToServer : serverToA;
        if (a == null || seeds.isEmpty()) {
            return;
        }
        long target = towardServer ? a.server.localConnectionId() : a.client.localConnectionId();
        InetSocketAddress to = towardServer ? SERVER : CLIENT_A;
        InetSocketAddress from = hostileRandom.nextInt(100) < 70 ? (towardServer ? CLIENT_A : SERVER) : randomAddress();
        injectForged(at, from, to, mutator.forgeData(seeds.pick(hostileRandom).bytes(), target), Family.FORGED_DATA);
    }

    /** A forged CONNECT (to the server) or a forged server reply (to the server or to client A). */
    private void injectForgedHandshake(long at, boolean connect) {
        ConnectionPair a = lastAcceptedA();
        long[] ids = a == null ? new long[] {hostileRandom.nextLong()}
                : new long[] {a.client.localConnectionId(), a.server.localConnectionId(), hostileRandom.nextLong()};
        CapturedDatagrams seeds = connect ? connects : serverHandshakes;
        if (seeds.isEmpty()) {
            return;
        }
        CapturedDatagrams.Captured seed = seeds.pick(hostileRandom);
        InetSocketAddress to = SERVER;
        InetSocketAddress from;
        int roll = hostileRandom.nextInt(10);
        if (connect) {
            from = roll < 4 ? seed.from() : roll < 6 ? CLIENT_A : randomAddress();
        } else if (roll < 5) {
            from = roll < 2 ? CLIENT_A : randomAddress();
        } else {
            to = CLIENT_A;
            from = SERVER;
        }
        injectForged(at, from, to, mutator.forgeHandshake(seed.bytes(), ids), Family.FORGED_HANDSHAKE);
    }

    /** The newest A generation both of whose ends are known, or null. */
    private ConnectionPair lastAcceptedA() {
        for (int i = aGenerations.size() - 1; i >= 0; i--) {
            if (aGenerations.get(i).server != null) {
                return aGenerations.get(i);
            }
        }
        return null;
    }

    /** Injects a datagram with a valid checksum, unless it would carry one of B's connection ids. */
    private void injectForged(long at, InetSocketAddress from, InetSocketAddress to, DatagramMutator.Mutant forged,
                              Family family) {
        byte[] bytes = forged.bytes();
        if (bytes.length >= PacketType.PREFIX_LENGTH + 8) {
            long id = ByteBuffer.wrap(bytes).getLong(PacketType.PREFIX_LENGTH);
            if (id == b.client.localConnectionId() || (b.server != null && id == b.server.localConnectionId())) {
                forgeriesWithheldForB++;
                return;
            }
        }
        inject(at, from, to, forged, family);
    }

    private void inject(long at, InetSocketAddress from, InetSocketAddress to, DatagramMutator.Mutant mutant,
                        Family family) {
        labels.put(mutant.bytes(), mutant.strategy());
        network.inject(at, from, to, mutant.bytes());
        injected.merge(family, 1L, Long::sum);
    }

    private InetSocketAddress randomAddress() {
        return randomAddresses[hostileRandom.nextInt(RANDOM_ADDRESSES)];
    }

    private static boolean isAttached(InetSocketAddress address) {
        return address.equals(SERVER) || address.equals(CLIENT_A) || address.equals(CLIENT_B) || address.equals(VISITOR);
    }

    private void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("seed " + seed + ": " + what + " (at " + network.nowNanos() / MS + " ms; "
                    + network.totalStats() + ")");
        }
    }

    /** The receive-side ledgers of every A generation, for reporting. */
    long anomalousDeliveriesOnA() {
        long total = 0;
        for (ConnectionPair a : aGenerations) {
            total += a.toServer.anomalyCount() + a.toClient.anomalyCount();
        }
        return total;
    }

    /** A one-paragraph account of the run, for the test log. */
    String summary() {
        StringBuilder text = new StringBuilder();
        text.append("seed ").append(seed).append(": ").append(totalInjected()).append(" hostile datagrams ")
                .append(injected).append(" (").append(injectedOnTheNetwork()).append(" injected on the network, ")
                .append(forgeriesWithheldForB).append(" withheld for carrying B's ids) over ").append(fuzzTicks)
                .append(" ticks; virtual ").append(network.nowNanos() / MS).append(" ms, wall ")
                .append(wallNanos / MS).append(" ms\n  server drops ").append(nonZero(server.endpoint().stats().drops()))
                .append("\n  clientA drops ").append(nonZero(clientA.endpoint().stats().drops()))
                .append("\n  clientB drops ").append(nonZero(clientB.endpoint().stats().drops()))
                .append("\n  hostile received: server ").append(server.hostileReceived()).append(", clientA ")
                .append(clientA.hostileReceived()).append(", clientB ").append(clientB.hostileReceived())
                .append(", visitor ").append(visitor.hostileReceived())
                .append("; damaged datagrams checked to change nothing: ")
                .append(server.damagedChecked() + clientA.damagedChecked() + clientB.damagedChecked() + visitor.damagedChecked())
                .append("\n  instants spent spinning: server ").append(server.spinInstants()).append(", clientA ")
                .append(clientA.spinInstants()).append(", clientB ").append(clientB.spinInstants())
                .append("\n  most handshake replies in one poll: ").append(server.mostRepliesInOnePoll())
                .append("; most datagrams in one poll: ").append(server.mostDatagramsInOnePoll())
                .append("\n  A generations: ").append(aGenerations.size()).append(", ended as ").append(generationEnds())
                .append("; server-side disconnects ")
                .append(serverDisconnects).append("; anomalous deliveries seen on A: ").append(anomalousDeliveriesOnA())
                .append("\n  B delivered ").append(b == null ? 0 : b.toServer.delivered() + b.toClient.delivered())
                .append(" messages; last A generation ").append(lastAProvedUsable() ? "proved usable: " : "not proved usable: ")
                .append(aGenerations.isEmpty() ? "none" : aGenerations.get(aGenerations.size() - 1).describe());
        return text.toString();
    }

    /** How the A generations ended, by the client's and the server's state and reason. */
    private Map<String, Long> generationEnds() {
        Map<String, Long> ends = new TreeMap<>();
        for (ConnectionPair a : aGenerations) {
            String key = "client " + a.client.state() + "/" + a.client.closeReason() + ", server "
                    + (a.server == null ? "none" : a.server.state() + "/" + a.server.closeReason());
            ends.merge(key, 1L, Long::sum);
        }
        return ends;
    }

    private static Map<?, Long> nonZero(Map<?, Long> counts) {
        Map<Object, Long> kept = new LinkedHashMap<>();
        counts.forEach((key, value) -> {
            if (value != 0) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
