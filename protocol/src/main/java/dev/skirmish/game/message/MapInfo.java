package dev.skirmish.game.message;

/**
 * Server to client, after {@link Welcome} and on every map change: the map's name and its full source
 * text in the format of {@link dev.skirmish.game.map.MapParser}, so a client can play maps it does
 * not ship with. The client parses it and refuses the game if it does not parse.
 */
public record MapInfo(String mapName, String mapText) implements GameMessage {

    /** Longest map name, in characters. */
    public static final int MAX_NAME_LENGTH = 32;

    /** Largest map text, in UTF-8 bytes (a 256 x 256 grid with its header fits). */
    public static final int MAX_TEXT_BYTES = 70_000;

    /** Validates the name; the text may contain line breaks but is checked for size when encoded. */
    public MapInfo {
        MessageText.requireName(mapName, "map name", MAX_NAME_LENGTH);
        if (mapText == null || mapText.isEmpty() || mapText.length() > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("map text must be 1.." + MAX_TEXT_BYTES + " characters");
        }
    }
}
