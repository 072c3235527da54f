package dev.skirmish.transport.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes the three pcapng blocks a Skirmish capture consists of (pcapng, draft-ietf-opsawg-pcapng),
 * written little-endian (readers detect the order from the byte-order magic):
 *
 * <pre>
 * Section Header Block (SHB), first in the file, 28 bytes:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 Block Type = 0x0A0D0D0A                       |
 * |                 Block Total Length = 28                       |
 * |                 Byte-Order Magic = 0x1A2B3C4D                 |
 * |   Major Version = 1           |   Minor Version = 0           |
 * |                 Section Length = -1 (64 bits, unknown)        |
 * |                 Block Total Length = 28                       |
 * +---------------------------------------------------------------+
 *
 * Interface Description Block (IDB), 32 bytes:
 * +---------------------------------------------------------------+
 * |                 Block Type = 0x00000001                       |
 * |                 Block Total Length = 32                       |
 * |   LinkType = 101 (RAW: IPv4/IPv6) |   Reserved = 0            |
 * |                 SnapLen = 0 (no limit)                        |
 * |   if_tsresol code = 9  |  length = 1  | 6 (10^-6 s) | pad x3  |
 * |   opt_endofopt = 0     |  length = 0                          |
 * |                 Block Total Length = 32                       |
 * +---------------------------------------------------------------+
 *
 * Enhanced Packet Block (EPB), 32 + packet length padded to 4:
 * +---------------------------------------------------------------+
 * |                 Block Type = 0x00000006                       |
 * |                 Block Total Length                            |
 * |                 Interface ID = 0                              |
 * |                 Timestamp, high 32 bits (microseconds, epoch) |
 * |                 Timestamp, low 32 bits                        |
 * |                 Captured Packet Length                        |
 * |                 Original Packet Length                        |
 * /                 Packet: IPv4 or IPv6 header, UDP header,      /
 * /                 the Skirmish datagram; zero padding to 4      /
 * |                 Block Total Length                            |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * The packet is synthesized: an IPv4 header (20 bytes, TTL 64, protocol 17, DF, header checksum
 * computed) or an IPv6 header (40 bytes, next header 17, hop limit 64) when either address is IPv6
 * (an IPv4 address is then written IPv4-mapped), followed by the 8-byte UDP header. The UDP checksum
 * is 0 ("none") over IPv4 and computed over IPv6, where it is mandatory.
 */
public final class PcapngBlocks {
    public static final int SECTION_HEADER_TYPE = 0x0A0D0D0A;
    public static final int INTERFACE_DESCRIPTION_TYPE = 0x00000001;
    public static final int SIMPLE_PACKET_TYPE = 0x00000003;
    public static final int ENHANCED_PACKET_TYPE = 0x00000006;
    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    public static final int LINKTYPE_RAW = 101;
    public static final int OPTION_TSRESOL = 9;
    public static final int IPV4_HEADER_BYTES = 20;
    public static final int IPV6_HEADER_BYTES = 40;
    public static final int UDP_HEADER_BYTES = 8;
    public static final int ENHANCED_PACKET_FIXED_BYTES = 32;
    public static final int UDP_PROTOCOL = 17;
    /** The largest packet a block may carry: a maximal UDP payload behind an IPv6 header. */
    public static final int MAX_PACKET_BYTES = IPV6_HEADER_BYTES + UDP_HEADER_BYTES + 65_535;

    private PcapngBlocks() {
    }

    /** Writes the Section Header Block and the one Interface Description Block (microsecond stamps). */
    public static void writeFileHeader(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(SECTION_HEADER_TYPE).putInt(28).putInt(BYTE_ORDER_MAGIC)
                .putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        out.putInt(INTERFACE_DESCRIPTION_TYPE).putInt(32)
                .putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(0)
                .putShort((short) OPTION_TSRESOL).putShort((short) 1).put((byte) 6).put(new byte[3])
                .putShort((short) 0).putShort((short) 0)
                .putInt(32);
    }

