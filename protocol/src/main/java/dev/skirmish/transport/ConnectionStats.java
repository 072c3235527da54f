package dev.skirmish.transport;

/**
 * A snapshot of one connection's statistics, taken by {@link Connection#stats()}.
 *
 * @param smoothedRttMicros      smoothed RTT from acknowledgements (0 before the first sample)
 * @param rttVarianceMicros      RTT variation
 * @param minRttMicros           smallest RTT seen
 * @param pingRttMicros          RTT of the latest keepalive PING/PONG exchange (0 if none yet)
 * @param packetsSent            datagrams sent, handshake included
 * @param bytesSent              bytes of those datagrams (UDP payload)
 * @param packetsReceived        data packets received and processed
 * @param bytesReceived          bytes of those packets
 * @param retransmittedFragments message fragments sent again after loss or a probe timeout
 * @param packetsLost            ack-eliciting packets declared lost
 * @param packetsAcked           ack-eliciting packets acknowledged
 * @param probeTimeouts          probe timer expiries
 * @param duplicatePackets       packets received twice (or too late) and dropped
 * @param duplicateMessages      message frames received again and suppressed
 * @param staleMessages          unreliable-sequenced messages dropped as older than one delivered
 * @param receiveBufferDrops     unreliable messages dropped for lack of receive buffer
 * @param messagesSent           messages the application queued
 * @param messagesDelivered      messages handed to the application
 * @param queuedBytes            bytes queued for sending and not yet acknowledged
 * @param queuedMessages         messages queued for sending and not yet acknowledged
 * @param bytesInFlight          bytes of packets in flight
 * @param congestionWindowBytes  congestion window ({@code Long.MAX_VALUE} when unlimited)
 * @param deliverableMessages    messages delivered but not yet taken by the application
 * @param heldMessages           messages being reassembled or waiting for an earlier one
 * @param receiveBufferedBytes   bytes the receive side holds
 * @param sendRefusals           {@code send} calls refused (buffer full or closing)
 * @param migrations             validated changes of the peer's address
 * @param congestionEvents       loss-detection passes that declared packets lost; each is reported to the
 *                               congestion controller, which reduces its window at most once per round trip
 *                               (and never without congestion control)
 */
public record ConnectionStats(
        long smoothedRttMicros, long rttVarianceMicros, long minRttMicros, long pingRttMicros,
        long packetsSent, long bytesSent, long packetsReceived, long bytesReceived,
        long retransmittedFragments, long packetsLost, long packetsAcked, long probeTimeouts,
        long duplicatePackets, long duplicateMessages, long staleMessages, long receiveBufferDrops,
        long messagesSent, long messagesDelivered,
        long queuedBytes, int queuedMessages, long bytesInFlight, long congestionWindowBytes,
        int deliverableMessages, int heldMessages, long receiveBufferedBytes,
        long sendRefusals, long migrations, long congestionEvents) {

    /** Share of ack-eliciting packets declared lost, 0..1. */
    public double lossRate() {
        long decided = packetsLost + packetsAcked;
        return decided == 0 ? 0.0 : (double) packetsLost / decided;
    }
}
