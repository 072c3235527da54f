package dev.skirmish.transport;

/**
 * Why an incoming datagram (or a part of it) was discarded. Every drop is counted per reason in
 * {@link EndpointStats}; none is ever thrown into the application.
 */
public enum DropReason {
    /** Shorter than the smallest packet, or a field runs past the end. */
    TRUNCATED,
    /** Larger than the configured maximum datagram size. */
    OVERSIZED,
    /** The CRC32C trailer does not match the contents. */
    BAD_CHECKSUM,
    /** The version byte is not ours (a handshake from another version is answered with a reject). */
    WRONG_VERSION,
    /** The packet type byte is not one we know. */
    UNKNOWN_PACKET_TYPE,
    /** A frame is malformed: unknown type, impossible length or value. */
    MALFORMED_FRAME,
    /** A data packet names a connection id we do not have. */
    UNKNOWN_CONNECTION,
    /** A packet number we have already processed. */
    DUPLICATE_PACKET,
    /** A packet number below the oldest one we still track. */
    TOO_OLD_PACKET,
    /** A handshake cookie whose authentication code does not verify. */
    INVALID_COOKIE,
    /** A handshake cookie older than the cookie lifetime (answered with a fresh challenge). */
    EXPIRED_COOKIE,
    /** A handshake packet that makes no sense in the current state (e.g. a challenge sent to a server). */
    UNEXPECTED_HANDSHAKE,
    /** A data packet from an address the connection has not validated yet (migration pending). */
    UNVALIDATED_PATH,
    /** The peer sent more reliable data than our advertised flow-control window allows. */
    FLOW_CONTROL_VIOLATION,
    /** A message frame names a channel that does not exist. */
    UNKNOWN_CHANNEL,
    /** A message (or its announced size) exceeds the maximum message size. */
    MESSAGE_TOO_LARGE,
    /** A message arrived too far ahead of the channel's delivery window. */
    BEYOND_CHANNEL_WINDOW,
    /** An acknowledgement for a packet number that was never sent. */
    INVALID_ACK,
    /** The connection is closing or closed; the packet was not processed. */
    CONNECTION_CLOSED,
    /** A reply could not be queued because the endpoint's bounded reply queue was full. */
    REPLY_QUEUE_FULL
}
