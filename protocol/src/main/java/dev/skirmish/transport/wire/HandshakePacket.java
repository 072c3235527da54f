package dev.skirmish.transport.wire;

import dev.skirmish.transport.DropReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The four handshake packets, as one reusable holder: decode into it, or fill it and encode.
 * Fields a type does not use are ignored. All integers big-endian; every packet ends with the
 * CRC32C trailer (see {@link PacketType}).
 *
 * <pre>
 * CONNECT (client -> server), zero-padded to MIN_CONNECT_LENGTH bytes:
 * +---------+------+-------------------+--------------+----------------+-----------------+
 * | Version | 0x01 | Client Conn Id(8) | MaxDgram (2) | RecvWindow (4) | MaxAckDelayUs(4)|
 * +---------+------+-------------------+--------------+----------------+-----------------+
 * | ChannelCount (1) | Modes (1 each) | MaxMessage (4) | ChannelWindow (4) |
 * +------------------+----------------+----------------+-------------------+
 * | CookieLen (1) | Cookie (CookieLen) | Padding | CRC |
 * +---------------+--------------------+---------+-----+
 *
 * CHALLENGE (server -> client), never larger than the CONNECT it answers:
 * +---------+------+-------------------+---------------+--------------------+-----+
 * | Version | 0x02 | Client Conn Id(8) | CookieLen (1) | Cookie (CookieLen) | CRC |
 * +---------+------+-------------------+---------------+--------------------+-----+
 *
 * ACCEPT (server -> client), only after the cookie came back:
 * +---------+------+-------------------+-------------------+--------------+----------------+-----------------+-----+
 * | Version | 0x03 | Client Conn Id(8) | Server Conn Id(8) | MaxDgram (2) | RecvWindow (4) | MaxAckDelayUs(4)| CRC |
 * +---------+------+-------------------+-------------------+--------------+----------------+-----------------+-----+
 *
 * REJECT (server -> client), layout frozen across versions, never larger than the CONNECT it answers:
 * +---------+------+-------------------+------------+-----------------+-------------+-------------------+-----+
 * | Version | 0x04 | Client Conn Id(8) | Reason (1) | OurVersion (1)  | TextLen (1) | Text (UTF-8)      | CRC |
 * +---------+------+-------------------+------------+-----------------+-------------+-------------------+-----+
 * </pre>
 */
public final class HandshakePacket {
    /** Cookies are at most this long. */
    public static final int MAX_COOKIE_LENGTH = 64;
    /** At most this many channels can be configured. */
    public static final int MAX_CHANNELS = 64;
    /**
     * CONNECT datagrams are padded to exactly this length, and shorter ones are refused: the padding is
     * what lets a server answer (challenge or reject, both smaller) without amplifying. It is also the
     * smallest datagram size either side may configure, so every server accepts it.
     */
    public static final int MIN_CONNECT_LENGTH = 256;
    /** Bytes of the fixed part of a REJECT (everything but the text). */
    public static final int REJECT_FIXED_LENGTH = PacketType.PREFIX_LENGTH + 8 + 3 + DatagramChecksum.LENGTH;

    public int type;
    public int version;
    public long clientConnectionId;
    public long serverConnectionId;
    public int maxDatagramBytes;
    public long receiveWindowBytes;
    public long maxAckDelayMicros;
    public int channelCount;
    public final byte[] channelModes = new byte[MAX_CHANNELS];
    public long maxMessageBytes;
    public long channelWindowMessages;
    public int cookieLength;
    public final byte[] cookie = new byte[MAX_COOKIE_LENGTH];
    public int rejectReasonCode;
    public String rejectText = "";

