package dev.skirmish.replay.run;

import java.util.List;

/**
 * How one channel fared in one direction of a replay, over all connections. {@code missing} and
 * {@code outOfOrder} name the captured messages (connection, channel, sequence) concerned, at most
 * {@link ReplayRun#MAX_NAMED_MESSAGES} each; the counts are complete. Latencies are from the instant
 * a message was handed to the transport to its first delivery, in microseconds of virtual time.
 * {@code frameBytes} is what the senders wrote of this channel's frames (headers and retransmissions
 * included; packet headers, ACKs and checksums belong to no channel, so the direction's wire bytes are
 * more); {@code retransmittedFragments} counts this channel's fragments the senders sent again;
 * {@code staleDropped} its unreliable-sequenced messages the receivers dropped as older than one delivered.
 */
public record ChannelResult(String direction, int channel, String mode, long messages, long payloadBytes,
                            long deliveredOnce, long notDelivered, long duplicates, long outOfOrder,
                            long foreign, long frameBytes, long retransmittedFragments, long staleDropped,
                            long latencyP50Micros, long latencyP99Micros, long latencyMaxMicros,
                            List<String> missing, List<String> outOfOrderMessages) {

    /** Every message arrived exactly once and, where the mode promises order, in order. */
    public boolean exact() {
        return notDelivered == 0 && duplicates == 0 && outOfOrder == 0 && foreign == 0;
    }
}
