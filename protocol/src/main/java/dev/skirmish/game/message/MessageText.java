package dev.skirmish.game.message;

import dev.skirmish.game.GameConstants;

/** Validation of the text fields of messages: length limits and no control characters. */
final class MessageText {

    private MessageText() {
    }

    /** Checks {@code text} is {@code minLength..maxLength} characters, none of them control characters. */
    static String require(String text, String what, int minLength, int maxLength) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (text.length() < minLength || text.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be " + minLength + ".." + maxLength
                    + " characters, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(what + " contains control character U+"
                        + String.format("%04X", (int) text.charAt(i)) + " at index " + i);
            }
        }
        return text;
    }

    /** Checks {@code text} is a name: {@code 1..maxLength} characters, not blank, no control characters. */
    static String requireName(String text, String what, int maxLength) {
        require(text, what, 1, maxLength);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    /** Checks {@code id} is a player id. */
    static int requirePlayerId(int id, String what) {
        if (id < 0 || id >= GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException(what + " must be 0.." + (GameConstants.MAX_PLAYERS - 1)
                    + ", got " + id);
        }
        return id;
    }
}
