package dev.skirmish.transport.sim;

import java.util.Arrays;

/**
 * An immutable snapshot of the counters of one directed link, or of a whole network: for each
 * {@link LinkCounter}, how many datagrams and how many payload bytes.
 */
public final class LinkStats {

    private static final int COUNTERS = LinkCounter.values().length;

    /** No traffic at all. */
    public static final LinkStats EMPTY = new LinkStats(new long[COUNTERS], new long[COUNTERS]);

    private final long[] datagrams;
    private final long[] bytes;

    private LinkStats(long[] datagrams, long[] bytes) {
        this.datagrams = datagrams;
        this.bytes = bytes;
    }

    static LinkStats copyOf(long[] datagrams, long[] bytes) {
        return new LinkStats(datagrams.clone(), bytes.clone());
    }

    /** How many datagrams this counter saw. */
    public long datagrams(LinkCounter counter) {
        return datagrams[counter.ordinal()];
    }

    /** How many payload bytes this counter saw. */
    public long bytes(LinkCounter counter) {
        return bytes[counter.ordinal()];
    }

    /** The counters of both, added. */
    public LinkStats plus(LinkStats other) {
        long[] d = new long[COUNTERS];
        long[] b = new long[COUNTERS];
        for (int i = 0; i < COUNTERS; i++) {
            d[i] = datagrams[i] + other.datagrams[i];
            b[i] = bytes[i] + other.bytes[i];
        }
        return new LinkStats(d, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkStats other
                && Arrays.equals(datagrams, other.datagrams)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(datagrams) + Arrays.hashCode(bytes);
    }

    /** The non-zero counters, e.g. {@code LinkStats[sent=100/12800B, delivered=98/12544B, lost=2/256B]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LinkStats[");
        String separator = "";
        for (LinkCounter counter : LinkCounter.values()) {
            int i = counter.ordinal();
            if (datagrams[i] != 0) {
                s.append(separator).append(counter.name().toLowerCase()).append('=')
                        .append(datagrams[i]).append('/').append(bytes[i]).append('B');
                separator = ", ";
            }
        }
        return s.append(']').toString();
    }
}
