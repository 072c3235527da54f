package dev.skirmish.transport;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of an endpoint's counters: datagrams each way and every drop by reason.
 *
 * @param datagramsReceived  datagrams given to {@link Endpoint#receive}
 * @param bytesReceived      their bytes
 * @param datagramsSent      datagrams handed to the sink
 * @param bytesSent          their bytes
 * @param connectionsAccepted handshakes completed as a server
 * @param connectionsRejected handshakes refused (full, version, channels)
 * @param challengesSent     stateless challenges sent
 * @param drops              drops per reason (every reason present, zero if none)
 */
public record EndpointStats(long datagramsReceived, long bytesReceived, long datagramsSent, long bytesSent,
                            long connectionsAccepted, long connectionsRejected, long challengesSent,
                            Map<DropReason, Long> drops) {

    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    public long totalDrops() {
        long total = 0;
        for (long count : drops.values()) {
            total += count;
        }
        return total;
    }

    static Map<DropReason, Long> copy(long[] counts) {
        Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            map.put(reason, counts[reason.ordinal()]);
        }
        return map;
    }
}
