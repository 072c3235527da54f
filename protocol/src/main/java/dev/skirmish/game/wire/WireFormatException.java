package dev.skirmish.game.wire;

/**
 * Game wire data that cannot be decoded: truncated, out of range, inconsistent with its baseline,
 * or followed by trailing garbage.
 *
 * <p>This is the one exception type every game decoder throws for malformed input (bit reader,
 * input packets, snapshots, reliable messages), so a receiver can catch it in one place, count
 * the drop and carry on. The message says what was wrong and where.
 */
public class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is the reason the data was refused. */
    public WireFormatException(String reason) {
        super(reason);
    }

    /** Creates an exception for a lower-level decoding failure, keeping it as the cause. */
    public WireFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
