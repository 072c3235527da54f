package dev.skirmish.game.map;

/**
 * A map file that does not follow the format of {@link MapParser}: says which file, which line
 * (1-based) and why, as {@code "arena.map:12: row has 47 characters, expected 48"}.
 */
public final class MapFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int lineNumber;
    private final String reason;

    /** Creates the exception for {@code reason} at line {@code lineNumber} of {@code sourceName}. */
    public MapFormatException(String sourceName, int lineNumber, String reason) {
        super(sourceName + ":" + lineNumber + ": " + reason);
        this.sourceName = sourceName;
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The file (or resource) name given to the parser. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line on which the problem was found. */
    public int lineNumber() {
        return lineNumber;
    }

    /** What is wrong, without the file and line prefix. */
    public String reason() {
        return reason;
    }
}