    /** Bytes {@link #writeEnhancedPacket} will write for a datagram of {@code payloadBytes}. */
    public static int enhancedPacketBytes(InetSocketAddress source, InetSocketAddress destination, int payloadBytes) {
        int packet = ipHeaderBytes(source, destination) + UDP_HEADER_BYTES + payloadBytes;
        return ENHANCED_PACKET_FIXED_BYTES + padded(packet);
    }

    /**
     * Writes one Enhanced Packet Block: the datagram {@code payload[0, length)} from {@code source} to
     * {@code destination}, stamped {@code timestampMicros} (microseconds since the Unix epoch).
     */
    public static void writeEnhancedPacket(ByteBuffer out, long timestampMicros, InetSocketAddress source,
                                           InetSocketAddress destination, byte[] payload, int length) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        boolean ipv6 = isIpv6(source, destination);
        int packet = (ipv6 ? IPV6_HEADER_BYTES : IPV4_HEADER_BYTES) + UDP_HEADER_BYTES + length;
        int total = ENHANCED_PACKET_FIXED_BYTES + padded(packet);
        out.putInt(ENHANCED_PACKET_TYPE).putInt(total).putInt(0)
                .putInt((int) (timestampMicros >>> 32)).putInt((int) timestampMicros)
                .putInt(packet).putInt(packet);
        out.order(ByteOrder.BIG_ENDIAN);
        if (ipv6) {
            writeIpv6AndUdp(out, source, destination, payload, length);
        } else {
            writeIpv4AndUdp(out, source, destination, length);
        }
        out.put(payload, 0, length);
        for (int i = packet; i < padded(packet); i++) {
            out.put((byte) 0);
        }
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(total);
    }

    public static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int ipHeaderBytes(InetSocketAddress source, InetSocketAddress destination) {
        return isIpv6(source, destination) ? IPV6_HEADER_BYTES : IPV4_HEADER_BYTES;
    }

    private static boolean isIpv6(InetSocketAddress source, InetSocketAddress destination) {
        return source.getAddress() instanceof Inet6Address || destination.getAddress() instanceof Inet6Address;
    }

    private static void writeIpv4AndUdp(ByteBuffer out, InetSocketAddress source, InetSocketAddress destination,
                                        int length) {
        int start = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER_BYTES + UDP_HEADER_BYTES + length))
                .putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) UDP_PROTOCOL).putShort((short) 0)
                .put(source.getAddress().getAddress()).put(destination.getAddress().getAddress());
        int sum = 0;
        for (int i = 0; i < IPV4_HEADER_BYTES; i += 2) {
            sum += out.getShort(start + i) & 0xFFFF;
        }
        out.putShort(start + 10, (short) ~fold(sum));
        out.putShort((short) source.getPort()).putShort((short) destination.getPort())
                .putShort((short) (UDP_HEADER_BYTES + length)).putShort((short) 0);
    }

    private static void writeIpv6AndUdp(ByteBuffer out, InetSocketAddress source, InetSocketAddress destination,
                                        byte[] payload, int length) {
        byte[] from = ipv6Bytes(source.getAddress());
        byte[] to = ipv6Bytes(destination.getAddress());
        int udpLength = UDP_HEADER_BYTES + length;
        out.putInt(0x6000_0000).putShort((short) udpLength).put((byte) UDP_PROTOCOL).put((byte) 64)
                .put(from).put(to);
        long sum = sumWords(from, from.length) + sumWords(to, to.length) + udpLength + UDP_PROTOCOL
                + source.getPort() + destination.getPort() + udpLength + sumWords(payload, length);
        int checksum = ~fold(sum) & 0xFFFF;
        out.putShort((short) source.getPort()).putShort((short) destination.getPort())
                .putShort((short) udpLength).putShort((short) (checksum == 0 ? 0xFFFF : checksum));
    }

    private static long sumWords(byte[] bytes, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = bytes[i] & 0xFF;
            int low = i + 1 < length ? bytes[i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The 16-byte form of an address: IPv6 as is, IPv4 as ::ffff:a.b.c.d. */
    public static byte[] ipv6Bytes(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /** An address from its raw bytes (4 or 16). */
    public static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }

    public static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }
}
