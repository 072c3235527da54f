package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;

/**
 * The one exception decoders throw for malformed input. The endpoint catches it and turns it into a
 * counted drop; it never reaches the application.
 *
 * <p>Instances are shared per {@link DropReason} and carry no stack trace: hostile traffic can make
 * decoders fail at line rate, and neither allocating nor capturing stacks there is acceptable.
 */
public final class ProtocolException extends Exception {
    private static final ProtocolException[] BY_REASON = new ProtocolException[DropReason.values().length];

    static {
        for (DropReason reason : DropReason.values()) {
            BY_REASON[reason.ordinal()] = new ProtocolException(reason);
        }
    }

    private final transient DropReason reason;

    private ProtocolException(DropReason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    /** The shared, stackless exception for {@code reason}. */
    public static ProtocolException of(DropReason reason) {
        return BY_REASON[reason.ordinal()];
    }

    public DropReason reason() {
        return reason;
    }
}
