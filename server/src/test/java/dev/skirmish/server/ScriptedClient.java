package dev.skirmish.server;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotDecoder;
import dev.skirmish.game.snapshot.SnapshotRing;
import dev.skirmish.game.wire.WireFormatException;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A minimal game client for tests, as a {@link NetworkNode} so a {@code SimulatedNetwork} drives it
 * in virtual time: it connects, joins, decodes snapshots against its own baselines and acknowledges
 * them, and from the {@link Welcome} on sends one command per tick at the server's rate (with the
 * last few repeated, as a real client does), filled in by a {@link Script}.
 *
 * <p>It shows other players as a real client does: interpolated between the two snapshots around its
 * display time, which runs {@link #interpolationDelayTicks} behind the newest snapshot (plus the time
 * since that snapshot arrived). Each command carries that display time as its view tick and fraction.
 */
final class ScriptedClient implements NetworkNode {

    /** Fills in a command's buttons, aim, fire and weapon each client tick. */
    @FunctionalInterface
    interface Script {
        void fill(ScriptedClient client, InputCommand command);
    }

    /** One snapshot as it arrived. */
    record Arrival(int tick, int baselineTick, int lastProcessedCommand, long atNanos) {
    }

    static final Script IDLE = (client, command) -> { };

    final String name;
    final Endpoint endpoint;
    final List<GameMessage> messages = new ArrayList<>();
    final List<ConnectionEvent> connectionEvents = new ArrayList<>();
    final List<Arrival> arrivals = new ArrayList<>();
    final List<InputCommand> sent = new ArrayList<>();
    Script script;
    boolean acknowledges = true;
    boolean joins = true;
    int commandsPerTick = 1;
    int interpolationDelayTicks = 3;
    int decodeFailures;
    Welcome welcome;
    Connection connection;

    private final InetSocketAddress server;
    private final GameMessageCodec codec = new GameMessageCodec();
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final SnapshotRing received = new SnapshotRing(128);
    private final Snapshot scratch = new Snapshot();
    private final ClientUpdate update = new ClientUpdate();
    private final InputCommand[] recent = new InputCommand[GameConstants.INPUT_REDUNDANCY];
    private int recentCount;
    private int nextCommand;
    private int newestTick = -1;
    private long newestArrivalNanos;
    private TickSchedule clock;
    private long clockStartNanos;
    private long lastNowNanos;
    private boolean connectPending = true;

    ScriptedClient(String name, InetSocketAddress server, RandomGenerator random, Script script) {
        this.name = name;
        this.server = server;
        this.script = script;
        this.endpoint = Endpoint.client(GameChannels.transportConfig(TransportConfig.internet()), random);
        for (int i = 0; i < recent.length; i++) {
            recent[i] = new InputCommand();
        }
    }

