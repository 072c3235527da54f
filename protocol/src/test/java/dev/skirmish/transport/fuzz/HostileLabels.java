package dev.skirmish.transport.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The strategy names of hostile datagrams on their way, looked up when they land, so an escaped
 * exception or a broken invariant can say which strategy made the datagram that caused it. Lookup
 * is by a fingerprint of the length and the first and last bytes, not the whole content: cheap at
 * a hundred thousand datagrams, and a rare collision only swaps two labels. Identical datagrams in
 * flight at once are counted separately.
 */
final class HostileLabels {
    private static final int EDGE_BYTES = 12;

    private final Map<Long, ArrayDeque<String>> inFlight = new HashMap<>();

    void put(byte[] datagram, String label) {
        inFlight.computeIfAbsent(fingerprint(ByteBuffer.wrap(datagram)), unused -> new ArrayDeque<>(1)).addLast(label);
    }

    /** The label of a hostile datagram like {@code datagram}'s remaining bytes, removed; null for a genuine one. */
    String take(ByteBuffer datagram) {
        long fingerprint = fingerprint(datagram);
        ArrayDeque<String> labels = inFlight.get(fingerprint);
        if (labels == null) {
            return null;
        }
        String label = labels.pollFirst();
        if (labels.isEmpty()) {
            inFlight.remove(fingerprint);
        }
        return label;
    }

    private static long fingerprint(ByteBuffer datagram) {
        int start = datagram.position();
        int length = datagram.remaining();
        long fingerprint = length;
        for (int i = 0; i < Math.min(length, EDGE_BYTES); i++) {
            fingerprint = fingerprint * 31 + datagram.get(start + i);
        }
        for (int i = Math.max(EDGE_BYTES, length - EDGE_BYTES); i < length; i++) {
            fingerprint = fingerprint * 31 + datagram.get(start + i);
        }
        return fingerprint;
    }
}
