package dev.skirmish.game.message;

/**
 * A chat line. Client to server with any {@code playerId} (the server replaces it with the sender's
 * own); server to every client naming the speaker.
 */
public record Chat(int playerId, String text) implements GameMessage {

    /** Longest chat line, in characters. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Validates the id and text (1..200 characters, no control characters). */
    public Chat {
        MessageText.requirePlayerId(playerId, "player id");
        MessageText.require(text, "chat text", 1, MAX_TEXT_LENGTH);
    }
}
