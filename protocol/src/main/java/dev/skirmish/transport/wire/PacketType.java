package dev.skirmish.transport.wire;

/**
 * The packet types, and the prefix and trailer every datagram shares.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Version    |     Type      |  type-specific fields ...     ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                          ...                                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       CRC32C (big-endian)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Version-independent invariants, kept by every future version so that peers of different
 * versions can still refuse each other politely: byte 0 is the version, byte 1 the type, the last
 * four bytes the CRC32C of all before them, bytes 2..9 of a CONNECT are the client's connection id,
 * and the REJECT layout never changes.
 */
public final class PacketType {
    /** The protocol version this build speaks. */
    public static final int PROTOCOL_VERSION = 1;

    /** Client to server: opens a handshake; carries a cookie on its second try. */
    public static final int CONNECT = 0x01;
    /** Server to client: a stateless cookie to echo in the next CONNECT. */
    public static final int CHALLENGE = 0x02;
    /** Server to client: the connection exists; carries the server's connection id. */
    public static final int ACCEPT = 0x03;
    /** Server to client: the connection is refused, with a reason. Layout frozen across versions. */
    public static final int REJECT = 0x04;
    /** Either way, after the handshake: a packet number followed by frames. */
    public static final int DATA = 0x10;

    /** Offset of the version byte. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the type byte. */
    public static final int TYPE_OFFSET = 1;
    /** Bytes before the type-specific fields. */
    public static final int PREFIX_LENGTH = 2;
    /** The smallest datagram that can be valid: prefix and checksum. */
    public static final int MIN_DATAGRAM_LENGTH = PREFIX_LENGTH + DatagramChecksum.LENGTH;

    private PacketType() {
    }
}
