package dev.skirmish.bench.transport;

import java.util.Locale;

/** The transports {@code bench transport} compares. */
public enum TransportKind {
    /** Skirmish's reliable UDP, reliable ordered channel, LAN profile. */
    SKIRMISH,
    /** TCP with TCP_NODELAY and 4-byte length framing. */
    TCP,
    /** Raw UDP, one message per datagram, best effort. */
    UDP;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
