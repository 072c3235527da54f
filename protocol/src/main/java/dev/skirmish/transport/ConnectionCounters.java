package dev.skirmish.transport;

/** The mutable counters a connection keeps for {@link ConnectionStats}. */
final class ConnectionCounters {
    long packetsSent;
    long bytesSent;
    long packetsReceived;
    long bytesReceived;
    long retransmittedFragments;
    long duplicatePackets;
    long messagesSent;
    long sendRefusals;
    long migrations;
    long pingRttMicros;
}
