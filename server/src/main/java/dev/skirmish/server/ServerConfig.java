package dev.skirmish.server;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.transport.TransportConfig;
import java.util.Objects;

/**
 * Every setting of a {@link GameServer}, validated once, immutable. Build with {@link #builder()};
 * each value out of range fails in {@link Builder#build()} with a message naming it and its range.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>{@code tickRateHz}</td><td>60</td><td>10..128</td><td>simulation ticks per second</td></tr>
 *   <tr><td>{@code snapshotIntervalTicks}</td><td>1</td><td>1..tickRate</td><td>a snapshot every this many ticks</td></tr>
 *   <tr><td>{@code maxPlayers}</td><td>32</td><td>1..{@link GameConstants#MAX_PLAYERS}</td><td>also the transport's connection limit</td></tr>
 *   <tr><td>{@code matchSeconds}</td><td>300</td><td>5..86400</td><td>match length; then scores reset</td></tr>
 *   <tr><td>{@code maxRewindMillis}</td><td>200</td><td>0..1000</td><td>lag compensation limit; 0 turns it off</td></tr>
 *   <tr><td>{@code reconnectGraceSeconds}</td><td>60</td><td>0..3600</td><td>a returning name gets its score back this long</td></tr>
 *   <tr><td>{@code statusIntervalSeconds}</td><td>5</td><td>1..3600</td><td>status line and stats window</td></tr>
 *   <tr><td>{@code inputBacklogCommands}</td><td>8</td><td>2..128</td><td>commands held per player; older ones are dropped</td></tr>
 *   <tr><td>{@code transportProfile}</td><td>{@link TransportConfig#internet()}</td><td></td><td>channels and connection limit are set from the above</td></tr>
 * </table>
 */
public final class ServerConfig {

    /** Slowest tick rate accepted. */
    public static final int MIN_TICK_RATE_HZ = 10;
    /** Fastest tick rate accepted. */
    public static final int MAX_TICK_RATE_HZ = 128;

    private final int tickRateHz;
    private final int snapshotIntervalTicks;
    private final int maxPlayers;
    private final int matchSeconds;
    private final int maxRewindMillis;
    private final int reconnectGraceSeconds;
    private final int statusIntervalSeconds;
    private final int inputBacklogCommands;
    private final TransportConfig transportProfile;

    private ServerConfig(Builder b) {
        tickRateHz = require(b.tickRateHz, MIN_TICK_RATE_HZ, MAX_TICK_RATE_HZ, "tick rate (Hz)");
        snapshotIntervalTicks = require(b.snapshotIntervalTicks, 1, tickRateHz, "snapshot interval (ticks)");
        maxPlayers = require(b.maxPlayers, 1, GameConstants.MAX_PLAYERS, "max players");
        matchSeconds = require(b.matchSeconds, 5, 86_400, "match length (seconds)");
        maxRewindMillis = require(b.maxRewindMillis, 0, 1_000, "max rewind (ms)");
        reconnectGraceSeconds = require(b.reconnectGraceSeconds, 0, 3_600, "reconnect grace (seconds)");
        statusIntervalSeconds = require(b.statusIntervalSeconds, 1, 3_600, "status interval (seconds)");
        inputBacklogCommands = require(b.inputBacklogCommands, 2, 128, "input backlog (commands)");
        transportProfile = Objects.requireNonNull(b.transportProfile, "transportProfile");
    }

    private static int require(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** The defaults in the table above. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .tickRateHz(tickRateHz)
                .snapshotIntervalTicks(snapshotIntervalTicks)
                .maxPlayers(maxPlayers)
                .matchSeconds(matchSeconds)
                .maxRewindMillis(maxRewindMillis)
                .reconnectGraceSeconds(reconnectGraceSeconds)
                .statusIntervalSeconds(statusIntervalSeconds)
                .inputBacklogCommands(inputBacklogCommands)
                .transportProfile(transportProfile);
    }

    public int tickRateHz() {
        return tickRateHz;
    }

    /** Nanoseconds of simulation per tick, rounded down; the schedule itself does not accumulate this rounding. */
    public long tickPeriodNanos() {
        return 1_000_000_000L / tickRateHz;
    }

    /** Seconds of simulation one command (one tick) stands for. */
    public double tickSeconds() {
        return 1.0 / tickRateHz;
    }

    public int snapshotIntervalTicks() {
        return snapshotIntervalTicks;
    }

    public int maxPlayers() {
        return maxPlayers;
    }

    public int matchSeconds() {
        return matchSeconds;
    }

    /** Ticks in one match. */
    public int matchTicks() {
        return matchSeconds * tickRateHz;
    }

    public int maxRewindMillis() {
        return maxRewindMillis;
    }

    /** The rewind limit in ticks (fractional): {@code maxRewindMillis * tickRate / 1000}. */
    public double maxRewindTicks() {
        return maxRewindMillis * tickRateHz / 1000.0;
    }

    public int reconnectGraceSeconds() {
        return reconnectGraceSeconds;
    }

    public int statusIntervalSeconds() {
        return statusIntervalSeconds;
    }

    public int inputBacklogCommands() {
        return inputBacklogCommands;
    }

    public TransportConfig transportProfile() {
        return transportProfile;
    }

    /**
     * The transport configuration the server's endpoint runs: the game's channels, acknowledgements that
     * ride on the next snapshot (one tick), one connection per player.
     */
    public TransportConfig transportConfig() {
        return GameChannels.transportConfig(transportProfile, tickRateHz).toBuilder().maxConnections(maxPlayers).build();
    }

    @Override
    public String toString() {
        return "ServerConfig{tick=" + tickRateHz + "Hz, snapshotEvery=" + snapshotIntervalTicks + ", maxPlayers="
                + maxPlayers + ", match=" + matchSeconds + "s, maxRewind=" + maxRewindMillis + "ms, grace="
                + reconnectGraceSeconds + "s, status=" + statusIntervalSeconds + "s, backlog=" + inputBacklogCommands
                + "}";
    }

    /** Mutable builder starting from the defaults. */
    public static final class Builder {
        private int tickRateHz = GameConstants.DEFAULT_TICK_RATE_HZ;
        private int snapshotIntervalTicks = 1;
        private int maxPlayers = GameConstants.DEFAULT_MAX_PLAYERS;
        private int matchSeconds = 300;
        private int maxRewindMillis = 200;
        private int reconnectGraceSeconds = 60;
        private int statusIntervalSeconds = 5;
        private int inputBacklogCommands = 8;
        private TransportConfig transportProfile = TransportConfig.internet();

        private Builder() {
        }

        public Builder tickRateHz(int v) { tickRateHz = v; return this; }
        public Builder snapshotIntervalTicks(int v) { snapshotIntervalTicks = v; return this; }
        public Builder maxPlayers(int v) { maxPlayers = v; return this; }
        public Builder matchSeconds(int v) { matchSeconds = v; return this; }
        public Builder maxRewindMillis(int v) { maxRewindMillis = v; return this; }
        public Builder reconnectGraceSeconds(int v) { reconnectGraceSeconds = v; return this; }
        public Builder statusIntervalSeconds(int v) { statusIntervalSeconds = v; return this; }
        public Builder inputBacklogCommands(int v) { inputBacklogCommands = v; return this; }
        public Builder transportProfile(TransportConfig v) { transportProfile = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
