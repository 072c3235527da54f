package dev.skirmish.client;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.transport.TransportConfig;
import java.util.Objects;

/**
 * How a {@link GameClient} plays: the name it joins with, the transport profile, and the knobs of
 * prediction and interpolation. Immutable; build with {@link #builder(String)}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code playerName}</td><td>(required)</td><td>1..24 characters, as {@link Join} allows</td></tr>
 *   <tr><td>{@code transport}</td><td>{@link GameChannels#transportConfig} of {@link TransportConfig#internet()}</td>
 *       <td>must carry the game's channel layout</td></tr>
 *   <tr><td>{@code interpolationDelayMillis}</td><td>100</td><td>how far behind the newest snapshot others are drawn, 0..1000</td></tr>
 *   <tr><td>{@code maxExtrapolationMillis}</td><td>50</td><td>how far past the newest snapshot others may be extrapolated, 0..500</td></tr>
 *   <tr><td>{@code prediction}</td><td>true</td><td>predict the local player; off: draw it from snapshots like the others</td></tr>
 *   <tr><td>{@code interpolation}</td><td>true</td><td>interpolate others; off: draw everyone at the newest snapshot</td></tr>
 *   <tr><td>{@code joinTimeoutMillis}</td><td>5000</td><td>longest wait for the Welcome after connecting, 100..600000</td></tr>
 * </table>
 */
public final class GameClientConfig {

    private final String playerName;
    private final TransportConfig transport;
    private final long interpolationDelayMillis;
    private final long maxExtrapolationMillis;
    private final boolean prediction;
    private final boolean interpolation;
    private final long joinTimeoutMillis;

    private GameClientConfig(Builder b) {
        requireName(b.playerName);
        if (b.transport.channels().size() <= GameChannels.INPUT) {
            throw new IllegalArgumentException("transport config has " + b.transport.channels().size()
                    + " channels; the game needs the layout of GameChannels.transportConfig");
        }
        this.playerName = b.playerName;
        this.transport = b.transport;
        this.interpolationDelayMillis = require(b.interpolationDelayMillis, 0, 1000, "interpolationDelayMillis");
        this.maxExtrapolationMillis = require(b.maxExtrapolationMillis, 0, 500, "maxExtrapolationMillis");
        this.prediction = b.prediction;
        this.interpolation = b.interpolation;
        this.joinTimeoutMillis = require(b.joinTimeoutMillis, 100, 600_000, "joinTimeoutMillis");
    }

    /** A builder for a player called {@code playerName}, with every other setting at its default. */
    public static Builder builder(String playerName) {
        return new Builder(playerName);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(playerName).transport(transport).interpolationDelayMillis(interpolationDelayMillis)
                .maxExtrapolationMillis(maxExtrapolationMillis).prediction(prediction).interpolation(interpolation)
                .joinTimeoutMillis(joinTimeoutMillis);
    }

    public String playerName() {
        return playerName;
    }

    public TransportConfig transport() {
        return transport;
    }

    public long interpolationDelayMillis() {
        return interpolationDelayMillis;
    }

    public long maxExtrapolationMillis() {
        return maxExtrapolationMillis;
    }

    public boolean prediction() {
        return prediction;
    }

    public boolean interpolation() {
        return interpolation;
    }

    public long joinTimeoutMillis() {
        return joinTimeoutMillis;
    }

    @Override
    public String toString() {
        return "GameClientConfig[" + playerName + ", delay=" + interpolationDelayMillis + "ms, extrapolation<="
                + maxExtrapolationMillis + "ms, prediction=" + prediction + ", interpolation=" + interpolation
                + ", joinTimeout=" + joinTimeoutMillis + "ms]";
    }

    /** Names follow the {@link Join} message's rule, so a name the server would refuse fails here instead. */
    private static void requireName(String playerName) {
        new Join(playerName, 0);
    }

    private static long require(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final String playerName;
        // Acks ride on the input sent every tick; the server's rate is not known before Welcome, so the default.
        private TransportConfig transport = GameChannels.transportConfig(TransportConfig.internet(),
                GameConstants.DEFAULT_TICK_RATE_HZ);
        private long interpolationDelayMillis = 100;
        private long maxExtrapolationMillis = 50;
        private boolean prediction = true;
        private boolean interpolation = true;
        private long joinTimeoutMillis = 5_000;

        private Builder(String playerName) {
            this.playerName = playerName;
        }

        public Builder transport(TransportConfig v) {
            transport = Objects.requireNonNull(v, "transport");
            return this;
        }

        public Builder interpolationDelayMillis(long v) {
            interpolationDelayMillis = v;
            return this;
        }

        public Builder maxExtrapolationMillis(long v) {
            maxExtrapolationMillis = v;
            return this;
        }

        public Builder prediction(boolean v) {
            prediction = v;
            return this;
        }

        public Builder interpolation(boolean v) {
            interpolation = v;
            return this;
        }

        public Builder joinTimeoutMillis(long v) {
            joinTimeoutMillis = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public GameClientConfig build() {
            return new GameClientConfig(this);
        }
    }
}