    // ------------------------------------------------------------------ NetworkNode

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        lastNowNanos = nowNanos;
        endpoint.receive(nowNanos, from, datagram);
        drain(nowNanos);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        lastNowNanos = nowNanos;
        if (connectPending) {
            connectPending = false;
            connection = endpoint.connect(nowNanos, server);
        }
        endpoint.handleTimeout(nowNanos);
        drain(nowNanos);
        while (clock != null && clock.isDue(nowNanos)) {
            for (int i = 0; i < commandsPerTick; i++) {
                clientTick(nowNanos);
            }
            clock.advance();
        }
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        lastNowNanos = nowNanos;
        endpoint.poll(nowNanos, sink);
    }

    @Override
    public long nextTimeoutNanos() {
        if (connectPending) {
            return lastNowNanos;
        }
        long transport = endpoint.nextTimeoutNanos();
        if (clock == null) {
            return transport;
        }
        long tick = clock.nextTickNanos();
        return transport == NO_DEADLINE || tick - transport < 0 ? tick : transport;
    }

    // ------------------------------------------------------------------ what the client knows

    /** The player id the server gave us, or -1 before the welcome. */
    int playerId() {
        return welcome == null ? -1 : welcome.playerId();
    }

    int newestTick() {
        return newestTick;
    }

    /** The newest snapshot decoded, or null. */
    Snapshot newest() {
        return newestTick < 0 ? null : received.get(newestTick);
    }

    /** Messages of one type received so far. */
    <T extends GameMessage> List<T> messagesOf(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (GameMessage message : messages) {
            if (type.isInstance(message)) {
                found.add(type.cast(message));
            }
        }
        return found;
    }

    /** The display time at {@code nowNanos}, in ticks: newest snapshot minus the delay, plus time since it came. */
    double displayTick(long nowNanos) {
        if (newestTick < 0) {
            return 0;
        }
        double sinceNewest = (nowNanos - newestArrivalNanos) * welcome.tickRateHz() / 1e9;
        return Math.max(0, Math.min(newestTick, newestTick - interpolationDelayTicks + sinceNewest));
    }

    /**
     * Where player {@code id} is drawn at display time {@code view} (ticks): linear between the
     * snapshots around it, as a real client interpolates; null if they are not both held.
     */
    double[] displayedPosition(int id, double view) {
        int lower = (int) Math.floor(view);
        Snapshot from = received.get(lower);
        Snapshot to = received.get(Math.min(lower + 1, newestTick));
        if (from == null || to == null) {
            return null;
        }
        PlayerSnapshot a = from.findPlayer(id);
        PlayerSnapshot b = to.findPlayer(id);
        if (a == null || b == null) {
            return null;
        }
        double blend = to == from ? 0 : view - lower;
        return new double[] {a.x() + (b.x() - a.x()) * blend, a.y() + (b.y() - a.y()) * blend};
    }

    /** Sends any game message on the events channel. */
    void sendMessage(GameMessage message) {
        connection.send(GameChannels.EVENTS, codec.encode(message));
    }

    /** Sends one hand-made update: {@code command} alone, acknowledging {@code ackedTick}, outside the client's own numbering. */
    void sendUpdate(int ackedTick, InputCommand command) {
        ClientUpdate handMade = new ClientUpdate();
        connection.send(GameChannels.INPUT, handMade.buffer(), 0, handMade.encode(ackedTick, new InputCommand[] {command}, 1));
    }

    /** Sends raw bytes on a channel, bypassing every codec. */
    void sendRaw(int channel, byte[] bytes) {
        connection.send(channel, bytes);
    }

    /** Whether the connection ended (or failed), and how. */
    ConnectionEvent ended() {
        for (ConnectionEvent event : connectionEvents) {
            if (event.type() != ConnectionEvent.Type.CONNECTED) {
                return event;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ internals

    private void drain(long nowNanos) {
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            connectionEvents.add(event);
            if (event.type() == ConnectionEvent.Type.CONNECTED && joins) {
                sendMessage(new Join(name, GameConstants.PROTOCOL_VERSION));
            }
        }
        if (connection != null) {
            connection.receive((c, channel, payload) -> onMessage(nowNanos, channel, payload));
        }
    }

    private void onMessage(long nowNanos, int channel, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        if (channel == GameChannels.EVENTS) {
            GameMessage message = codec.decode(bytes);
            messages.add(message);
            if (message instanceof Welcome w && welcome == null) {
                welcome = w;
                clock = new TickSchedule(w.tickRateHz(), 4);
                clock.start(nowNanos);
                clockStartNanos = nowNanos;
            }
        } else if (channel == GameChannels.SNAPSHOTS) {
            onSnapshot(nowNanos, bytes);
        }
    }

    private void onSnapshot(long nowNanos, byte[] bytes) {
        try {
            int baselineTick = decoder.baselineTick(bytes, 0, bytes.length);
            decoder.decode(bytes, 0, bytes.length, received.get(baselineTick), scratch);
            received.put(scratch);
            arrivals.add(new Arrival(scratch.tick(), baselineTick, scratch.lastProcessedCommand(), nowNanos));
            if (scratch.tick() > newestTick) {
                newestTick = scratch.tick();
                newestArrivalNanos = nowNanos;
            }
        } catch (WireFormatException e) {
            decodeFailures++;
        }
    }

    private void clientTick(long nowNanos) {
        double view = displayTick(nowNanos);
        int viewTick = (int) Math.floor(view);
        int viewFraction = Math.min(InputCommand.VIEW_FRACTION_STEPS - 1,
                (int) Math.floor((view - viewTick) * InputCommand.VIEW_FRACTION_STEPS));
        InputCommand command = new InputCommand()
                .setCommandNumber(nextCommand++)
                .setClientTimeMillis((int) ((nowNanos - clockStartNanos) / 1_000_000))
                .setView(viewTick, viewFraction);
        script.fill(this, command);
        sent.add(command);
        for (int i = recent.length - 1; i > 0; i--) {
            recent[i].copyFrom(recent[i - 1]);
        }
        recent[0].copyFrom(command);
        recentCount = Math.min(recentCount + 1, recent.length);
        int acked = acknowledges && newestTick >= 0 ? newestTick : ClientUpdate.NO_SNAPSHOT;
        int length = update.encode(acked, recent, recentCount);
        connection.send(GameChannels.INPUT, update.buffer(), 0, length);
    }

    @Override
    public String toString() {
        return "ScriptedClient[" + name + ", player " + playerId() + "]";
    }
}
