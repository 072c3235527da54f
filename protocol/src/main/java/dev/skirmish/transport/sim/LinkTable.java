package dev.skirmish.transport.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Every directed link of a network, created on first use with the default conditions. Each link's
 * random seed is derived from the network seed and the link's two addresses only, so adding a
 * node or a link never changes what happens on the others.
 */
final class LinkTable {

    private final long networkSeed;
    // Two levels, so that finding a link for each datagram allocates no key object.
    private final Map<InetSocketAddress, Map<InetSocketAddress, DirectedLink>> bySource = new HashMap<>();
    private LinkConditions defaultConditions = LinkConditions.PERFECT;

    LinkTable(long networkSeed) {
        this.networkSeed = networkSeed;
    }

    /** The link from {@code from} to {@code to}, created if needed. */
    DirectedLink get(InetSocketAddress from, InetSocketAddress to) {
        Map<InetSocketAddress, DirectedLink> byDestination = bySource.get(from);
        if (byDestination == null) {
            byDestination = new HashMap<>();
            bySource.put(from, byDestination);
        }
        DirectedLink link = byDestination.get(to);
        if (link == null) {
            link = new DirectedLink(from, to, linkSeed(networkSeed, from, to), defaultConditions);
            byDestination.put(to, link);
        }
        return link;
    }

    /** The link if it has been used or configured, else null. */
    DirectedLink find(InetSocketAddress from, InetSocketAddress to) {
        Map<InetSocketAddress, DirectedLink> byDestination = bySource.get(from);
        return byDestination == null ? null : byDestination.get(to);
    }

    void setDefault(LinkConditions conditions) {
        defaultConditions = conditions;
        for (Map<InetSocketAddress, DirectedLink> byDestination : bySource.values()) {
            for (DirectedLink link : byDestination.values()) {
                link.followDefault(conditions);
            }
        }
    }

    LinkStats total() {
        LinkStats sum = LinkStats.EMPTY;
        for (Map<InetSocketAddress, DirectedLink> byDestination : bySource.values()) {
            for (DirectedLink link : byDestination.values()) {
                sum = sum.plus(link.stats());
            }
        }
        return sum;
    }

    /** A seed that depends on the network seed and the link's identity and direction, stable across JVMs. */
    static long linkSeed(long networkSeed, InetSocketAddress from, InetSocketAddress to) {
        return mixAddress(mixAddress(mix(networkSeed), from), to);
    }

    private static long mixAddress(long h, InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        byte[] identity = ip != null ? ip.getAddress() : address.getHostString().getBytes(StandardCharsets.UTF_8);
        for (byte b : identity) {
            h = mix(h + (b & 0xff));
        }
        // The length separates addresses of different families that share a prefix.
        return mix(h + ((long) identity.length << 16) + address.getPort());
    }

    /** The SplitMix64 finalizer, after a golden-ratio step. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