    /**
     * Encodes this packet at {@code buffer}'s position, padding a CONNECT to {@code paddedLength}
     * bytes, and appends the checksum. Returns the encoded length.
     */
    public int encode(ByteBuffer buffer, int paddedLength, DatagramChecksum checksum) {
        int start = buffer.position();
        buffer.put((byte) version).put((byte) type).putLong(clientConnectionId);
        switch (type) {
            case PacketType.CONNECT -> {
                writeParameters(buffer);
                buffer.put((byte) channelCount).put(channelModes, 0, channelCount);
                buffer.putInt((int) maxMessageBytes).putInt((int) channelWindowMessages);
                buffer.put((byte) cookieLength).put(cookie, 0, cookieLength);
                while (buffer.position() - start < paddedLength - DatagramChecksum.LENGTH) {
                    buffer.put((byte) 0);
                }
            }
            case PacketType.CHALLENGE -> buffer.put((byte) cookieLength).put(cookie, 0, cookieLength);
            case PacketType.ACCEPT -> {
                buffer.putLong(serverConnectionId);
                writeParameters(buffer);
            }
            case PacketType.REJECT -> {
                byte[] text = rejectText.getBytes(StandardCharsets.UTF_8);
                int textLength = Math.min(text.length, 255);
                buffer.put((byte) rejectReasonCode).put((byte) PacketType.PROTOCOL_VERSION)
                        .put((byte) textLength).put(text, 0, textLength);
            }
            default -> throw new IllegalStateException("not a handshake packet type: " + type);
        }
        checksum.append(buffer, start);
        return buffer.position() - start;
    }

    private void writeParameters(ByteBuffer buffer) {
        buffer.putShort((short) maxDatagramBytes);
        buffer.putInt((int) receiveWindowBytes);
        buffer.putInt((int) maxAckDelayMicros);
    }

    /**
     * Decodes the datagram in [position, limit), whose checksum the caller has verified. Leaves the
     * buffer's position unspecified.
     */
    public void decode(ByteBuffer datagram) throws ProtocolException {
        int end = datagram.limit() - DatagramChecksum.LENGTH;
        if (end - datagram.position() < PacketType.PREFIX_LENGTH + 8) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        version = datagram.get() & 0xFF;
        type = datagram.get() & 0xFF;
        clientConnectionId = datagram.getLong();
        switch (type) {
            case PacketType.CONNECT -> {
                readParameters(datagram, end);
                channelCount = readByte(datagram, end);
                if (channelCount > MAX_CHANNELS) {
                    throw ProtocolException.of(DropReason.MALFORMED_FRAME);
                }
                readBytes(datagram, end, channelModes, channelCount);
                require(datagram, end, 8);
                maxMessageBytes = datagram.getInt() & 0xFFFF_FFFFL;
                channelWindowMessages = datagram.getInt() & 0xFFFF_FFFFL;
                readCookie(datagram, end);
            }
            case PacketType.CHALLENGE -> readCookie(datagram, end);
            case PacketType.ACCEPT -> {
                require(datagram, end, 8);
                serverConnectionId = datagram.getLong();
                readParameters(datagram, end);
            }
            case PacketType.REJECT -> {
                rejectReasonCode = readByte(datagram, end);
                version = readByte(datagram, end);
                int textLength = readByte(datagram, end);
                require(datagram, end, textLength);
                byte[] text = new byte[textLength];
                datagram.get(text);
                rejectText = new String(text, StandardCharsets.UTF_8);
            }
            default -> throw ProtocolException.of(DropReason.UNKNOWN_PACKET_TYPE);
        }
    }

    private void readParameters(ByteBuffer datagram, int end) throws ProtocolException {
        require(datagram, end, 10);
        maxDatagramBytes = datagram.getShort() & 0xFFFF;
        receiveWindowBytes = datagram.getInt() & 0xFFFF_FFFFL;
        maxAckDelayMicros = datagram.getInt() & 0xFFFF_FFFFL;
    }

    private void readCookie(ByteBuffer datagram, int end) throws ProtocolException {
        cookieLength = readByte(datagram, end);
        if (cookieLength > MAX_COOKIE_LENGTH) {
            throw ProtocolException.of(DropReason.MALFORMED_FRAME);
        }
        readBytes(datagram, end, cookie, cookieLength);
    }

    private static int readByte(ByteBuffer datagram, int end) throws ProtocolException {
        require(datagram, end, 1);
        return datagram.get() & 0xFF;
    }

    private static void readBytes(ByteBuffer datagram, int end, byte[] into, int length) throws ProtocolException {
        require(datagram, end, length);
        datagram.get(into, 0, length);
    }

    private static void require(ByteBuffer datagram, int end, int bytes) throws ProtocolException {
        if (end - datagram.position() < bytes) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
    }
}
