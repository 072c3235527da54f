package dev.skirmish.client;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;
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
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.wire.WireFormatException;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's client of a Skirmish server, as a sans-IO {@link NetworkNode}: it wraps a client
 * {@link Endpoint} and adds the game on top: joining, a fixed-rate input tick, prediction and
 * reconciliation of the local player, interpolation of the others, and a {@link ClientView} of it all.
 * Any driver runs it: a {@code UdpHost} over a real socket, or a {@code SimulatedNetwork} in virtual
 * time with many clients at once. The instants passed in are its only clock.
 *
 * <h2>Calling contract</h2>
 * The {@link NetworkNode} contract ({@code receive} per datagram, {@code handleTimeout} when
 * {@link #nextTimeoutNanos()} is due, then {@code poll}), plus {@link #connect} once and {@link #close}
 * at the end, all from the driver's thread. {@code nextTimeoutNanos} is the earliest of the endpoint's
 * timers, the next client tick and the join deadline; {@code handleTimeout} runs the due endpoint timers,
 * then the due client ticks. Messages are taken from the connection as soon as datagrams deliver them,
 * so snapshots are stamped with their true arrival time.
 *
 * <h2>Session</h2>
 * On transport CONNECTED the client sends {@link Join} (name, {@link GameConstants#PROTOCOL_VERSION}) on
 * {@link GameChannels#EVENTS}. {@link Welcome} gives its player id and the server's tick rate and starts
 * the client tick; {@link MapInfo} gives the map. Phases and failures: {@link ClientPhase},
 * {@link ClientFailure}.
 *
 * <h2>Each client tick (at the server's tick rate)</h2>
 * <ol>
 *   <li>Draw the world at the render time: the server tick estimated by {@link ServerClock} minus the
 *       interpolation delay ({@link InterpolationBuffer}); the local player from the prediction.</li>
 *   <li>Sample the {@link InputSource} into the next {@link InputCommand}, stamped with its number, the
 *       client time and the render time as view tick and fraction (the server's lag compensation
 *       rewinds targets to it).</li>
 *   <li>Predict it ({@link LocalPredictor}), keep it in the {@link CommandHistory}, and send a
 *       {@link ClientUpdate} on {@link GameChannels#INPUT}: the acknowledged snapshot tick and the last
 *       {@link GameConstants#INPUT_REDUNDANCY} commands.</li>
 *   <li>Publish a copy of the view to {@link #frames()} for a render thread.</li>
 * </ol>
 * Each snapshot ({@link GameChannels#SNAPSHOTS}) is decoded against its baseline
 * ({@link SnapshotReceiver}), becomes the tick to acknowledge, feeds the server clock and the
 * interpolation buffer, and reconciles the prediction.
 *
 * <h2>Threads</h2>
 * Not thread-safe: call everything from the driver's thread, except {@link #phase()}, {@link #failure()}
 * (safe from any thread) and {@link #frames()} (one reader thread). Ticks do not allocate, apart from
 * a statistics record four times a second.
 */
public final class GameClient implements NetworkNode {

    private static final Logger LOG = LoggerFactory.getLogger(GameClient.class);

    /** Commands kept for reconciliation and redundancy: about two seconds at 60 Hz. */
    static final int COMMAND_HISTORY_CAPACITY = 128;
    /** Interpolation buffer floor, in snapshots; it is sized to twice the delay plus this. */
    static final int INTERPOLATION_SLACK_SNAPSHOTS = 8;

    private static final long STATS_REFRESH_NANOS = 250_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final GameClientConfig config;
    private final InputSource input;
    private final Endpoint endpoint;
    private final GameMessageCodec messages = new GameMessageCodec();
    private Consumer<GameMessage> messageListener;
    private Consumer<Snapshot> snapshotListener;
    private final ClientUpdate update = new ClientUpdate();
    private final SnapshotReceiver snapshots = new SnapshotReceiver();
    private final CommandHistory history = new CommandHistory(COMMAND_HISTORY_CAPACITY);
    private final LocalPredictor predictor = new LocalPredictor(history);
    private final TickSchedule ticks = new TickSchedule();
    private final ClientView view = new ClientView();
    private final FrameExchange frames = new FrameExchange();
    private final InputCommand sampled = new InputCommand();
    private final InputCommand[] outgoing = new InputCommand[GameConstants.INPUT_REDUNDANCY];
    private final MessageHandler handler = this::onMessage;

    private volatile ClientPhase phase = ClientPhase.IDLE;
    private volatile ClientFailure failure;
    private Connection connection;
    private InetSocketAddress serverAddress;
    private ServerClock serverClock;
    private InterpolationBuffer interpolation;
    private GameMap map;
    private int localPlayerId = -1;
    private int tickRateHz;
    private double delayTicks;
    private boolean welcomed;
    private long nowNanos;
    private long connectNanos;
    private long welcomeNanos;
    private long endNanos = NO_DEADLINE;
    private long joinDeadlineNanos = NO_DEADLINE;
    private long nextStatsNanos;
    private int nextCommandNumber;
    private long commandsSent;
    private long inputRefusals;
    private long badMessages;
    private int kills;
    private int deaths;

    /**
     * A client that will play as configured, asking {@code input} for its input every tick.
     * {@code random} makes the transport's connection ids: a {@link java.security.SecureRandom} on real
     * networks (ids must not collide across processes), a seeded generator in simulations.
     */
    public GameClient(GameClientConfig config, InputSource input, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.input = Objects.requireNonNull(input, "input");
        this.endpoint = Endpoint.client(config.transport(), Objects.requireNonNull(random, "random"));
    }

    // ------------------------------------------------------------------ commands from the application

    /** Starts connecting to {@code server}; once only. */
    public void connect(long nowNanos, InetSocketAddress server) {
        if (phase != ClientPhase.IDLE) {
            throw new IllegalStateException("connect called in phase " + phase);
        }
        this.nowNanos = nowNanos;
        this.serverAddress = Objects.requireNonNull(server, "server");
        this.connectNanos = nowNanos;
        this.connection = endpoint.connect(nowNanos, server);
        setPhase(ClientPhase.CONNECTING);
        LOG.debug("{} connecting to {}", config.playerName(), server);
    }

    /**
     * Leaves the game: tells the server, flushes the connection and closes it. Keep driving the client
     * until {@link #phase()} is final. Does nothing once closing or over.
     */
    public void close(long nowNanos) {
        this.nowNanos = nowNanos;
        if (phase == ClientPhase.CLOSING || phase.isFinal()) {
            return;
        }
        stopTicking();
        if (connection == null) {
            end(ClientPhase.CLOSED, null);
            return;
        }
        setPhase(ClientPhase.CLOSING);
        if (connection.state() == Connection.State.CONNECTED) {
            connection.send(GameChannels.EVENTS, messages.encode(new Leave(Math.max(localPlayerId, 0), "quit")));
        }
        connection.close("client quit");
        processInbound();
    }

    /** Registers a listener for every reconciliation (null for none). */
    public void setReconciliationListener(ReconciliationListener listener) {
        predictor.setListener(listener);
    }

    /**
     * Registers a listener that sees every reliable game message from the server, in arrival order,
     * after the client has applied it (null for none). Called on the thread that drives this client.
     */
    public void setMessageListener(Consumer<GameMessage> listener) {
        this.messageListener = listener;
    }

    /**
     * Registers a listener that sees every snapshot the client decoded and accepted, in arrival order,
     * before it is used (null for none). The snapshot belongs to the client and is valid only during the
     * call. Called on the thread that drives this client; for tests and tools (demo playback checks).
     */
    public void setSnapshotListener(Consumer<Snapshot> listener) {
        this.snapshotListener = listener;
    }

    // ------------------------------------------------------------------ NetworkNode

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        this.nowNanos = nowNanos;
        endpoint.receive(nowNanos, from, datagram);
        processInbound();
    }

    @Override
    public void handleTimeout(long nowNanos) {
        this.nowNanos = nowNanos;
        if (isDue(endpoint.nextTimeoutNanos(), nowNanos)) {
            endpoint.handleTimeout(nowNanos);
        }
        processInbound();
        if (isDue(joinDeadlineNanos, nowNanos)) {
            fail(new ClientFailure(ClientFailure.Reason.JOIN_TIMEOUT,
                    "no Welcome within " + config.joinTimeoutMillis() + " ms of connecting"));
        }
        for (int due = ticks.takeDue(nowNanos); due > 0; due--) {
            tick();
        }
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        this.nowNanos = nowNanos;
        endpoint.poll(nowNanos, sink);
    }

    @Override
    public long nextTimeoutNanos() {
        return earliest(earliest(endpoint.nextTimeoutNanos(), ticks.nextTickNanos()), joinDeadlineNanos);
    }

    // ------------------------------------------------------------------ state for the application

    /** Where the session is; safe from any thread. */
    public ClientPhase phase() {
        return phase;
    }

    /** Why the session failed, or null; safe from any thread. */
    public ClientFailure failure() {
        return failure;
    }

    /** The live view, rewritten every tick; driver thread only (see {@link ClientView}). */
    public ClientView view() {
        return view;
    }

    /** Copies of the view published after every tick and phase change, for one reader thread. */
    public FrameExchange frames() {
        return frames;
    }

    /** The configuration. */
    public GameClientConfig config() {
        return config;
    }

    /** The server this client connects to, or null before {@link #connect}. */
    public InetSocketAddress serverAddress() {
        return serverAddress;
    }

    /** The local player's id, or -1 before the Welcome. */
    public int localPlayerId() {
        return localPlayerId;
    }

    /** The snapshot tick this client acknowledges (the newest decoded), or {@link ClientUpdate#NO_SNAPSHOT}. */
    public int ackedSnapshotTick() {
        return snapshots.ackedTick();
    }

    /** The transport connection, or null before {@link #connect}. */
    public Connection connection() {
        return connection;
    }

    /** Reliable-channel messages dropped: malformed, unexpected, or a second Welcome. */
    public long malformedMessages() {
        return badMessages;
    }

    /** Input updates the connection refused (its send buffer was full or it was closing). */
    public long inputSendRefusals() {
        return inputRefusals;
    }

    /** Client ticks skipped because the driver woke too late to catch up. */
    public long skippedTicks() {
        return ticks.skippedTicks();
    }

    /** The session's statistics at {@code nowNanos} (rates stop at the end of the session). */
    public ClientStats stats(long nowNanos) {
        long until = endNanos == NO_DEADLINE ? nowNanos : Math.min(nowNanos, endNanos);
        if (phase == ClientPhase.IDLE) {
            return ClientStats.EMPTY;
        }
        ConnectionStats net = connection.stats();
        return new ClientStats(Math.max(0, until - connectNanos), welcomed ? Math.max(0, until - welcomeNanos) : 0,
                net.smoothedRttMicros(), net.lossRate(), net.bytesSent(), net.bytesReceived(),
                snapshots.accepted(), snapshots.dropped(), commandsSent,
                predictor.corrections(), predictor.largestCorrectionUnits(),
                interpolation == null ? 0 : interpolation.underruns(), kills, deaths);
    }

    // ------------------------------------------------------------------ inbound

    private void processInbound() {
        if (connection != null) {
            connection.receive(handler);
        }
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            onEvent(event);
        }
    }

    private void onEvent(ConnectionEvent event) {
        if (event.connection() != connection) {
            return;
        }
        switch (event.type()) {
            case CONNECTED:
                if (phase == ClientPhase.CONNECTING) {
                    connection.send(GameChannels.EVENTS,
                            messages.encode(new Join(config.playerName(), GameConstants.PROTOCOL_VERSION)));
                    joinDeadlineNanos = nowNanos + config.joinTimeoutMillis() * NANOS_PER_MILLI;
                    setPhase(ClientPhase.JOINING);
                }
                break;
            case CONNECT_FAILED:
            case DISCONNECTED:
                ClientFailure transportFailure = ClientFailure.fromTransport(event.reason(), event.detail(), welcomed);
                if (phase == ClientPhase.CLOSING || transportFailure == null) {
                    end(ClientPhase.CLOSED, null);
                } else {
                    end(ClientPhase.FAILED, transportFailure);
                }
                break;
            default:
                throw new IllegalStateException("unknown connection event " + event.type());
        }
    }

    private void onMessage(Connection from, int channel, ByteBuffer payload) {
        if (phase == ClientPhase.CLOSING || phase.isFinal()) {
            // Leaving: a late Welcome must not start the tick again.
            return;
        }
        byte[] data = payload.array();
        int offset = payload.arrayOffset() + payload.position();
        int length = payload.remaining();
        if (channel == GameChannels.SNAPSHOTS) {
            onSnapshot(snapshots.accept(data, offset, length));
        } else if (channel == GameChannels.EVENTS) {
            try {
                onGameMessage(messages.decode(data, offset, length));
            } catch (WireFormatException e) {
                badMessages++;
                LOG.debug("{}: dropped malformed event message: {}", config.playerName(), e.getMessage());
            }
        } else {
            badMessages++;
        }
    }

    private void applyGameMessage(GameMessage message) {
        if (message instanceof Welcome) {
            onWelcome((Welcome) message);
        } else if (message instanceof MapInfo) {
            onMap((MapInfo) message);
        } else if (message instanceof PlayerJoined) {
            PlayerJoined joined = (PlayerJoined) message;
            view.setPlayerName(joined.playerId(), joined.playerName());
        } else if (message instanceof Leave) {
            onLeave((Leave) message);
        } else if (message instanceof ScoreUpdate) {
            view.applyScore((ScoreUpdate) message);
        } else if (message instanceof KillFeed) {
            onKill((KillFeed) message);
        } else if (message instanceof Chat) {
            view.addChat((Chat) message);
        } else {
            badMessages++;
        }
    }
    private void onGameMessage(GameMessage message) {
        applyGameMessage(message);
        if (messageListener != null) {
            messageListener.accept(message);
        }
    }


    private void onWelcome(Welcome welcome) {
        if (welcomed) {
            badMessages++;
            return;
        }
        welcomed = true;
        welcomeNanos = nowNanos;
        joinDeadlineNanos = NO_DEADLINE;
        localPlayerId = welcome.playerId();
        tickRateHz = welcome.tickRateHz();
        delayTicks = config.interpolation() ? config.interpolationDelayMillis() * tickRateHz / 1000.0 : 0;
        double extrapolationTicks = config.maxExtrapolationMillis() * tickRateHz / 1000.0;
        interpolation = new InterpolationBuffer((int) Math.ceil(2 * delayTicks) + INTERPOLATION_SLACK_SNAPSHOTS,
                extrapolationTicks);
        serverClock = new ServerClock(tickRateHz);
        if (map != null) {
            predictor.configure(map, tickRateHz);
        }
        view.setSession(localPlayerId, tickRateHz);
        ticks.start(nowNanos, tickRateHz);
        setPhase(ClientPhase.PLAYING);
        LOG.debug("{} welcomed as player {} at {} Hz, server tick {}", config.playerName(), localPlayerId,
                tickRateHz, welcome.serverTick());
    }

    private void onMap(MapInfo info) {
        try {
            map = MapParser.parse(info.mapName(), info.mapText());
        } catch (MapFormatException e) {
            fail(new ClientFailure(ClientFailure.Reason.BAD_SERVER_DATA, "map does not parse: " + e.getMessage()));
            return;
        }
        if (welcomed) {
            predictor.configure(map, tickRateHz);
        }
        view.setMap(map);
    }

    private void onLeave(Leave leave) {
        if (!welcomed) {
            fail(new ClientFailure(ClientFailure.Reason.REFUSED, leave.reason()));
        } else if (leave.playerId() == localPlayerId) {
            fail(new ClientFailure(ClientFailure.Reason.CLOSED_BY_SERVER, leave.reason()));
        } else {
            view.setPlayerName(leave.playerId(), null);
        }
    }

    private void onKill(KillFeed kill) {
        view.addKill(kill);
        if (kill.victimId() == localPlayerId) {
            deaths++;
        } else if (kill.killerId() == localPlayerId) {
            kills++;
        }
    }

    private void onSnapshot(Snapshot snapshot) {
        if (snapshot != null && snapshotListener != null) {
            snapshotListener.accept(snapshot);
        }
        if (snapshot == null || !welcomed) {
            // Before the Welcome a snapshot is still kept as a baseline and acknowledged, but not drawn.
            return;
        }
        serverClock.onSnapshot(snapshot.tick(), nowNanos);
        interpolation.insert(snapshot);
        if (config.prediction()) {
            PlayerSnapshot local = snapshot.findPlayer(localPlayerId);
            if (local != null) {
                predictor.reconcile(local, snapshot.lastProcessedCommand());
            }
        }
    }

    // ------------------------------------------------------------------ the tick

    private void tick() {
        double renderTick = renderTick();
        drawWorld(renderTick);
        sampled.setButtons(0).setFire(false);
        input.sample(view, sampled);
        int viewTick = (int) Math.max(0, Math.floor(renderTick));
        int viewFraction = renderTick <= 0 ? 0 : (int) Math.min(InputCommand.VIEW_FRACTION_STEPS - 1,
                (renderTick - viewTick) * InputCommand.VIEW_FRACTION_STEPS);
        sampled.setCommandNumber(nextCommandNumber++)
                .setClientTimeMillis((int) Math.min(Integer.MAX_VALUE, (nowNanos - connectNanos) / NANOS_PER_MILLI))
                .setView(viewTick, viewFraction);
        InputCommand command = history.append(sampled);
        if (config.prediction()) {
            predictor.predict(command);
        }
        sendUpdate();
        drawLocal();
        view.setTimeline(interpolation.newestTick(), renderTick, command.commandNumber());
        if (isDue(nextStatsNanos, nowNanos)) {
            view.setStats(stats(nowNanos));
            nextStatsNanos = nowNanos + STATS_REFRESH_NANOS;
        }
        frames.publish(view);
    }

    /** The server tick to draw others at: the newest estimate minus the delay, or the newest snapshot without interpolation. */
    private double renderTick() {
        if (!config.interpolation()) {
            return interpolation.newestTick();
        }
        return serverClock.hasEstimate() ? serverClock.ticksAt(nowNanos) - delayTicks : 0;
    }

    private void drawWorld(double renderTick) {
        interpolation.seek(renderTick);
        interpolation.samplePlayers(localPlayerId, view);
        interpolation.sampleProjectiles(tickRateHz, view);
        drawLocal();
    }

    private void drawLocal() {
        if (config.prediction()) {
            view.setLocalKnown(predictor.known());
            if (predictor.known()) {
                view.local().set(predictor.state());
            }
        } else {
            view.setLocalKnown(interpolation.samplePlayer(localPlayerId, view.local()));
        }
    }

    private void sendUpdate() {
        int count = history.newestFirst(outgoing);
        int length = update.encode(snapshots.ackedTick(), outgoing, count);
        commandsSent++;
        if (!connection.send(GameChannels.INPUT, update.buffer(), 0, length)) {
            inputRefusals++;
        }
    }

    // ------------------------------------------------------------------ phases

    private void fail(ClientFailure why) {
        if (phase.isFinal()) {
            return;
        }
        end(ClientPhase.FAILED, why);
        if (connection != null) {
            connection.close(why.reason().name());
        }
    }

    private void end(ClientPhase finalPhase, ClientFailure why) {
        if (phase.isFinal()) {
            return;
        }
        stopTicking();
        endNanos = nowNanos;
        failure = why;
        setPhase(finalPhase);
        if (why != null) {
            LOG.info("{}: session with {} ended: {}", config.playerName(), serverAddress, why.describe());
        }
    }

    private void stopTicking() {
        ticks.stop();
        joinDeadlineNanos = NO_DEADLINE;
    }

    private void setPhase(ClientPhase next) {
        phase = next;
        view.setPhase(next, failure);
        frames.publish(view);
    }

    private static boolean isDue(long deadlineNanos, long nowNanos) {
        return deadlineNanos != NO_DEADLINE && deadlineNanos - nowNanos <= 0;
    }

    private static long earliest(long a, long b) {
        if (a == NO_DEADLINE) {
            return b;
        }
        if (b == NO_DEADLINE) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }
}
