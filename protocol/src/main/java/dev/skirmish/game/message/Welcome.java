package dev.skirmish.game.message;

import dev.skirmish.game.GameConstants;

/**
 * Server to a joining client: the id it will play as, the server's tick rate and current tick (to
 * start its clock and interpolation), and the number of players the server admits. {@link MapInfo}
 * follows.
 */
public record Welcome(int playerId, int tickRateHz, int serverTick, int maxPlayers) implements GameMessage {

    /** Highest tick rate a server may announce. */
    public static final int MAX_TICK_RATE_HZ = 1000;

    /** Validates ranges. */
    public Welcome {
        MessageText.requirePlayerId(playerId, "player id");
        if (tickRateHz < 1 || tickRateHz > MAX_TICK_RATE_HZ) {
            throw new IllegalArgumentException("tick rate must be 1.." + MAX_TICK_RATE_HZ + " Hz, got " + tickRateHz);
        }
        if (serverTick < 0) {
            throw new IllegalArgumentException("server tick must be >= 0, got " + serverTick);
        }
        if (maxPlayers < 1 || maxPlayers > GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("max players must be 1.." + GameConstants.MAX_PLAYERS
                    + ", got " + maxPlayers);
        }
    }
}
