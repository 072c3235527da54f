package dev.skirmish.replay.run;

/**
 * Transport costs of one direction of a replay, summed over connections: datagrams and bytes the
 * senders put on the wire (handshake included) against the payload bytes of the messages, fragments
 * retransmitted, packets declared lost, and stale unreliable-sequenced messages the receivers dropped.
 */
public record DirectionResult(String direction, long packetsSent, long wireBytes, long payloadBytes,
                              long retransmittedFragments, long packetsLost, long staleDropped) {
}
