package dev.skirmish.transport.wire;

/**
 * The frames a DATA packet carries, one after another until the checksum. Each starts with its
 * one-byte type. Varint is the QUIC encoding ({@link Varint}).
 *
 * <pre>
 * type  name            fields                                                      ack-eliciting
 * 0x00  PADDING         (none; runs to the end of the packet)                       no
 * 0x01  ACK             largest, ackDelayMicros, extraRangeCount, firstRange,        no
 *                       then extraRangeCount x (gap, rangeLength), all varints
 * 0x02  PING            u64 opaque (the sender's clock in micros)                   yes
 * 0x03  PONG            u64 echoed from the PING                                     no
 * 0x04  MAX_DATA        varint: total reliable bytes the sender may ever send        yes
 * 0x05  PATH_CHALLENGE  u64 random                                                   yes
 * 0x06  PATH_RESPONSE   u64 echoed from the challenge                                yes
 * 0x07  CLOSE           u8 reason, varint textLength, UTF-8 text                     no
 * 0x10  MESSAGE         u8 channel, varint sequence, varint length, payload          yes
 * 0x11  MESSAGE_NEXT    varint length, payload: same channel as the previous         yes
 *                       MESSAGE or MESSAGE_NEXT in this packet, sequence + 1
 * 0x12  FRAGMENT        u8 channel, varint sequence, varint messageLength,           yes
 *                       varint fragmentSize, varint fragmentIndex, payload of
 *                       min(fragmentSize, messageLength - index * fragmentSize) bytes
 * </pre>
 *
 * MESSAGE_NEXT exists because a packet full of small messages on one channel is the common case
 * under load: it costs two bytes of framing per message instead of five or more.
 */
public final class FrameType {
    public static final int PADDING = 0x00;
    public static final int ACK = 0x01;
    public static final int PING = 0x02;
    public static final int PONG = 0x03;
    public static final int MAX_DATA = 0x04;
    public static final int PATH_CHALLENGE = 0x05;
    public static final int PATH_RESPONSE = 0x06;
    public static final int CLOSE = 0x07;
    public static final int MESSAGE = 0x10;
    public static final int MESSAGE_NEXT = 0x11;
    public static final int FRAGMENT = 0x12;

    private FrameType() {
    }

    /** Whether receiving this frame obliges the receiver to acknowledge the packet. */
    public static boolean isAckEliciting(int type) {
        return type != PADDING && type != ACK && type != PONG && type != CLOSE;
    }
}
