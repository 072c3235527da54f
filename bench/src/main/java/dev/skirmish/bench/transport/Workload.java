package dev.skirmish.bench.transport;

import java.util.Locale;

/** What a transport run measures. */
public enum Workload {
    /** Send as fast as the transport accepts; report messages and megabytes per second. */
    THROUGHPUT,
    /** Send at a steady rate; report one-way latency percentiles. */
    LATENCY;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
