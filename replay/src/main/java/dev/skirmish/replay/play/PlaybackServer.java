package dev.skirmish.replay.play;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.message.Leave;
import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.game.message.ScoreUpdate;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotBaselines;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.wire.WireFormatException;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A stand-in game server that plays a {@link RecordedMatch} to one real game client, from a chosen
 * snapshot on, as a sans-IO {@link NetworkNode} wrapping a server {@link Endpoint} with the game's
 * transport configuration. Driven like any node ({@code receive}, {@code handleTimeout} when due,
 * {@code poll}); the instants passed in are its only clock.
 *
 * <h2>Joining</h2>
 * A client's {@link Join} is answered as the recorded server answered the recorded player: a
 * {@link Welcome} with the recorded player id and tick rate (and the starting tick), the recorded map,
 * and a {@link PlayerJoined} and {@link ScoreUpdate} for every player present at the starting tick
 * (the recorded events folded up to there). One client is served; later connections are ignored.
 *
 * <h2>The stream</h2>
 * The recorded stream starts once the client has sent {@link #LEAD_COMMANDS} commands (so its input
 * runs ahead of the recorded server's, as a live client's does), then one tick per 1/tick-rate of time:
 * tick {@code k} of the stream plays recorded tick {@code start + k}. At each tick the recorded events
 * due by then go out on {@link GameChannels#EVENTS} (a {@link Leave} of the recorded player is held
 * back: playback ends by itself), then the newest recorded snapshot not yet sent whose tick has come,
 * <em>re-encoded</em> on {@link GameChannels#SNAPSHOTS} against the baseline this client acknowledged,
 * by the same rule as the game server ({@link SnapshotBaselines}). So under simulated loss and delay the
 * client sees what a live one would: lost snapshots, late acknowledgements, older baselines, full
 * snapshots when a baseline ages out.
 *
 * <h2>Command numbers</h2>
 * A snapshot carries the last command the server applied for the client, in the recorded client's
 * numbering. The replay client numbers its commands from 0, and its input ({@link RecordedInput}) plays
 * the recorded commands from {@link #commandBase()} on, so recorded number {@code n} is replay number
 * {@code n - commandBase()}; numbers below the base go out as {@link Snapshot#NO_COMMAND}, which makes
 * the client adopt the state and re-apply every command it has, exactly what the recorded server did.
 */
public final class PlaybackServer implements NetworkNode {

    /** Commands the replay client must have sent before the stream starts. */
    public static final int LEAD_COMMANDS = 8;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RecordedMatch match;
    private final Endpoint endpoint;
    private final GameMessageCodec codec = new GameMessageCodec();
    private final ClientUpdate update = new ClientUpdate();
    private final InputCommand[] decoded = new InputCommand[GameConstants.INPUT_REDUNDANCY];
    private final SnapshotBaselines baselines;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Snapshot scratch = new Snapshot();
    private final MessageHandler handler = this::onMessage;
    private final byte[] messageBytes = new byte[GameMessageCodec.MAX_MESSAGE_BYTES];
    private final int startTick;
    private final int commandBase;
    private final Map<Integer, String> names = new TreeMap<>();
    private final Map<Integer, ScoreUpdate> scores = new TreeMap<>();
    private Connection client;
    private boolean joined;
    private int newestClientCommand = -1;
    private long streamStartNanos = NO_DEADLINE;
    private long nextTickNanos = NO_DEADLINE;
    private long ticksRun;
    private int positionTick;
    private int nextSnapshot;
    private int nextEvent;
    private long fullSnapshots;
    private long invalidAcks;

    /**
     * A server that will play {@code match} from snapshot {@code startIndex} on; {@code random} makes the
     * transport's connection ids and cookies (seeded in simulation).
     */
    public PlaybackServer(RecordedMatch match, int startIndex, RandomGenerator random) {
        if (startIndex < 0 || startIndex >= match.snapshotCount()) {
            throw new IllegalArgumentException("start index " + startIndex + " outside 0.." + (match.snapshotCount() - 1));
        }
        this.match = match;
        this.endpoint = Endpoint.server(transportConfig(match), random);
        this.baselines = new SnapshotBaselines(SnapshotBaselines.capacityFor(match.tickRateHz()));
        this.startTick = match.tick(startIndex);
        this.nextSnapshot = startIndex;
        this.positionTick = startTick - 1;
        int recordedCommand = match.lastProcessedCommand(startIndex);
        this.commandBase = recordedCommand == Snapshot.NO_COMMAND ? 0 : recordedCommand + 1;
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = new InputCommand();
        }
        foldEventsUpTo(startTick);
    }

    /** The game's transport configuration at the match's tick rate, for both ends of a playback. */
    public static TransportConfig transportConfig(RecordedMatch match) {
        return GameChannels.transportConfig(TransportConfig.internet(), match.tickRateHz());
    }

    /** Players present and their scores at {@code tick}: every join, leave and score update up to it. */
    private void foldEventsUpTo(int tick) {
        while (nextEvent < match.events().size() && match.events().get(nextEvent).tick() <= tick) {
            GameMessage message = match.events().get(nextEvent++).message();
            if (message instanceof PlayerJoined joinedPlayer) {
                names.put(joinedPlayer.playerId(), joinedPlayer.playerName());
            } else if (message instanceof Leave leave) {
                names.remove(leave.playerId());
                scores.remove(leave.playerId());
            } else if (message instanceof ScoreUpdate score) {
                scores.put(score.playerId(), score);
            }
        }
    }

    // ------------------------------------------------------------------ NetworkNode

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        endpoint.receive(nowNanos, from, datagram);
        processInbound(nowNanos);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        if (due(endpoint.nextTimeoutNanos(), nowNanos)) {
            endpoint.handleTimeout(nowNanos);
        }
        processInbound(nowNanos);
        while (due(nextTickNanos, nowNanos)) {
            tick();
            ticksRun++;
            nextTickNanos = streamStartNanos + ticksRun * NANOS_PER_SECOND / match.tickRateHz();
        }
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        endpoint.poll(nowNanos, sink);
    }

    @Override
    public long nextTimeoutNanos() {
        long endpointDeadline = endpoint.nextTimeoutNanos();
        if (nextTickNanos == NO_DEADLINE) {
            return endpointDeadline;
        }
        if (endpointDeadline == NO_DEADLINE) {
            return nextTickNanos;
        }
        return endpointDeadline - nextTickNanos <= 0 ? endpointDeadline : nextTickNanos;
    }

    // ------------------------------------------------------------------ inbound

    private void processInbound(long nowNanos) {
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            if (event.type() == ConnectionEvent.Type.CONNECTED && client == null) {
                client = event.connection();
            }
        }
        if (client != null) {
            client.receive(handler);
        }
        if (streamStartNanos == NO_DEADLINE && joined && newestClientCommand >= LEAD_COMMANDS - 1) {
            streamStartNanos = nowNanos;
            nextTickNanos = nowNanos;
        }
    }

    private void onMessage(Connection from, int channel, ByteBuffer payload) {
        if (from != client) {
            return;
        }
        int length = payload.remaining();
        if (length > messageBytes.length) {
            return;
        }
        payload.get(payload.position(), messageBytes, 0, length);
        try {
            if (channel == GameChannels.EVENTS && !joined && codec.decode(messageBytes, 0, length) instanceof Join) {
                welcome();
            } else if (channel == GameChannels.INPUT && joined) {
                int count = update.decode(messageBytes, 0, length, decoded);
                if (baselines.acknowledge(update.ackedSnapshotTick(), positionTick) == SnapshotBaselines.Ack.INVALID) {
                    invalidAcks++;
                }
                if (count > 0) {
                    newestClientCommand = Math.max(newestClientCommand, decoded[0].commandNumber());
                }
            }
        } catch (WireFormatException e) {
            // The replay client is ours; a message that does not decode is simply not acted on.
        }
    }

    private void welcome() {
        joined = true;
        send(new Welcome(match.playerId(), match.tickRateHz(), startTick, match.maxPlayers()));
        send(match.map());
        for (Map.Entry<Integer, String> name : names.entrySet()) {
            send(new PlayerJoined(name.getKey(), name.getValue()));
        }
        for (ScoreUpdate score : scores.values()) {
            send(score);
        }
    }

    private void send(GameMessage message) {
        client.send(GameChannels.EVENTS, codec.encode(message));
    }

    // ------------------------------------------------------------------ the stream

    private void tick() {
        positionTick = (int) Math.min(match.lastTick(), startTick + ticksRun);
        while (nextEvent < match.events().size() && match.events().get(nextEvent).tick() <= positionTick) {
            GameMessage message = match.events().get(nextEvent++).message();
            if (!(message instanceof Leave leave && leave.playerId() == match.playerId())) {
                send(message);
            }
        }
        int newest = -1;
        while (nextSnapshot < match.snapshotCount() && match.tick(nextSnapshot) <= positionTick) {
            newest = nextSnapshot++;
        }
        if (newest >= 0) {
            sendSnapshot(newest);
        }
    }

    private void sendSnapshot(int index) {
        match.snapshot(index, scratch);
        int length = baselines.encodeNext(scratch, replayCommandNumber(match.lastProcessedCommand(index)), encoder);
        if (!client.send(GameChannels.SNAPSHOTS, encoder.buffer(), 0, length)) {
            // The send buffer is full; the next tick sends a newer snapshot, as the game server does.
            return;
        }
        if (encoder.lastBaselineTick() == SnapshotEncoder.NO_BASELINE) {
            fullSnapshots++;
        }
    }

    /** The replay client's number for recorded command {@code recorded}, or {@link Snapshot#NO_COMMAND}. */
    public int replayCommandNumber(int recorded) {
        return recorded == Snapshot.NO_COMMAND || recorded < commandBase ? Snapshot.NO_COMMAND : recorded - commandBase;
    }

    // ------------------------------------------------------------------ state

    /** The recorded command number the replay client's command 0 stands for. */
    public int commandBase() {
        return commandBase;
    }

    /** The recorded tick being played: the start until the stream runs, then one more per tick, up to the last. */
    public int positionTick() {
        return Math.max(startTick, positionTick);
    }

    /** Whether the stream has reached the last recorded snapshot. */
    public boolean ended() {
        return positionTick >= match.lastTick();
    }

    /** Snapshots sent in full (the first, and any whose acknowledged baseline was too old). */
    public long fullSnapshots() {
        return fullSnapshots;
    }

    /** Acknowledgements naming a snapshot never sent (a replay client never sends one). */
    public long invalidAcks() {
        return invalidAcks;
    }

    private static boolean due(long deadlineNanos, long nowNanos) {
        return deadlineNanos != NO_DEADLINE && deadlineNanos - nowNanos <= 0;
    }
}
