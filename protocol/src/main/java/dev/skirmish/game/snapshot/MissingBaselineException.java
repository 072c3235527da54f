package dev.skirmish.game.snapshot;

import dev.skirmish.game.wire.WireFormatException;

/**
 * A delta snapshot whose baseline the decoder was not given: the client no longer holds the tick it
 * names, or passed the wrong one. The client drops the snapshot; the server's next one is encoded
 * against a snapshot the client has acknowledged since, or in full.
 */
public final class MissingBaselineException extends WireFormatException {

    private static final long serialVersionUID = 1L;

    private final int baselineTick;

    /** Creates the exception for a snapshot that needs {@code baselineTick}. */
    public MissingBaselineException(int baselineTick, String reason) {
        super(reason);
        this.baselineTick = baselineTick;
    }

    /** The baseline tick the snapshot names. */
    public int baselineTick() {
        return baselineTick;
    }
}
