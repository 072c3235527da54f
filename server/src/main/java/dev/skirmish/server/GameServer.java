package dev.skirmish.server;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.message.Chat;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.message.KillFeed;
import dev.skirmish.game.message.Leave;
import dev.skirmish.game.message.MapInfo;
import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.game.message.ScoreUpdate;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotBaselines;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.wire.WireFormatException;
import dev.skirmish.server.input.CommandQueue;
import dev.skirmish.server.input.InputRejection;
import dev.skirmish.server.input.InputRejectionCounts;
import dev.skirmish.server.stats.ServerStats;
import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.server.stats.TickTimeHistogram;
import dev.skirmish.server.world.MatchResult;
import dev.skirmish.server.world.PlayerStanding;
import dev.skirmish.server.world.ServerPlayer;
import dev.skirmish.server.world.World;
import dev.skirmish.server.world.WorldListener;
import dev.skirmish.server.world.WorldRules;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.EndpointStats;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.udp.NanoClock;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authoritative Skirmish server as a sans-IO {@link NetworkNode}: it wraps the transport's
 * {@link Endpoint} and adds a fixed-rate game tick, so any driver that runs a node runs the game:
 * {@code UdpHost} over real sockets with a real clock, {@code SimulatedNetwork} in virtual time.
 *
 * <h2>Calling contract</h2>
 * As for every node: {@link #receive} each datagram, {@link #handleTimeout} when
 * {@link #nextTimeoutNanos()} is due, then {@link #poll}. The deadline is the earlier of the
 * endpoint's (acknowledgements, retransmissions) and the next tick's, so between ticks the driver
 * still wakes for the transport and never holds an acknowledgement back for a tick. The time passed
 * in is the only clock the game reads. The schedule is anchored at the first {@link #handleTimeout}
 * (the deadline is "now" until then): tick {@code k} runs at {@code start + k / tickRate}; a driver
 * that falls more than {@value #MAX_LATE_TICKS} ticks behind skips ahead (counted in
 * {@link ServerStats#ticksSkipped()}). The injected {@link NanoClock} only measures how long each
 * tick's work takes, for statistics; in simulation it may be a fake.
 *
 * <h2>One tick</h2>
 * <ol>
 *   <li>drain connection events (connect, disconnect) and every delivered message: joins, chat and
 *       leaves on {@link GameChannels#EVENTS}, {@link ClientUpdate}s on {@link GameChannels#INPUT}
 *       (snapshot acknowledgements and commands into each player's {@link CommandQueue});</li>
 *   <li>apply commands, players in id order, one per player (two when catching up) through the
 *       {@link World}: movement from buttons, fire rate, lag-compensated rifle, rockets;</li>
 *   <li>fly rockets, respawn, record history, run the match clock ({@link World#endTick()});</li>
 *   <li>every {@link ServerConfig#snapshotIntervalTicks()} ticks, one snapshot per joined client on
 *       {@link GameChannels#SNAPSHOTS}, carrying its last applied command and delta-encoded against
 *       the newest snapshot it acknowledged (full when none is usable);</li>
 *   <li>reliable events (join, leave, kill feed, scores, chat) go out as they happen, on
 *       {@link GameChannels#EVENTS}.</li>
 * </ol>
 *
 * <h2>Joining</h2>
 * A client connects (the transport admits at most {@link ServerConfig#maxPlayers()} connections and
 * refuses more with {@code SERVER_FULL}) and sends {@link Join}. It receives {@link Welcome},
 * {@link MapInfo}, a {@link PlayerJoined} and a {@link ScoreUpdate} for every player present (itself
 * included); the others receive its {@code PlayerJoined} and {@code ScoreUpdate}. A name that left
 * within {@link ServerConfig#reconnectGraceSeconds()} gets its standing back. A name still in play
 * from the same IP address is taken to be that player back after a crash: the old connection is
 * closed and its standing handed over; from another address the newcomer's name gets a suffix
 * instead. Names are the only identity, so this is convenience, not security. A connection that has
 * not joined within {@value #JOIN_TIMEOUT_SECONDS} s is closed.
 *
 * <h2>Shutting down</h2>
 * {@link #requestShutdown()} (on the driver's thread) stops the ticks at the next wake-up and closes
 * every connection gracefully (queued events are flushed); connections still open after
 * {@value #SHUTDOWN_FLUSH_MILLIS} ms are aborted. Keep driving until {@link #isShutDown()}.
 *
 * <p>Not thread-safe: call everything on the driver's thread, except {@link #latestStats()}.
 */
public final class GameServer implements NetworkNode {

    private static final Logger LOG = LoggerFactory.getLogger(GameServer.class);

    /** Ticks a driver may fall behind before the schedule skips ahead instead of catching up. */
    public static final int MAX_LATE_TICKS = 4;
    /** How long a graceful shutdown waits for connections to flush and close. */
    public static final long SHUTDOWN_FLUSH_MILLIS = 1_000;
    /** How long a connection may stay without joining. */
    public static final int JOIN_TIMEOUT_SECONDS = 10;
    /** A command may be numbered at most this many seconds' worth of ticks beyond the last applied. */
    static final int MAX_COMMAND_JUMP_SECONDS = 10;
    /** Completed matches kept for the summary. */
    static final int MAX_COMPLETED_MATCHES = 16;

    private final ServerConfig config;
    private final GameMap map;
    private final NanoClock workClock;
    private final Endpoint endpoint;
    private final TickSchedule schedule;
    private final World world;
    private final ReconnectGrace grace;
    private final GameMessageCodec codec = new GameMessageCodec();
    private final ClientUpdate update = new ClientUpdate();
    private final InputCommand[] decoded = new InputCommand[GameConstants.INPUT_REDUNDANCY];
    private final byte[] messageBytes = new byte[GameMessageCodec.MAX_MESSAGE_BYTES];
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Snapshot worldSnapshot = new Snapshot();
    private final List<ClientSession> sessions = new ArrayList<>();
    private final ClientSession[] sessionsByPlayer = new ClientSession[GameConstants.MAX_PLAYERS];
    private final InputRejectionCounts rejections = new InputRejectionCounts();
    private final TickTimeHistogram windowTickTimes = new TickTimeHistogram();
    private final TickTimeHistogram runTickTimes = new TickTimeHistogram();
    private final ArrayDeque<MatchResult> completedMatches = new ArrayDeque<>();
    private final MessageHandler messageHandler = this::onMessage;
    private final List<Connection> closesDue = new ArrayList<>();
    private final List<String> closeReasons = new ArrayList<>();
    private final byte[] mapInfoMessage;
    private final int snapshotRingCapacity;
    private final int maxCommandJump;
    private final long statusIntervalNanos;
    private Consumer<ServerStats> statusListener = stats -> LOG.info("{}", stats.statusLine());
    private Runnable shutdownListener = () -> { };

    private long lastNowNanos;
    private long startNanos;
    private int lastTick = -1;
    private long ticksRun;
    private long snapshotsSent;
    private long fullSnapshots;
    private long snapshotBytes;
    private long refusedSnapshots;
    private long commandsApplied;
    private long commandsLost;
    private long commandsRedundant;
    private long windowStartNanos;
    private long windowBytesIn;
    private long windowBytesOut;
    private long windowSnapshotBytes;
    private long nextStatusNanos;
    private volatile ServerStats latestStats;

    private boolean shutdownRequested;
    private boolean shuttingDown;
    private long shutdownDeadlineNanos;
    private volatile boolean shutDown;

    /**
     * A server for {@code map} under {@code config}. {@code random} makes the transport's connection
     * ids and cookie secrets (a {@link java.security.SecureRandom} for real use, a seeded generator in
     * simulation); {@code workClock} only measures tick work for statistics.
     */
    public GameServer(ServerConfig config, GameMap map, RandomGenerator random, NanoClock workClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.map = Objects.requireNonNull(map, "map");
        this.workClock = Objects.requireNonNull(workClock, "workClock");
        this.endpoint = Endpoint.server(config.transportConfig(), Objects.requireNonNull(random, "random"));
        this.schedule = new TickSchedule(config.tickRateHz(), MAX_LATE_TICKS);
        this.world = new World(map, new WorldRules(config.tickRateHz(), config.matchTicks(), config.maxRewindTicks(),
                config.snapshotIntervalTicks()), new WorldEvents());
        this.grace = new ReconnectGrace(config.reconnectGraceSeconds() * config.tickRateHz());
        this.mapInfoMessage = codec.encode(new MapInfo(map.name(), map.toText()));
        this.snapshotRingCapacity = SnapshotBaselines.capacityFor(config.tickRateHz());
        this.maxCommandJump = MAX_COMMAND_JUMP_SECONDS * config.tickRateHz();
        this.statusIntervalNanos = config.statusIntervalSeconds() * 1_000_000_000L;
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = new InputCommand();
        }
    }

    // ------------------------------------------------------------------ NetworkNode

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        lastNowNanos = nowNanos;
        endpoint.receive(nowNanos, from, datagram);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        lastNowNanos = nowNanos;
        endpoint.handleTimeout(nowNanos);
        if (!schedule.started()) {
            start(nowNanos);
        }
        if (shutdownRequested && !shuttingDown) {
            beginShutdown(nowNanos);
        }
        if (shuttingDown) {
            return;
        }
        for (int ran = 0; ran <= MAX_LATE_TICKS && schedule.isDue(nowNanos); ran++) {
            long skipped = schedule.skipIfLate(nowNanos);
            if (skipped > 0) {
                LOG.warn("server fell {} ticks behind; skipping ahead", skipped);
            }
            runTick(nowNanos);
            schedule.advance();
        }
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        lastNowNanos = nowNanos;
        endpoint.poll(nowNanos, sink);
        closeDueConnections();
        if (shuttingDown) {
            if (!endpoint.isClosing() && nowNanos - shutdownDeadlineNanos >= 0) {
                // Whoever has not finished closing by now is told at once and forgotten.
                endpoint.close(nowNanos);
            }
            checkShutDown(nowNanos);
        }
    }

    @Override
    public long nextTimeoutNanos() {
        if (!schedule.started() || (shutdownRequested && !shuttingDown) || !closesDue.isEmpty()) {
            return lastNowNanos;
        }
        long transport = endpoint.nextTimeoutNanos();
        long own;
        if (shuttingDown) {
            own = endpoint.isClosing() ? NO_DEADLINE : shutdownDeadlineNanos;
        } else {
            own = schedule.nextTickNanos();
        }
        if (transport == NO_DEADLINE) {
            return own;
        }
        if (own == NO_DEADLINE) {
            return transport;
        }
        return transport - own < 0 ? transport : own;
    }

    // ------------------------------------------------------------------ control and observation

    /** Asks for a graceful shutdown at the next wake-up; call on the driver's thread. */
    public void requestShutdown() {
        shutdownRequested = true;
    }

    /** Whether the shutdown finished: no ticks run and every connection is closed. Safe from any thread. */
    public boolean isShutDown() {
        return shutDown;
    }

    /** Called (on the driver's thread) once the shutdown finished. */
    public void setShutdownListener(Runnable listener) {
        this.shutdownListener = Objects.requireNonNull(listener, "listener");
    }

    /** Receives the statistics every status interval, on the driver's thread; by default they are logged. */
    public void setStatusListener(Consumer<ServerStats> listener) {
        this.statusListener = Objects.requireNonNull(listener, "listener");
    }

    public ServerConfig config() {
        return config;
    }

    public GameMap map() {
        return map;
    }

    /** The transport endpoint (for its statistics; the server owns its connections). */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The last tick run, or -1 before the first. */
    public int tick() {
        return lastTick;
    }

    /** Ticks simulated so far. */
    public long ticksRun() {
        return ticksRun;
    }

    /** Ticks dropped because the driver fell too far behind. */
    public long ticksSkipped() {
        return schedule.skippedTicks();
    }

    /** When the next tick is due (meaningful once started). */
    public long nextTickNanos() {
        return schedule.nextTickNanos();
    }

    /** Players in the game. */
    public int playerCount() {
        return world.playerCount();
    }

    /** Standings of the match in progress, best first. */
    public List<PlayerStanding> standings() {
        return world.standings();
    }

    /** Rejections and clamps counted so far. */
    public InputRejectionCounts rejections() {
        return rejections;
    }

    /** The statistics published at the last status interval (null before the first); safe from any thread. */
    public ServerStats latestStats() {
        return latestStats;
    }

    /** Statistics now, the window being the time since the last status report. */
    public ServerStats stats() {
        return buildStats(lastNowNanos, endpoint.stats());
    }

    /**
     * Forgets the tick-work durations recorded so far, so that {@link #summary()}'s percentiles cover
     * only what follows: a benchmark measures steady play, not joins and JIT warm-up. Driver's thread.
     */
    public void restartTickTimes() {
        runTickTimes.reset();
    }

    /** Scores, matches, network and timing totals of the run so far. Call on the driver's thread, or after it stopped. */
    public ServerSummary summary() {
        EndpointStats net = endpoint.stats();
        return new ServerSummary(elapsedNanos(lastNowNanos), ticksRun, schedule.skippedTicks(), config.tickRateHz(),
                map.name(), world.matchNumber(), world.standings(), List.copyOf(completedMatches),
                runTickTimes.percentileMicros(50), runTickTimes.percentileMicros(99), runTickTimes.maxNanos() / 1_000,
                net.datagramsReceived(), net.bytesReceived(), net.datagramsSent(), net.bytesSent(),
                net.connectionsAccepted(), net.connectionsRejected(),
                snapshotsSent, snapshotBytes, commandsApplied, commandsLost, rejections.toMap());
    }

    /** The world, for tests in this package. */
    World world() {
        return world;
    }

    /** The session of player {@code id}, for tests in this package. */
    ClientSession session(int playerId) {
        return sessionsByPlayer[playerId];
    }

    // ------------------------------------------------------------------ the tick

    private void start(long nowNanos) {
        schedule.start(nowNanos);
        startNanos = nowNanos;
        windowStartNanos = nowNanos;
        nextStatusNanos = nowNanos + statusIntervalNanos;
        LOG.info("server started: map {}, {}", map.name(), config);
    }

    private void runTick(long nowNanos) {
        long workStart = workClock.nowNanos();
        int tick = schedule.nextTick();
        lastTick = tick;
        world.beginTick(tick);
        drainConnectionEvents(tick);
        drainMessages();
        applyCommands();
        world.endTick();
        if (tick % config.snapshotIntervalTicks() == 0) {
            sendSnapshots(tick);
        }
        if (tick % config.tickRateHz() == 0) {
            closeSessionsThatNeverJoined(tick);
        }
        ticksRun++;
        long work = workClock.nowNanos() - workStart;
        windowTickTimes.record(work);
        runTickTimes.record(work);
        if (nowNanos - nextStatusNanos >= 0) {
            report(nowNanos);
        }
    }

    private void drainConnectionEvents(int tick) {
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            switch (event.type()) {
                case CONNECTED -> {
                    ClientSession session = new ClientSession(event.connection(), config.inputBacklogCommands(),
                            maxCommandJump, snapshotRingCapacity, tick);
                    event.connection().attach(session);
                    sessions.add(session);
                }
                case DISCONNECTED -> {
                    if (event.connection().attachment() instanceof ClientSession session) {
                        removePlayer(session, describe(event.reason()));
                        sessions.remove(session);
                    }
                }
                case CONNECT_FAILED -> { }
            }
        }
    }

    private void drainMessages() {
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).connection.receive(messageHandler);
        }
    }

    private void applyCommands() {
        for (ClientSession session : sessionsByPlayer) {
            if (session == null) {
                continue;
            }
            CommandQueue queue = session.commands;
            long lostBefore = queue.lost();
            queue.beginTick();
            InputCommand command;
            while ((command = queue.poll()) != null) {
                world.applyCommand(session.player, command);
                commandsApplied++;
            }
            commandsLost += queue.lost() - lostBefore;
        }
    }

    private void sendSnapshots(int tick) {
        world.fillSnapshot(worldSnapshot);
        for (ClientSession session : sessionsByPlayer) {
            if (session == null) {
                continue;
            }
            int length = session.baselines.encodeNext(worldSnapshot, session.commands.lastTaken(), encoder);
            if (!session.connection.send(GameChannels.SNAPSHOTS, encoder.buffer(), 0, length)) {
                session.refusedSnapshots++;
                refusedSnapshots++;
                continue;
            }
            if (encoder.lastBaselineTick() == SnapshotEncoder.NO_BASELINE) {
                session.fullSnapshots++;
                fullSnapshots++;
            } else {
                session.deltaSnapshots++;
            }
            session.snapshotBytes += length;
            snapshotsSent++;
            snapshotBytes += length;
            windowSnapshotBytes += length;
        }
    }

    private void closeSessionsThatNeverJoined(int tick) {
        int limitTicks = JOIN_TIMEOUT_SECONDS * config.tickRateHz();
        for (int i = 0; i < sessions.size(); i++) {
            ClientSession session = sessions.get(i);
            if (!session.joined() && tick - session.connectedTick > limitTicks) {
                closeLater(session.connection, "no join within " + JOIN_TIMEOUT_SECONDS + " s");
            }
        }
    }

    // ------------------------------------------------------------------ messages from clients

    private void onMessage(Connection connection, int channel, ByteBuffer payload) {
        ClientSession session = (ClientSession) connection.attachment();
        if (session.closing) {
            return;
        }
        switch (channel) {
            case GameChannels.INPUT -> onUpdate(session, payload);
            case GameChannels.EVENTS -> onEvent(session, payload);
            default -> rejections.count(InputRejection.WRONG_CHANNEL);
        }
    }

    private void onUpdate(ClientSession session, ByteBuffer payload) {
        if (!session.joined()) {
            rejections.count(InputRejection.NOT_JOINED);
            return;
        }
        int length = payload.remaining();
        if (length > ClientUpdate.MAX_BYTES) {
            rejections.count(InputRejection.MALFORMED_UPDATE);
            return;
        }
        payload.get(payload.position(), messageBytes, 0, length);
        int count;
        try {
            count = update.decode(messageBytes, 0, length, decoded);
        } catch (WireFormatException e) {
            rejections.count(InputRejection.MALFORMED_UPDATE);
            return;
        }
        acknowledge(session, update.ackedSnapshotTick());
        for (int i = count - 1; i >= 0; i--) {
            switch (session.commands.offer(decoded[i])) {
                case QUEUED -> { }
                case REDUNDANT -> commandsRedundant++;
                case QUEUED_DROPPING_OLDEST, DROPPED_BACKLOG_FULL -> rejections.count(InputRejection.BACKLOG_OVERFLOW);
                case REFUSED_NUMBER_JUMP -> rejections.count(InputRejection.COMMAND_NUMBER_JUMP);
            }
        }
    }

    /** Takes the newest acknowledged snapshot as the client's baseline, if it is one we sent it. */
    private void acknowledge(ClientSession session, int ackedTick) {
        if (session.baselines.acknowledge(ackedTick, lastTick) == SnapshotBaselines.Ack.INVALID) {
            rejections.count(InputRejection.INVALID_ACK);
        }
    }

    private void onEvent(ClientSession session, ByteBuffer payload) {
        int length = payload.remaining();
        if (length > messageBytes.length) {
            rejections.count(InputRejection.MALFORMED_MESSAGE);
            return;
        }
        payload.get(payload.position(), messageBytes, 0, length);
        GameMessage message;
        try {
            message = codec.decode(messageBytes, 0, length);
        } catch (WireFormatException e) {
            rejections.count(InputRejection.MALFORMED_MESSAGE);
            return;
        }
        if (message instanceof Join join) {
            onJoin(session, join);
        } else if (message instanceof Chat chat) {
            if (!session.joined()) {
                rejections.count(InputRejection.NOT_JOINED);
            } else if (!session.allowChat(lastTick, config.tickRateHz())) {
                rejections.count(InputRejection.CHAT_RATE_LIMITED);
            } else {
                broadcast(codec.encode(new Chat(session.player.id(), chat.text())));
            }
        } else if (message instanceof Leave leave) {
            removePlayer(session, leave.reason().isEmpty() ? "left" : truncate("left: " + leave.reason()));
            closeLater(session.connection, "left");
        } else {
            rejections.count(InputRejection.UNEXPECTED_MESSAGE);
        }
    }

    private void onJoin(ClientSession session, Join join) {
        if (session.joined()) {
            rejections.count(InputRejection.UNEXPECTED_MESSAGE);
            return;
        }
        if (join.protocolVersion() != GameConstants.PROTOCOL_VERSION) {
            rejections.count(InputRejection.PROTOCOL_MISMATCH);
            closeLater(session.connection, "game protocol mismatch: server " + GameConstants.PROTOCOL_VERSION
                    + ", client " + join.protocolVersion());
            return;
        }
        int tick = lastTick;
        ClientSession stale = sessionPlaying(join.playerName());
        if (stale != null && sameHost(stale.connection, session.connection)) {
            // Most likely the same player, back after a crash before the old connection timed out.
            removePlayer(stale, "reconnected");
            closeLater(stale.connection, "replaced by a new connection from the same address");
        }
        String name = unusedName(join.playerName());
        PlayerStanding returning = grace.claim(name, tick);
        int id = returning != null && returning.playerId() < config.maxPlayers() && world.player(returning.playerId()) == null
                ? returning.playerId() : world.freePlayerId(config.maxPlayers());
        if (id < 0) {
            closeLater(session.connection, "server is full");
            return;
        }
        ServerPlayer player = returning == null ? world.addPlayer(id, name, 0, 0, 0)
                : world.addPlayer(id, name, returning.score(), returning.kills(), returning.deaths());
        session.player = player;
        sessionsByPlayer[id] = session;
        send(session, codec.encode(new Welcome(id, config.tickRateHz(), tick, config.maxPlayers())));
        send(session, mapInfoMessage);
        for (ClientSession other : sessionsByPlayer) {
            if (other != null) {
                send(session, codec.encode(new PlayerJoined(other.player.id(), other.player.name())));
            }
        }
        for (ClientSession other : sessionsByPlayer) {
            if (other != null) {
                send(session, codec.encode(scoreOf(other.player)));
            }
        }
        broadcastExcept(session, codec.encode(new PlayerJoined(id, name)));
        broadcastExcept(session, codec.encode(scoreOf(player)));
        LOG.info("{} joined as player {}{}", name, id, returning == null ? "" : " (score restored: " + returning.score() + ")");
    }

    /** Takes the session's player out of the game, tells everyone, and remembers the standing for a reconnect. */
    private void removePlayer(ClientSession session, String reason) {
        if (!session.joined()) {
            return;
        }
        int id = session.player.id();
        PlayerStanding standing = world.removePlayer(id);
        sessionsByPlayer[id] = null;
        session.player = null;
        grace.remember(standing, lastTick);
        broadcast(codec.encode(new Leave(id, truncate(reason))));
        LOG.info("{} (player {}) left: {}", standing.name(), id, reason);
    }

    private String unusedName(String requested) {
        String name = requested;
        for (int suffix = 2; nameInUse(name); suffix++) {
            String tag = " (" + suffix + ")";
            name = requested.substring(0, Math.min(requested.length(), Join.MAX_NAME_LENGTH - tag.length())) + tag;
        }
        return name;
    }

    private boolean nameInUse(String name) {
        return sessionPlaying(name) != null;
    }

    private ClientSession sessionPlaying(String name) {
        for (ClientSession session : sessionsByPlayer) {
            if (session != null && session.player.name().equals(name)) {
                return session;
            }
        }
        return null;
    }

    private static boolean sameHost(Connection a, Connection b) {
        return a.remoteAddress().getAddress().equals(b.remoteAddress().getAddress());
    }

    private static ScoreUpdate scoreOf(ServerPlayer player) {
        return new ScoreUpdate(player.id(), player.score(), player.kills(), player.deaths());
    }

    private static String describe(DisconnectReason reason) {
        if (reason == null) {
            return "disconnected";
        }
        return switch (reason) {
            case PEER_CLOSED -> "left";
            case IDLE_TIMEOUT -> "timed out";
            case LOCAL_CLOSE -> "disconnected by the server";
            case PROTOCOL_VIOLATION -> "protocol violation";
            case ENDPOINT_CLOSED -> "server shut down";
            default -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String truncate(String reason) {
        return reason.length() <= Leave.MAX_REASON_LENGTH ? reason : reason.substring(0, Leave.MAX_REASON_LENGTH);
    }

    /**
     * Closes {@code connection} gracefully once this wake-up's datagrams have gone out. A connection
     * that starts closing no longer sends control frames it still owes (a PONG to the peer's first
     * PING, say), and would then report them as due forever; closing after {@code poll} lets them
     * leave first.
     */
    private void closeLater(Connection connection, String reason) {
        if (connection.attachment() instanceof ClientSession session) {
            session.closing = true;
        }
        if (!closesDue.contains(connection)) {
            closesDue.add(connection);
            closeReasons.add(reason);
        }
    }

    private void closeDueConnections() {
        for (int i = 0; i < closesDue.size(); i++) {
            closesDue.get(i).close(closeReasons.get(i));
        }
        closesDue.clear();
        closeReasons.clear();
    }

    // ------------------------------------------------------------------ events to clients

    private void broadcast(byte[] message) {
        broadcastExcept(null, message);
    }

    private void broadcastExcept(ClientSession excluded, byte[] message) {
        for (ClientSession session : sessionsByPlayer) {
            if (session != null && session != excluded) {
                send(session, message);
            }
        }
    }

    /** Queues a reliable event; a client too far behind to take one more is disconnected rather than left inconsistent. */
    private void send(ClientSession session, byte[] message) {
        Connection connection = session.connection;
        if (!connection.state().acceptsMessages()) {
            return;
        }
        if (!connection.send(GameChannels.EVENTS, message)) {
            LOG.warn("{}: event queue full; disconnecting", session);
            closeLater(connection, "too far behind");
        }
    }

    /** Turns what happens in the world into events for the clients. */
    private final class WorldEvents implements WorldListener {
        @Override
        public void onKill(ServerPlayer killer, ServerPlayer victim, Weapon weapon) {
            broadcast(codec.encode(new KillFeed(killer.id(), victim.id(), weapon)));
            broadcast(codec.encode(scoreOf(victim)));
            if (killer != victim) {
                broadcast(codec.encode(scoreOf(killer)));
            }
        }

        @Override
        public void onClamp(ServerPlayer shooter, InputRejection reason) {
            rejections.count(reason);
        }

        @Override
        public void onMatchEnd(MatchResult result) {
            if (completedMatches.size() == MAX_COMPLETED_MATCHES) {
                completedMatches.removeFirst();
            }
            completedMatches.addLast(result);
            grace.clear();
            PlayerStanding winner = result.winner();
            LOG.info("match {} ended{}", result.matchNumber(),
                    winner == null ? "" : ": " + winner.name() + " wins with " + winner.score());
        }

        @Override
        public void onMatchStart(int matchNumber, int tick) {
            for (ClientSession session : sessionsByPlayer) {
                if (session != null) {
                    broadcast(codec.encode(scoreOf(session.player)));
                }
            }
        }
    }

    // ------------------------------------------------------------------ statistics

    private void report(long nowNanos) {
        EndpointStats net = endpoint.stats();
        ServerStats stats = buildStats(nowNanos, net);
        latestStats = stats;
        windowTickTimes.reset();
        windowStartNanos = nowNanos;
        windowBytesIn = net.bytesReceived();
        windowBytesOut = net.bytesSent();
        windowSnapshotBytes = 0;
        nextStatusNanos = nowNanos + statusIntervalNanos;
        grace.expire(lastTick);
        statusListener.accept(stats);
    }

    private ServerStats buildStats(long nowNanos, EndpointStats net) {
        double windowSeconds = Math.max(1e-9, (nowNanos - windowStartNanos) / 1e9);
        double bytesIn = (net.bytesReceived() - windowBytesIn) / windowSeconds;
        double bytesOut = (net.bytesSent() - windowBytesOut) / windowSeconds;
        int players = world.playerCount();
        int matchSecondsLeft = (world.matchTicksLeft() + config.tickRateHz() - 1) / config.tickRateHz();
        return new ServerStats(elapsedNanos(nowNanos), lastTick, config.tickRateHz(), players,
                endpoint.connections().size(), world.matchNumber(), matchSecondsLeft, ticksRun,
                schedule.skippedTicks(), windowTickTimes.percentileMicros(50), windowTickTimes.percentileMicros(99),
                windowTickTimes.maxNanos() / 1_000, bytesIn, bytesOut, players == 0 ? 0 : bytesOut / players,
                windowSnapshotBytes / windowSeconds, snapshotsSent, fullSnapshots, snapshotBytes, refusedSnapshots,
                commandsApplied, commandsLost, commandsRedundant, rejections.toMap(), net.totalDrops());
    }

    private long elapsedNanos(long nowNanos) {
        return schedule.started() ? nowNanos - startNanos : 0;
    }

    // ------------------------------------------------------------------ shutdown

    private void beginShutdown(long nowNanos) {
        shuttingDown = true;
        shutdownDeadlineNanos = nowNanos + SHUTDOWN_FLUSH_MILLIS * 1_000_000;
        List<Connection> open = endpoint.connections();
        for (int i = 0; i < open.size(); i++) {
            closeLater(open.get(i), "server shutting down");
        }
        LOG.info("server shutting down: closing {} connection(s)", open.size());
    }

    private void checkShutDown(long nowNanos) {
        if (shutDown || !endpoint.connections().isEmpty()) {
            return;
        }
        if (!endpoint.isClosing()) {
            endpoint.close(nowNanos);
        }
        shutDown = true;
        LOG.info("server shut down after {} ticks", ticksRun);
        shutdownListener.run();
    }
}
