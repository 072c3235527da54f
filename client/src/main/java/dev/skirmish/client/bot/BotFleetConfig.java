package dev.skirmish.client.bot;

import dev.skirmish.client.GameClientConfig;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a {@link BotFleet} runs: how many bots against which server, how they are named, the seed of
 * their decisions, and the transport profile.
 *
 * @param server     the server's UDP address (resolved)
 * @param count      number of bots, 1..{@link #MAX_BOTS}
 * @param namePrefix bots are named {@code prefix-1}, {@code prefix-2}, ...; 1..{@link #MAX_PREFIX_LENGTH}
 *                   characters, no control characters, not blank
 * @param seed       bot {@code i} (from 0) decides with seed {@code seed + i}
 * @param transport  transport profile; the game's channel layout is applied to it
 */
public record BotFleetConfig(InetSocketAddress server, int count, String namePrefix, long seed, TransportConfig transport) {

    /** Most bots one fleet runs (one socket and one thread each). */
    public static final int MAX_BOTS = 64;
    /** Longest name prefix: room for "-64" within a player name. */
    public static final int MAX_PREFIX_LENGTH = Join.MAX_NAME_LENGTH - 4;

    /** Validates every field. */
    public BotFleetConfig {
        Objects.requireNonNull(server, "server");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("server address is unresolved: " + server);
        }
        if (count < 1 || count > MAX_BOTS) {
            throw new IllegalArgumentException("bot count must be 1.." + MAX_BOTS + ", got " + count);
        }
        requirePrefix(namePrefix);
        transport = GameChannels.transportConfig(Objects.requireNonNull(transport, "transport"),
                GameConstants.DEFAULT_TICK_RATE_HZ);
    }

    /** A fleet on the default (internet) transport profile. */
    public static BotFleetConfig of(InetSocketAddress server, int count, String namePrefix, long seed) {
        return new BotFleetConfig(server, count, namePrefix, seed, TransportConfig.internet());
    }

    /** This configuration with another transport profile. */
    public BotFleetConfig withTransport(TransportConfig other) {
        return new BotFleetConfig(server, count, namePrefix, seed, other);
    }

    /** Name of bot {@code index} (from 0). */
    public String botName(int index) {
        return namePrefix + "-" + (index + 1);
    }

    /** Seed of bot {@code index} (from 0). */
    public long botSeed(int index) {
        return seed + index;
    }

    /** Client settings of bot {@code index}. */
    public GameClientConfig clientConfig(int index) {
        return GameClientConfig.builder(botName(index)).transport(transport).build();
    }

    /**
     * Checks a name prefix.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String requirePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("name prefix must be 1.." + MAX_PREFIX_LENGTH + " characters, got "
                    + (prefix == null ? "none" : prefix.length()));
        }
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("name prefix must not be blank");
        }
        // The Join record is the authority on names; the longest bot name must pass it.
        new Join(prefix + "-" + MAX_BOTS, 0);
        return prefix;
    }
}
