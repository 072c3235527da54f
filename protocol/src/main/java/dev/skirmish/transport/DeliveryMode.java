package dev.skirmish.transport;

/** How a channel delivers its messages. Each channel has exactly one mode, fixed by configuration. */
public enum DeliveryMode {
    /** Every message arrives exactly once, in the order sent on this channel. */
    RELIABLE_ORDERED(0, true),
    /** Every message arrives exactly once, as soon as it arrives, in any order. */
    RELIABLE_UNORDERED(1, true),
    /** Messages may be lost; one older than the newest already delivered on the channel is dropped. */
    UNRELIABLE_SEQUENCED(2, false),
    /** Messages may be lost or arrive in any order; never duplicated. */
    UNRELIABLE(3, false);

    private final int wireCode;
    private final boolean reliable;

    DeliveryMode(int wireCode, boolean reliable) {
        this.wireCode = wireCode;
        this.reliable = reliable;
    }

    public int wireCode() {
        return wireCode;
    }

    public boolean isReliable() {
        return reliable;
    }

    /** The mode for a wire code, or null if there is none. */
    public static DeliveryMode fromWire(int code) {
        for (DeliveryMode mode : values()) {
            if (mode.wireCode == code) {
                return mode;
            }
        }
        return null;
    }
}
