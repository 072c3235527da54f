package dev.skirmish.client;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
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
import dev.skirmish.game.sim.FireControl;
import dev.skirmish.game.sim.HitscanRifle;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.sim.ShotResult;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotEncoder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * TEST DOUBLE, not the game server: the smallest authoritative server that lets the client be tested
 * end to end in virtual time. It speaks the real protocol (Join, Welcome, MapInfo, PlayerJoined,
 * ScoreUpdate, KillFeed; ClientUpdate in, delta snapshots out against each client's acknowledged
 * baseline) and runs the shared rules: each command number applied once, one per tick, with
 * {@link Movement#step} and {@link FireControl}; rifle hits without lag compensation; no rockets.
 *
 * <p>Scripting for tests: refuse joins, stay silent on joins, teleport a player once after a given
 * command (a knock-back the client cannot predict). Records every player's authoritative position after
 * each applied command, and every acknowledgement received.
 */
public final class StandInServer implements NetworkNode {

    /** One connected client. */
    public static final class Player {
        final Connection connection;
        final PlayerState state = new PlayerState();
        final TreeMap<Integer, InputCommand> pending = new TreeMap<>();
        final SnapshotRing sent = new SnapshotRing(64);
        final Map<Integer, double[]> positionAfterCommand = new HashMap<>();
        final List<Integer> acks = new ArrayList<>();
        int lastApplied = Snapshot.NO_COMMAND;
        int ackedTick = ClientUpdate.NO_SNAPSHOT;
        boolean joined;
        String name;
        int kills;
        int deaths;
        int respawnTick = -1;

        Player(Connection connection) {
            this.connection = connection;
        }

        public int id() {
            return state.id();
        }

        public PlayerState state() {
            return state;
        }

        /** Authoritative position after command {@code number}, or null if it was not applied. */
        public double[] positionAfter(int number) {
            return positionAfterCommand.get(number);
        }

        /** Acknowledged ticks in the order the updates carrying them arrived. */
        public List<Integer> acks() {
            return acks;
        }

        public int lastApplied() {
            return lastApplied;
        }
    }

    private final Endpoint endpoint;
    private final GameMap map;
    private final String mapText;
    private final int tickRateHz;
    private final double tickSeconds;
    private final GameMessageCodec codec = new GameMessageCodec();
    private final ClientUpdate update = new ClientUpdate();
    private final InputCommand[] decoded = new InputCommand[GameConstants.INPUT_REDUNDANCY];
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final ShotResult shot = new ShotResult();
    private final Map<Connection, Player> players = new HashMap<>();
    private final Player[] byId = new Player[GameConstants.MAX_PLAYERS];
    private final PlayerState[] targets = new PlayerState[GameConstants.MAX_PLAYERS];
    private long nowNanos;
    private int tick;
    private String refuseJoinsWith;
    private boolean ignoreJoins;
    private int teleportPlayerId = -1;
    private int teleportAfterCommand;
    private double teleportX;
    private double teleportY;
    private long deltaSnapshots;
    private long fullSnapshots;
    private long malformedUpdates;
    private int welcomesSent;
    private final Map<Integer, Integer> snapshotsSentByTick = new HashMap<>();

    public StandInServer(long seed, TransportConfig transport, GameMap map, String mapText, int tickRateHz) {
        this.endpoint = Endpoint.server(GameChannels.transportConfig(transport), new SplittableRandom(seed));
        this.map = map;
        this.mapText = mapText;
        this.tickRateHz = tickRateHz;
        this.tickSeconds = 1.0 / tickRateHz;
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = new InputCommand();
        }
    }

    public StandInServer(long seed, GameMap map, String mapText) {
        this(seed, TransportConfig.lan(), map, mapText, GameConstants.DEFAULT_TICK_RATE_HZ);
    }

    /** Answers every Join with a Leave carrying {@code reason}, then closes. */
    public StandInServer refuseJoinsWith(String reason) {
        this.refuseJoinsWith = reason;
        return this;
    }

    /** Never answers a Join. */
    public StandInServer ignoreJoins() {
        this.ignoreJoins = true;
        return this;
    }

    /** Once player {@code playerId} has applied command {@code commandNumber}, moves them to {@code (x, y)}. */
    public StandInServer teleportOnce(int playerId, int commandNumber, double x, double y) {
        this.teleportPlayerId = playerId;
        this.teleportAfterCommand = commandNumber;
        this.teleportX = x;
        this.teleportY = y;
        return this;
    }

    /** Closes player {@code id}'s connection, as a server kicking them would. */
    public void kick(int id) {
        byId[id].connection.close("kicked");
    }

    public Player player(int id) {
        return byId[id];
    }

    public int tick() {
        return tick;
    }

    public long deltaSnapshots() {
        return deltaSnapshots;
    }

    public long fullSnapshots() {
        return fullSnapshots;
    }

    public int welcomesSent() {
        return welcomesSent;
    }

    public long malformedUpdates() {
        return malformedUpdates;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Whether a snapshot of {@code tick} was sent to player {@code id}. */
    public boolean sentSnapshot(int id, int tick) {
        Integer mask = snapshotsSentByTick.get(tick);
        return mask != null && (mask & (1 << id)) != 0;
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
        long deadline = endpoint.nextTimeoutNanos();
        if (deadline != NO_DEADLINE && deadline - nowNanos <= 0) {
            endpoint.handleTimeout(nowNanos);
        }
        processInbound();
        while (nextTickNanos() - nowNanos <= 0) {
            runTick();
        }
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        endpoint.poll(nowNanos, sink);
    }

    @Override
    public long nextTimeoutNanos() {
        long deadline = endpoint.nextTimeoutNanos();
        long next = nextTickNanos();
        return deadline == NO_DEADLINE || next - deadline < 0 ? next : deadline;
    }

    private long nextTickNanos() {
        return (tick + 1L) * 1_000_000_000L / tickRateHz;
    }

    // ------------------------------------------------------------------ inbound

    private void processInbound() {
        ConnectionEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            if (event.type() == ConnectionEvent.Type.CONNECTED) {
                players.put(event.connection(), new Player(event.connection()));
            } else if (event.type() == ConnectionEvent.Type.DISCONNECTED) {
                remove(players.remove(event.connection()));
            }
        }
        for (Player player : new ArrayList<>(players.values())) {
            player.connection.receive((connection, channel, payload) -> onMessage(player, channel, payload));
        }
    }

    private void onMessage(Player player, int channel, ByteBuffer payload) {
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        if (channel == GameChannels.INPUT) {
            onUpdate(player, data);
        } else if (channel == GameChannels.EVENTS) {
            GameMessage message = codec.decode(data);
            if (message instanceof Join) {
                onJoin(player, (Join) message);
            } else if (message instanceof Leave) {
                player.connection.close("left");
            }
        }
    }

    private void onUpdate(Player player, byte[] data) {
        int count;
        try {
            count = update.decode(data, 0, data.length, decoded);
        } catch (WireFormatException e) {
            malformedUpdates++;
            return;
        }
        player.acks.add(update.ackedSnapshotTick());
        player.ackedTick = Math.max(player.ackedTick, update.ackedSnapshotTick());
        for (int i = 0; i < count; i++) {
            int number = decoded[i].commandNumber();
            if (number > player.lastApplied && !player.pending.containsKey(number)) {
                player.pending.put(number, new InputCommand().copyFrom(decoded[i]));
            }
        }
    }

    private void onJoin(Player player, Join join) {
        if (ignoreJoins) {
            return;
        }
        if (refuseJoinsWith != null) {
            send(player, new Leave(0, refuseJoinsWith));
            player.connection.close(refuseJoinsWith);
            return;
        }
        int id = 0;
        while (byId[id] != null) {
            id++;
        }
        player.state.setId(id).setWeapon(Weapon.RIFLE).spawn(map.spawns().get(id % map.spawns().size()));
        player.joined = true;
        player.name = join.playerName();
        byId[id] = player;
        send(player, new Welcome(id, tickRateHz, tick, GameConstants.MAX_PLAYERS));
        welcomesSent++;
        send(player, new MapInfo(map.name(), mapText));
        for (Player other : byId) {
            if (other != null && other != player) {
                send(player, new PlayerJoined(other.id(), other.name));
                send(other, new PlayerJoined(id, join.playerName()));
            }
        }
        send(player, new PlayerJoined(id, join.playerName()));
        broadcastScore(player);
    }

    private void remove(Player player) {
        if (player != null && player.joined && byId[player.id()] == player) {
            byId[player.id()] = null;
            for (Player other : byId) {
                if (other != null) {
                    send(other, new Leave(player.id(), "left"));
                }
            }
        }
    }

    // ------------------------------------------------------------------ the tick

    private void runTick() {
        tick++;
        for (Player player : byId) {
            if (player != null) {
                applyNextCommand(player);
            }
        }
        for (Player player : byId) {
            if (player != null && player.respawnTick == tick) {
                player.state.spawn(map.spawns().get((tick + player.id()) % map.spawns().size()));
                player.respawnTick = -1;
            }
        }
        for (Player player : byId) {
            if (player != null) {
                sendSnapshot(player);
            }
        }
    }

    private void applyNextCommand(Player player) {
        Map.Entry<Integer, InputCommand> next = player.pending.pollFirstEntry();
        if (next == null) {
            return;
        }
        InputCommand command = next.getValue();
        PlayerState state = player.state;
        Movement.step(state, command, tickSeconds, map);
        if (FireControl.tryFire(state, command, tickSeconds) && state.weapon() == Weapon.RIFLE) {
            fireRifle(player);
        }
        player.lastApplied = command.commandNumber();
        if (player.id() == teleportPlayerId && player.lastApplied == teleportAfterCommand) {
            state.setPosition(teleportX, teleportY);
        }
        player.positionAfterCommand.put(player.lastApplied, new double[] {state.x(), state.y()});
    }

    private void fireRifle(Player shooter) {
        int count = 0;
        for (Player player : byId) {
            targets[count++] = player == null ? null : player.state;
        }
        HitscanRifle.fire(shooter.state, targets, count, map, shot);
        if (shot.outcome() != ShotResult.Outcome.PLAYER) {
            return;
        }
        Player victim = byId[shot.targetId()];
        if (victim.state.applyDamage(GameConstants.RIFLE_DAMAGE)) {
            shooter.kills++;
            shooter.state.setScore(shooter.state.score() + 1);
            victim.deaths++;
            victim.respawnTick = tick + (int) (GameConstants.RESPAWN_DELAY_SECONDS * tickRateHz);
            for (Player player : byId) {
                if (player != null) {
                    send(player, new KillFeed(shooter.id(), victim.id(), Weapon.RIFLE));
                }
            }
            broadcastScore(shooter);
            broadcastScore(victim);
        }
    }

    private void sendSnapshot(Player player) {
        Snapshot current = player.sent.claim(tick);
        for (Player other : byId) {
            if (other != null) {
                current.addPlayer(other.state);
            }
        }
        current.setLastProcessedCommand(player.lastApplied);
        Snapshot baseline = player.ackedTick < 0 || player.ackedTick >= tick ? null : player.sent.get(player.ackedTick);
        int length = encoder.encode(current, baseline);
        if (encoder.lastBaselineTick() == SnapshotEncoder.NO_BASELINE) {
            fullSnapshots++;
        } else {
            deltaSnapshots++;
        }
        snapshotsSentByTick.merge(tick, 1 << player.id(), (a, b) -> a | b);
        player.connection.send(GameChannels.SNAPSHOTS, encoder.buffer(), 0, length);
    }

    private void broadcastScore(Player subject) {
        ScoreUpdate score = new ScoreUpdate(subject.id(), subject.state.score(), subject.kills, subject.deaths);
        for (Player player : byId) {
            if (player != null) {
                send(player, score);
            }
        }
    }

    private void send(Player player, GameMessage message) {
        player.connection.send(GameChannels.EVENTS, codec.encode(message));
    }
}
