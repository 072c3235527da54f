package dev.skirmish.game.message;

/**
 * A player leaves: client to server when quitting (the server ignores {@code playerId} and uses the
 * connection's), server to every client when anyone leaves or is dropped.
 */
public record Leave(int playerId, String reason) implements GameMessage {

    /** Longest reason, in characters. */
    public static final int MAX_REASON_LENGTH = 100;

    /** Validates the id and reason (0..100 characters, no control characters). */
    public Leave {
        MessageText.requirePlayerId(playerId, "player id");
        MessageText.require(reason, "reason", 0, MAX_REASON_LENGTH);
    }
}
