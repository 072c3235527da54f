package dev.skirmish.replay.run;

import dev.skirmish.game.net.GameChannels;
import dev.skirmish.replay.analysis.Direction;
import dev.skirmish.replay.analysis.GameSessionInfo;
import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.analysis.TracedConnection;
import dev.skirmish.transport.ChannelStats;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DeliveryMode;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Re-sends what each side's application sent in a capture through the real transport
 * ({@link Endpoint}) over a {@link SimulatedNetwork} in virtual time, with the given impairments on
 * every link (both ways), and measures what arrives.
 *
 * <p>The replay has one server endpoint and one client endpoint per captured connection. Each client
 * connects at its connection's first captured instant; every message is handed to the transport at
 * its captured instant plus {@link #LEAD_IN_NANOS}, which leaves time for the handshake. A message
 * whose connection is not yet established, or that the transport refuses (backpressure), waits and
 * is sent as soon as possible; its latency still counts from its scheduled instant. After the last
 * message the run goes on until every reliable message has arrived (or {@link #DRAIN_LIMIT_NANOS}
 * passed), then {@link #SETTLE_NANOS} more for late unreliable ones.
 *
 * <p>Everything random comes from the seed: the network's links and the endpoints' generators, so a
 * run is a pure function of capture, conditions and seed.
 */
public final class ReplayRun {
    /** Virtual time before the captured timeline starts: handshakes happen here. */
    public static final long LEAD_IN_NANOS = 1_000_000_000L;
    /** Longest virtual time after the last message for reliable messages to arrive. */
    public static final long DRAIN_LIMIT_NANOS = 60_000_000_000L;
    /** Virtual time after the drain for stragglers. */
    public static final long SETTLE_NANOS = 1_000_000_000L;
    /** At most this many messages are named in each list of a {@link ChannelResult}. */
    public static final int MAX_NAMED_MESSAGES = 20;

    private static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("10.0.0.1", 7777);

    /** Replay state of one captured connection. */
    private static final class ReplayConnection {
        final TracedConnection traced;
        final InetSocketAddress clientAddress;
        final Endpoint client;
        Connection clientConnection;
        Connection serverConnection;
        final ArrayDeque<Pending> toServer = new ArrayDeque<>();
        final ArrayDeque<Pending> toClient = new ArrayDeque<>();

        ReplayConnection(TracedConnection traced, InetSocketAddress clientAddress, Endpoint client) {
            this.traced = traced;
            this.clientAddress = clientAddress;
            this.client = client;
        }

        /** The side that sends in {@code direction}; null before its connection exists. */
        Connection sender(Direction direction) {
            return direction == Direction.CLIENT_TO_SERVER ? clientConnection : serverConnection;
        }

        /** The side that receives in {@code direction}; null before its connection exists. */
        Connection receiver(Direction direction) {
            return direction == Direction.CLIENT_TO_SERVER ? serverConnection : clientConnection;
        }
    }

    private record Pending(RecoveredMessage message) {
    }

    private record LedgerKey(int connection, Direction direction, int channel) {
    }

    private final SessionTrace trace;
    private final LinkConditions conditions;
    private final long seed;
    private final SimulatedNetwork network;
    private final Endpoint server;
    private final List<ReplayConnection> connections = new ArrayList<>();
    private final Map<InetSocketAddress, ReplayConnection> byClientAddress = new HashMap<>();
    private final Map<LedgerKey, ChannelLedger> ledgers = new HashMap<>();
    private final List<DeliveryMode> channels;
    private long wallNanos;

    private ReplayRun(SessionTrace trace, LinkConditions conditions, long seed) {
        this.trace = trace;
        this.conditions = conditions;
        this.seed = seed;
        this.channels = channelsOf(trace);
        this.network = new SimulatedNetwork(seed);
        network.setDefaultLink(conditions);
        SplittableRandom random = new SplittableRandom(seed);
        TransportConfig config = configFor(trace, channels);
        this.server = Endpoint.server(config, random.split());
        network.attach(SERVER_ADDRESS, server);
        for (TracedConnection traced : trace.connections()) {
            InetSocketAddress address = new InetSocketAddress("10.1." + (traced.index() / 250) + "." + (traced.index() % 250 + 1),
                    50_000);
            ReplayConnection connection = new ReplayConnection(traced, address, Endpoint.client(config, random.split()));
            network.attach(address, connection.client);
            connections.add(connection);
            byClientAddress.put(address, connection);
        }
    }

    /** Runs the replay of {@code trace} under {@code conditions} with {@code seed}. */
    public static ReplayRun run(SessionTrace trace, LinkConditions conditions, long seed) {
        ReplayRun run = new ReplayRun(trace, conditions, seed);
        long started = System.nanoTime();
        run.execute();
        run.wallNanos = System.nanoTime() - started;
        return run;
    }

    /**
     * The channels announced in the capture's CONNECTs (the game's when none was captured), extended
     * with unreliable channels if messages use channels beyond them (possible only when the CONNECT is
     * missing and the session was not the game's), so that every recovered message can be sent.
     */
    private static List<DeliveryMode> channelsOf(SessionTrace trace) {
        List<DeliveryMode> modes = null;
        for (TracedConnection connection : trace.connections()) {
            if (modes == null || (connection.handshakeSeen() && connection.channels().size() > modes.size())) {
                modes = connection.channels();
            }
        }
        List<DeliveryMode> channels = new ArrayList<>(modes == null ? TransportConfig.internet().channels() : modes);
        int highest = trace.messages().stream().mapToInt(RecoveredMessage::channel).max().orElse(-1);
        while (channels.size() <= highest) {
            channels.add(DeliveryMode.UNRELIABLE);
        }
        return List.copyOf(channels);
    }

    private static TransportConfig configFor(SessionTrace trace, List<DeliveryMode> channels) {
        int largest = trace.messages().stream().mapToInt(m -> m.payload().length).max().orElse(0);
        TransportConfig base = baseConfig(trace, channels);
        if (largest <= base.maxMessageBytes()) {
            return base;
        }
        int bytes = Math.max(largest, base.maxMessageBytes());
        return base.toBuilder().maxMessageBytes(bytes).sendBufferBytes(Math.max(base.sendBufferBytes(), bytes))
                .receiveWindowBytes(Math.max(base.receiveWindowBytes(), bytes + 16))
                .unreliableReceiveBufferBytes(Math.max(base.unreliableReceiveBufferBytes(), bytes)).build();
    }

    /**
     * The configuration the captured programs used, as far as the capture tells: a game session (a
     * Welcome on the events channel) gets the game's tick-aware profile, whose acknowledgements ride on
     * the next tick's datagram; anything else the default profile with the captured channels.
     */
    private static TransportConfig baseConfig(SessionTrace trace, List<DeliveryMode> channels) {
        OptionalInt tickRateHz = gameTickRateHz(trace, channels);
        if (tickRateHz.isPresent()) {
            return GameChannels.transportConfig(TransportConfig.internet(), tickRateHz.getAsInt());
        }
        return TransportConfig.internet().toBuilder().channels(channels).build();
    }

    private static OptionalInt gameTickRateHz(SessionTrace trace, List<DeliveryMode> channels) {
        OptionalInt tickRateHz = GameSessionInfo.tickRateHz(trace);
        boolean gameChannels = channels.equals(GameChannels.transportConfig(TransportConfig.internet()).channels());
        return gameChannels ? tickRateHz : OptionalInt.empty();
    }

    /** The profile {@link #baseConfig} chose, in words for the report. */
    private String profile(SessionTrace trace) {
        OptionalInt tickRateHz = gameTickRateHz(trace, channels);
        return tickRateHz.isPresent() ? "game at " + tickRateHz.getAsInt() + " Hz (acks ride on the next tick)"
                : "internet (default)";
    }

    private void execute() {
        List<RecoveredMessage> messages = trace.messages();
        long origin = trace.firstMicros();
        List<long[]> connectAt = new ArrayList<>();
        for (ReplayConnection connection : connections) {
            connectAt.add(new long[] {LEAD_IN_NANOS - LEAD_IN_NANOS / 2
                    + (connection.traced.firstMicros() - origin) * 1000, connection.traced.index()});
        }
        connectAt.sort((a, b) -> Long.compare(a[0], b[0]) != 0 ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int nextConnect = 0;
        for (RecoveredMessage message : messages) {
            long at = LEAD_IN_NANOS + message.firstSeenMicros() * 1000;
            while (nextConnect < connectAt.size() && connectAt.get(nextConnect)[0] <= at) {
                advanceTo(connectAt.get(nextConnect)[0]);
                connect(connections.get((int) connectAt.get(nextConnect)[1]));
                nextConnect++;
            }
            advanceTo(at);
            ledger(message).add(message, at);
            ReplayConnection connection = connections.get(message.connection());
            (message.direction() == Direction.CLIENT_TO_SERVER ? connection.toServer : connection.toClient)
                    .add(new Pending(message));
            flushPending();
        }
        while (nextConnect < connectAt.size()) {
            advanceTo(Math.max(network.nowNanos(), connectAt.get(nextConnect)[0]));
            connect(connections.get((int) connectAt.get(nextConnect)[1]));
            nextConnect++;
        }
        network.runUntil(() -> {
            drain();
            return allReliableDelivered();
        }, DRAIN_LIMIT_NANOS);
        network.runUntil(() -> {
            drain();
            return false;
        }, SETTLE_NANOS);
        drain();
    }

    private void connect(ReplayConnection connection) {
        connection.clientConnection = connection.client.connect(network.nowNanos(), SERVER_ADDRESS);
    }

    private void advanceTo(long instantNanos) {
        if (instantNanos - network.nowNanos() <= 0) {
            return;
        }
        network.runUntil(() -> {
            drain();
            return false;
        }, instantNanos - network.nowNanos());
        drain();
    }

    private ChannelLedger ledger(RecoveredMessage message) {
        return ledger(message.connection(), message.direction(), message.channel());
    }

    private ChannelLedger ledger(int connection, Direction direction, int channel) {
        return ledgers.computeIfAbsent(new LedgerKey(connection, direction, channel),
                k -> new ChannelLedger(k.channel < channels.size() ? channels.get(k.channel) : DeliveryMode.UNRELIABLE));
    }

    private boolean allReliableDelivered() {
        for (ReplayConnection connection : connections) {
            if (!connection.toServer.isEmpty() || !connection.toClient.isEmpty()) {
                return false;
            }
        }
        for (ChannelLedger ledger : ledgers.values()) {
            if (ledger.mode.isReliable() && !ledger.allDelivered()) {
                return false;
            }
        }
        return true;
    }

    /** Collects events and deliveries at the current instant and sends what waits. */
    private void drain() {
        ConnectionEvent event;
        while ((event = server.pollEvent()) != null) {
            if (event.type() == ConnectionEvent.Type.CONNECTED) {
                ReplayConnection connection = byClientAddress.get(event.connection().remoteAddress());
                if (connection != null) {
                    connection.serverConnection = event.connection();
                }
            }
        }
        long now = network.nowNanos();
        for (ReplayConnection connection : connections) {
            drainEvents(connection.client);
            int index = connection.traced.index();
            if (connection.serverConnection != null) {
                connection.serverConnection.receive((c, channel, payload) ->
                        delivered(index, Direction.CLIENT_TO_SERVER, channel, payload, now));
            }
            if (connection.clientConnection != null) {
                connection.clientConnection.receive((c, channel, payload) ->
                        delivered(index, Direction.SERVER_TO_CLIENT, channel, payload, now));
            }
        }
        flushPending();
    }

    /** Client events carry nothing the report needs; draining keeps their queue bounded. */
    private static void drainEvents(Endpoint endpoint) {
        ConnectionEvent event;
        do {
            event = endpoint.pollEvent();
        } while (event != null);
    }

    private void delivered(int connection, Direction direction, int channel, ByteBuffer payload, long now) {
        ledger(connection, direction, channel).delivered(payload, now);
    }

    private void flushPending() {
        for (ReplayConnection connection : connections) {
            send(connection.clientConnection, connection.toServer);
            if (connection.serverConnection != null) {
                send(connection.serverConnection, connection.toClient);
            }
        }
    }

    private static void send(Connection connection, ArrayDeque<Pending> pending) {
        if (connection == null || !connection.state().acceptsMessages()) {
            return;
        }
        while (!pending.isEmpty()) {
            RecoveredMessage message = pending.peek().message();
            if (!connection.send(message.channel(), message.payload())) {
                return;
            }
            pending.poll();
        }
    }

    /** Wall-clock time the replay took (not part of the report, which must be reproducible). */
    public long wallNanos() {
        return wallNanos;
    }

    /** The report: per direction, then per direction and channel (client to server first, channels ascending). */
    public ReplayReport report() {
        List<DirectionResult> directions = new ArrayList<>();
        List<ChannelResult> channelResults = new ArrayList<>();
        long messages = 0;
        for (Direction direction : Direction.values()) {
            directions.add(directionResult(direction));
            for (int channel = 0; channel < Math.max(channels.size(), maxChannel() + 1); channel++) {
                List<ChannelLedger> perConnection = new ArrayList<>();
                for (ReplayConnection connection : connections) {
                    ChannelLedger ledger = ledgers.get(new LedgerKey(connection.traced.index(), direction, channel));
                    if (ledger != null) {
                        perConnection.add(ledger);
                    }
                }
                if (!perConnection.isEmpty()) {
                    ChannelResult result = channelResult(direction, channel, perConnection, channelStats(direction, channel));
                    messages += result.messages();
                    channelResults.add(result);
                }
            }
        }
        return new ReplayReport(trace.file().toString(), profile(trace), conditions.toString(), seed, connections.size(), messages,
                trace.durationMicros(), network.nowNanos() / 1000, directions, channelResults);
    }

    private int maxChannel() {
        return ledgers.keySet().stream().mapToInt(LedgerKey::channel).max().orElse(-1);
    }

    private DirectionResult directionResult(Direction direction) {
        long packets = 0;
        long wire = 0;
        long retransmitted = 0;
        long lost = 0;
        long stale = 0;
        long payload = 0;
        for (ReplayConnection connection : connections) {
            Connection sender = connection.sender(direction);
            Connection receiver = connection.receiver(direction);
            if (sender != null) {
                ConnectionStats stats = sender.stats();
                packets += stats.packetsSent();
                wire += stats.bytesSent();
                retransmitted += stats.retransmittedFragments();
                lost += stats.packetsLost();
            }
            if (receiver != null) {
                stale += receiver.stats().staleMessages();
            }
        }
        for (Map.Entry<LedgerKey, ChannelLedger> entry : ledgers.entrySet()) {
            if (entry.getKey().direction == direction) {
                for (ChannelLedger.Entry e : entry.getValue().entries) {
                    payload += e.message.payload().length;
                }
            }
        }
        return new DirectionResult(direction.label(), packets, wire, payload, retransmitted, lost, stale);
    }

    /**
     * This channel's transport counters, summed over connections: frame bytes and retransmitted fragments
     * of the senders, stale drops of the receivers, in that order.
     */
    private long[] channelStats(Direction direction, int channel) {
        long[] counts = new long[3];
        if (channel >= channels.size()) {
            return counts;
        }
        for (ReplayConnection connection : connections) {
            Connection sender = connection.sender(direction);
            Connection receiver = connection.receiver(direction);
            if (sender != null) {
                ChannelStats stats = sender.channelStats(channel);
                counts[0] += stats.frameBytesSent();
                counts[1] += stats.retransmittedFragments();
            }
            if (receiver != null) {
                counts[2] += receiver.channelStats(channel).staleMessages();
            }
        }
        return counts;
    }

    private static ChannelResult channelResult(Direction direction, int channel, List<ChannelLedger> ledgers,
                                               long[] transportCounts) {
        long messages = 0;
        long payloadBytes = 0;
        long once = 0;
        long notDelivered = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long foreign = 0;
        List<Long> latencies = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> misordered = new ArrayList<>();
        DeliveryMode mode = ledgers.get(0).mode;
        boolean ordered = mode == DeliveryMode.RELIABLE_ORDERED || mode == DeliveryMode.UNRELIABLE_SEQUENCED;
        for (ChannelLedger ledger : ledgers) {
            duplicates += ledger.duplicates;
            foreign += ledger.foreign;
            if (ordered) {
                outOfOrder += ledger.outOfOrder;
                for (ChannelLedger.Entry entry : ledger.outOfOrderEntries) {
                    if (misordered.size() < MAX_NAMED_MESSAGES) {
                        misordered.add(name(entry.message));
                    }
                }
            }
            for (ChannelLedger.Entry entry : ledger.entries) {
                messages++;
                payloadBytes += entry.message.payload().length;
                if (entry.deliveries == 0) {
                    notDelivered++;
                    if (missing.size() < MAX_NAMED_MESSAGES) {
                        missing.add(name(entry.message));
                    }
                } else {
                    if (entry.deliveries == 1) {
                        once++;
                    }
                    latencies.add((entry.firstDeliveryNanos - entry.scheduledNanos) / 1000);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        // Unreliable channels may lose messages by design: report them, but only reliable ones are failures.
        return new ChannelResult(direction.label(), channel, mode.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                messages, payloadBytes, once, notDelivered, duplicates, outOfOrder, foreign,
                transportCounts[0], transportCounts[1], transportCounts[2], percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                List.copyOf(missing), List.copyOf(misordered));
    }

    private static String name(RecoveredMessage message) {
        return "connection " + message.connection() + " channel " + message.channel() + " sequence " + message.sequence();
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
