package dev.skirmish.game.message;

/**
 * Server to every client: a player's standing for the scoreboard. Snapshots carry the score too,
 * for the players in view; this carries kills and deaths, and reaches every client reliably.
 */
public record ScoreUpdate(int playerId, int score, int kills, int deaths) implements GameMessage {

    /** Validates the id and counts. */
    public ScoreUpdate {
        MessageText.requirePlayerId(playerId, "player id");
        if (kills < 0 || deaths < 0) {
            throw new IllegalArgumentException("kills and deaths must be >= 0, got " + kills + " and " + deaths);
        }
    }
}
