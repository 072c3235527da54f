package dev.skirmish.replay.pcapng;

import dev.skirmish.transport.capture.PcapngBlocks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pcapng file as the specification (draft-ietf-opsawg-pcapng) defines it, not only the files
 * {@link PcapngBlocks} writes: any number of sections in either byte order, several interfaces each
 * with its own link type and timestamp resolution (if_tsresol, decimal or binary), Enhanced and
 * Simple Packet Blocks; other block types are skipped. Link types understood: RAW (101), IPV4 (228),
 * IPV6 (229), ETHERNET (1), NULL/loopback (0). UDP datagrams over IPv4 or IPv6 are returned; any other
 * packet is only counted.
 *
 * <p>Reading never throws on bad content: the first structural fault (not a pcapng file, a block
 * running past the end of the file, lengths that disagree, an unknown interface) ends the reading
 * with a {@link CaptureProblem} naming the byte offset, and what was read before it is returned.
 */
public final class PcapngReader {
    private static final int LINKTYPE_NULL = 0;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_IPV4 = 228;
    private static final int LINKTYPE_IPV6 = 229;
    private static final int MIN_BLOCK_BYTES = 12;

    private record Interface(int linkType, long unitsPerSecond) {
    }

    private final Path file;
    private final ByteBuffer data;
    private final List<CapturedDatagram> datagrams = new ArrayList<>();
    private final List<Interface> interfaces = new ArrayList<>();
    private long otherPackets;

