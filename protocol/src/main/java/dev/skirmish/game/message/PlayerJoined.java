package dev.skirmish.game.message;

/** Server to every client: player {@code playerId} is in the game under {@code playerName}. Also sent for each player already present to a newcomer. */
public record PlayerJoined(int playerId, String playerName) implements GameMessage {

    /** Validates the id and name. */
    public PlayerJoined {
        MessageText.requirePlayerId(playerId, "player id");
        MessageText.requireName(playerName, "player name", Join.MAX_NAME_LENGTH);
    }
}
