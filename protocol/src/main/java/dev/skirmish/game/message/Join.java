package dev.skirmish.game.message;

import dev.skirmish.game.GameConstants;

/**
 * Client to server, first message after connecting: the name the player wants and the
 * {@link GameConstants#PROTOCOL_VERSION} the client was built with.
 */
public record Join(String playerName, int protocolVersion) implements GameMessage {

    /** Longest player name, in characters. */
    public static final int MAX_NAME_LENGTH = 24;

    /** Validates the name (1..24 characters, not blank, no control characters). */
    public Join {
        MessageText.requireName(playerName, "player name", MAX_NAME_LENGTH);
    }
}