    private PcapngReader(Path file, byte[] bytes) {
        this.file = file;
        this.data = ByteBuffer.wrap(bytes);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException only if the file cannot be read at all
     */
    public static CaptureContents read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /** Reads capture bytes; {@code file} only names them in problems. */
    public static CaptureContents read(Path file, byte[] bytes) {
        PcapngReader reader = new PcapngReader(file, bytes);
        Optional<CaptureProblem> problem = Optional.ofNullable(reader.readBlocks());
        return new CaptureContents(file, List.copyOf(reader.datagrams), reader.otherPackets, problem);
    }

    private CaptureProblem readBlocks() {
        int offset = 0;
        if (data.remaining() < MIN_BLOCK_BYTES || data.order(ByteOrder.BIG_ENDIAN).getInt(0) != PcapngBlocks.SECTION_HEADER_TYPE) {
            return problem(0, "not a pcapng file: it does not start with a Section Header Block (0x0A0D0D0A)"
                    + (data.remaining() >= 4 && isLegacyPcap() ? "; it looks like a legacy pcap file, convert it with"
                    + " 'editcap -F pcapng'" : ""));
        }
        while (offset < data.capacity()) {
            if (data.capacity() - offset < MIN_BLOCK_BYTES) {
                return problem(offset, "truncated: " + (data.capacity() - offset) + " bytes left, a block needs at least "
                        + MIN_BLOCK_BYTES);
            }
            int type = data.getInt(offset);
            if (type == PcapngBlocks.SECTION_HEADER_TYPE) {
                CaptureProblem problem = startSection(offset);
                if (problem != null) {
                    return problem;
                }
            }
            long total = data.getInt(offset + 4) & 0xFFFF_FFFFL;
            if (total < MIN_BLOCK_BYTES || total % 4 != 0) {
                return problem(offset + 4, "corrupt block of type 0x" + Integer.toHexString(type)
                        + ": total length " + total + " is not a multiple of 4 of at least 12");
            }
            if (offset + total > data.capacity()) {
                return problem(offset, "truncated: block of type 0x" + Integer.toHexString(type) + " declares "
                        + total + " bytes but only " + (data.capacity() - offset) + " remain");
            }
            int end = offset + (int) total;
            if ((data.getInt(end - 4) & 0xFFFF_FFFFL) != total) {
                return problem(end - 4, "corrupt block of type 0x" + Integer.toHexString(type)
                        + ": trailing length " + (data.getInt(end - 4) & 0xFFFF_FFFFL) + " differs from leading length " + total);
            }
            CaptureProblem problem = readBlock(type, offset, end);
            if (problem != null) {
                return problem;
            }
            offset = end;
        }
        return null;
    }

    private boolean isLegacyPcap() {
        int magic = data.order(ByteOrder.BIG_ENDIAN).getInt(0);
        return magic == 0xA1B2C3D4 || magic == 0xD4C3B2A1 || magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
    }

    private CaptureProblem startSection(int offset) {
        if (data.capacity() - offset < 28) {
            return problem(offset, "truncated Section Header Block");
        }
        int magic = data.order(ByteOrder.BIG_ENDIAN).getInt(offset + 8);
        if (magic == PcapngBlocks.BYTE_ORDER_MAGIC) {
            data.order(ByteOrder.BIG_ENDIAN);
        } else if (Integer.reverseBytes(magic) == PcapngBlocks.BYTE_ORDER_MAGIC) {
            data.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            return problem(offset + 8, "corrupt Section Header Block: byte-order magic 0x" + Integer.toHexString(magic)
                    + " is not 0x1A2B3C4D");
        }
        int major = data.getShort(offset + 12) & 0xFFFF;
        if (major != 1) {
            return problem(offset + 12, "unsupported pcapng major version " + major);
        }
        interfaces.clear();
        return null;
    }

    private CaptureProblem readBlock(int type, int offset, int end) {
        switch (type) {
            case PcapngBlocks.INTERFACE_DESCRIPTION_TYPE -> {
                return readInterface(offset, end);
            }
            case PcapngBlocks.ENHANCED_PACKET_TYPE -> {
                if (end - offset < PcapngBlocks.ENHANCED_PACKET_FIXED_BYTES) {
                    return problem(offset, "corrupt Enhanced Packet Block: " + (end - offset) + " bytes");
                }
                long interfaceId = data.getInt(offset + 8) & 0xFFFF_FFFFL;
                if (interfaceId >= interfaces.size()) {
                    return problem(offset + 8, "Enhanced Packet Block names interface " + interfaceId + " but "
                            + interfaces.size() + " are described");
                }
                long stamp = ((data.getInt(offset + 12) & 0xFFFF_FFFFL) << 32) | (data.getInt(offset + 16) & 0xFFFF_FFFFL);
                long captured = data.getInt(offset + 20) & 0xFFFF_FFFFL;
                if (offset + 28 + captured > end - 4) {
                    return problem(offset + 20, "corrupt Enhanced Packet Block: captured length " + captured
                            + " runs past the block end");
                }
                Interface link = interfaces.get((int) interfaceId);
                readPacket(link, toMicros(stamp, link.unitsPerSecond), offset + 28, (int) captured, offset);
                return null;
            }
            case PcapngBlocks.SIMPLE_PACKET_TYPE -> {
                if (interfaces.isEmpty()) {
                    return problem(offset, "Simple Packet Block before any Interface Description Block");
                }
                long original = data.getInt(offset + 8) & 0xFFFF_FFFFL;
                int captured = (int) Math.min(original, end - offset - 16);
                readPacket(interfaces.get(0), 0, offset + 12, captured, offset);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private CaptureProblem readInterface(int offset, int end) {
        if (end - offset < 20) {
            return problem(offset, "corrupt Interface Description Block: " + (end - offset) + " bytes");
        }
        int linkType = data.getShort(offset + 8) & 0xFFFF;
        long unitsPerSecond = 1_000_000;
        int option = offset + 16;
        while (option + 4 <= end - 4) {
            int code = data.getShort(option) & 0xFFFF;
            int length = data.getShort(option + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (option + 4 + length > end - 4) {
                return problem(option, "corrupt Interface Description Block: option " + code + " of " + length
                        + " bytes runs past the block end");
            }
            if (code == PcapngBlocks.OPTION_TSRESOL && length >= 1) {
                int resolution = data.get(option + 4) & 0xFF;
                int exponent = resolution & 0x7F;
                if (exponent > 18) {
                    return problem(option + 4, "unsupported if_tsresol " + resolution);
                }
                unitsPerSecond = (resolution & 0x80) != 0 ? 1L << exponent : pow10(exponent);
            }
            option += 4 + PcapngBlocks.padded(length);
        }
        interfaces.add(new Interface(linkType, unitsPerSecond));
        return null;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private static long toMicros(long stamp, long unitsPerSecond) {
        if (unitsPerSecond == 1_000_000) {
            return stamp;
        }
        long seconds = stamp / unitsPerSecond;
        long fraction = stamp % unitsPerSecond;
        return seconds * 1_000_000 + (long) ((double) fraction * 1_000_000 / unitsPerSecond);
    }

    /** Reads one link-layer packet at [start, start + length); UDP datagrams are kept, others counted. */
    private void readPacket(Interface link, long micros, int start, int length, int blockOffset) {
        ByteBuffer packet = data.duplicate().order(ByteOrder.BIG_ENDIAN);
        packet.position(start).limit(start + length);
        switch (link.linkType) {
            case PcapngBlocks.LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6 -> { }
            case LINKTYPE_ETHERNET -> {
                if (packet.remaining() < 14) {
                    otherPackets++;
                    return;
                }
                int etherType = packet.getShort(start + 12) & 0xFFFF;
                if (etherType != 0x0800 && etherType != 0x86DD) {
                    otherPackets++;
                    return;
                }
                packet.position(start + 14);
            }
            case LINKTYPE_NULL -> {
                if (packet.remaining() < 4) {
                    otherPackets++;
                    return;
                }
                packet.position(start + 4);
            }
            default -> {
                otherPackets++;
                return;
            }
        }
        CapturedDatagram datagram = IpUdpDecoder.decode(packet, micros, blockOffset);
        if (datagram == null) {
            otherPackets++;
        } else {
            datagrams.add(datagram);
        }
    }

    private CaptureProblem problem(long offset, String detail) {
        return new CaptureProblem(file, offset, detail);
    }

    /** Decodes an IPv4 or IPv6 packet holding an unfragmented UDP datagram; null for anything else. */
    static final class IpUdpDecoder {
        private IpUdpDecoder() {
        }

        static CapturedDatagram decode(ByteBuffer packet, long micros, long blockOffset) {
            int start = packet.position();
            if (packet.remaining() < 1) {
                return null;
            }
            int version = (packet.get(start) & 0xFF) >>> 4;
            byte[] from;
            byte[] to;
            int udp;
            if (version == 4) {
                int headerBytes = (packet.get(start) & 0x0F) * 4;
                if (headerBytes < 20 || packet.remaining() < headerBytes + PcapngBlocks.UDP_HEADER_BYTES
                        || (packet.get(start + 9) & 0xFF) != PcapngBlocks.UDP_PROTOCOL
                        || (packet.getShort(start + 6) & 0x3FFF) != 0) {
                    return null;
                }
                from = bytes(packet, start + 12, 4);
                to = bytes(packet, start + 16, 4);
                udp = start + headerBytes;
            } else if (version == 6) {
                if (packet.remaining() < PcapngBlocks.IPV6_HEADER_BYTES + PcapngBlocks.UDP_HEADER_BYTES
                        || (packet.get(start + 6) & 0xFF) != PcapngBlocks.UDP_PROTOCOL) {
                    return null;
                }
                from = bytes(packet, start + 8, 16);
                to = bytes(packet, start + 24, 16);
                udp = start + PcapngBlocks.IPV6_HEADER_BYTES;
            } else {
                return null;
            }
            int udpLength = packet.getShort(udp + 4) & 0xFFFF;
            int available = packet.limit() - udp;
            if (udpLength < PcapngBlocks.UDP_HEADER_BYTES || udpLength > available) {
                return null;
            }
            InetSocketAddress source = new InetSocketAddress(PcapngBlocks.address(from), packet.getShort(udp) & 0xFFFF);
            InetSocketAddress destination = new InetSocketAddress(PcapngBlocks.address(to), packet.getShort(udp + 2) & 0xFFFF);
            byte[] payload = bytes(packet, udp + PcapngBlocks.UDP_HEADER_BYTES, udpLength - PcapngBlocks.UDP_HEADER_BYTES);
            return new CapturedDatagram(micros, source, destination, payload, blockOffset);
        }

        private static byte[] bytes(ByteBuffer packet, int at, int length) {
            byte[] bytes = new byte[length];
            packet.get(at, bytes);
            return bytes;
        }
    }
}
