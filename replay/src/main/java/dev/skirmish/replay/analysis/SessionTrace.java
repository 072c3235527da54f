package dev.skirmish.replay.analysis;

import dev.skirmish.game.net.GameChannels;
import dev.skirmish.replay.pcapng.CaptureContents;
import dev.skirmish.replay.pcapng.CaptureProblem;
import dev.skirmish.replay.pcapng.CapturedDatagram;
import dev.skirmish.transport.DeliveryMode;
import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import dev.skirmish.transport.wire.ProtocolException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A capture decoded as Skirmish traffic: the connections in it (each a client/server address pair;
 * a new CONNECT from the same pair after DATA starts a new one), what each direction carried and the
 * application messages that can be recovered from it. Datagrams that are not Skirmish datagrams
 * (wrong version byte, bad CRC32C, too short) are counted as foreign; DATA packets whose frames do
 * not parse are counted as malformed (their frames before the fault still count). The server of a
 * pair is the address its CONNECT went to; without a CONNECT, the address that received CONNECTs
 * elsewhere in the capture, else the one with the lower port.
 */
public final class SessionTrace {
    private final Path file;
    private final List<TracedConnection> connections = new ArrayList<>();
    private final List<CaptureProblem> problems = new ArrayList<>();
    private final long otherPackets;
    private long foreignDatagrams;
    private long malformedPackets;
    private long firstMicros = -1;
    private long lastMicros;
    private long skirmishDatagrams;

    private SessionTrace(Path file, long otherPackets) {
        this.file = file;
        this.otherPackets = otherPackets;
    }

    /** Decodes every datagram of {@code contents}. */
    public static SessionTrace of(CaptureContents contents) {
        SessionTrace trace = new SessionTrace(contents.file(), contents.otherPackets());
        contents.problem().ifPresent(trace.problems::add);
        trace.decode(contents.datagrams());
        return trace;
    }

    private void decode(List<CapturedDatagram> datagrams) {
        DatagramChecksum checksum = new DatagramChecksum();
        List<CapturedDatagram> ours = new ArrayList<>();
        Set<InetSocketAddress> servers = new HashSet<>();
        CapturedDatagram firstForeign = null;
        for (CapturedDatagram datagram : datagrams) {
            byte[] payload = datagram.payload();
            if (payload.length < PacketType.MIN_DATAGRAM_LENGTH || payload[0] != PacketType.PROTOCOL_VERSION
                    || !checksum.verify(ByteBuffer.wrap(payload))) {
                foreignDatagrams++;
                firstForeign = firstForeign == null ? datagram : firstForeign;
                continue;
            }
            ours.add(datagram);
            if (payload[1] == PacketType.CONNECT) {
                servers.add(datagram.destination());
            }
        }
        if (ours.isEmpty() && firstForeign != null) {
            problems.add(new CaptureProblem(file, firstForeign.fileOffset(), "no Skirmish traffic: none of the "
                    + foreignDatagrams + " UDP datagrams is a Skirmish datagram (version 1, valid CRC32C); the first"
                    + " goes " + firstForeign.source() + " -> " + firstForeign.destination()));
        }
        Map<AddressPair, TracedConnection> byPair = new HashMap<>();
        FrameReader frames = new FrameReader();
        HandshakePacket handshake = new HandshakePacket();
        CapturedDatagram firstMalformed = null;
        for (CapturedDatagram datagram : ours) {
            skirmishDatagrams++;
            firstMicros = firstMicros < 0 ? datagram.timestampMicros() : Math.min(firstMicros, datagram.timestampMicros());
            lastMicros = Math.max(lastMicros, datagram.timestampMicros());
            TracedConnection connection = connectionFor(byPair, servers, datagram, handshake);
            connection.firstMicros = connection.firstMicros < 0 ? datagram.timestampMicros() : connection.firstMicros;
            connection.lastMicros = datagram.timestampMicros();
            Direction direction = connection.directionFrom(datagram.source());
            DirectionTrace trace = connection.trace(direction);
            byte[] payload = datagram.payload();
            trace.countDatagram(payload.length);
            if (payload[1] != PacketType.DATA) {
                continue;
            }
            try {
                if (payload.length < DataPacketHeader.OVERHEAD) {
                    throw ProtocolException.of(DropReason.TRUNCATED);
                }
                trace.readDataPacket(datagram.timestampMicros(), payload, frames,
                        connection.trace(direction == Direction.CLIENT_TO_SERVER ? Direction.SERVER_TO_CLIENT
                                : Direction.CLIENT_TO_SERVER), connection.channels());
            } catch (ProtocolException e) {
                malformedPackets++;
                firstMalformed = firstMalformed == null ? datagram : firstMalformed;
            }
        }
        if (firstMalformed != null) {
            problems.add(new CaptureProblem(file, firstMalformed.fileOffset(), malformedPackets
                    + " DATA packet(s) with malformed frames (checksum valid), the first here; their earlier frames were used"));
        }
    }

    /** Two addresses in a fixed order, so that both directions of a connection find the same key. */
    private record AddressPair(InetSocketAddress first, InetSocketAddress second) {
        static AddressPair of(InetSocketAddress a, InetSocketAddress b) {
            return a.toString().compareTo(b.toString()) <= 0 ? new AddressPair(a, b) : new AddressPair(b, a);
        }
    }

    private TracedConnection connectionFor(Map<AddressPair, TracedConnection> byPair,
                                           Set<InetSocketAddress> servers, CapturedDatagram datagram,
                                           HandshakePacket handshake) {
        AddressPair pair = AddressPair.of(datagram.source(), datagram.destination());
        TracedConnection connection = byPair.get(pair);
        boolean isConnect = datagram.payload()[1] == PacketType.CONNECT;
        long clientConnectionId = -1;
        List<DeliveryMode> announced = null;
        if (isConnect) {
            try {
                handshake.decode(ByteBuffer.wrap(datagram.payload()));
                clientConnectionId = handshake.clientConnectionId;
                List<DeliveryMode> modes = new ArrayList<>();
                for (int i = 0; i < handshake.channelCount; i++) {
                    modes.add(DeliveryMode.fromWire(handshake.channelModes[i]));
                }
                announced = List.copyOf(modes);
            } catch (ProtocolException | IllegalArgumentException e) {
                isConnect = false;
            }
        }
        boolean restarted = connection != null && isConnect && connection.clientConnectionId != clientConnectionId
                && connection.trace(Direction.CLIENT_TO_SERVER).dataPackets() > 0;
        if (connection == null || restarted) {
            InetSocketAddress server = serverOf(servers, datagram);
            InetSocketAddress client = server.equals(datagram.source()) ? datagram.destination() : datagram.source();
            connection = new TracedConnection(connections.size(), client, server,
                    GameChannels.transportConfig(TransportConfig.internet()).channels());
            connections.add(connection);
            byPair.put(pair, connection);
        }
        if (isConnect) {
            connection.handshakeSeen = true;
            connection.clientConnectionId = clientConnectionId;
            connection.channels = announced;
        }
        return connection;
    }

    private static InetSocketAddress serverOf(Set<InetSocketAddress> servers, CapturedDatagram datagram) {
        if (datagram.payload()[1] == PacketType.CONNECT || servers.contains(datagram.destination())) {
            return datagram.destination();
        }
        if (servers.contains(datagram.source())) {
            return datagram.source();
        }
        return datagram.source().getPort() < datagram.destination().getPort() ? datagram.source() : datagram.destination();
    }

    /** Every recovered message of every connection, ordered by first-seen time (then connection, direction, channel, sequence). */
    public List<RecoveredMessage> messages() {
        List<RecoveredMessage> messages = new ArrayList<>();
        for (TracedConnection connection : connections) {
            for (Direction direction : Direction.values()) {
                messages.addAll(connection.trace(direction).messages(connection.index(), direction, firstMicros));
            }
        }
        messages.sort(Comparator.comparingLong(RecoveredMessage::firstSeenMicros)
                .thenComparingInt(RecoveredMessage::connection)
                .thenComparing(RecoveredMessage::direction)
                .thenComparingInt(RecoveredMessage::channel)
                .thenComparingLong(RecoveredMessage::sequence));
        return messages;
    }

    public Path file() {
        return file;
    }

    public List<TracedConnection> connections() {
        return connections;
    }

    /** The reader's problem, foreign traffic and malformed packets, in that order; empty for a clean capture. */
    public List<CaptureProblem> problems() {
        return problems;
    }

    public Optional<CaptureProblem> firstProblem() {
        return problems.stream().findFirst();
    }

    /** Packets that were not UDP over IP. */
    public long otherPackets() {
        return otherPackets;
    }

    /** UDP datagrams that are not Skirmish datagrams. */
    public long foreignDatagrams() {
        return foreignDatagrams;
    }

    public long skirmishDatagrams() {
        return skirmishDatagrams;
    }

    public long malformedPackets() {
        return malformedPackets;
    }

    /** From the first to the last Skirmish datagram, in microseconds. */
    public long durationMicros() {
        return firstMicros < 0 ? 0 : lastMicros - firstMicros;
    }

    /** Epoch microseconds of the first Skirmish datagram (-1 if none). */
    public long firstMicros() {
        return firstMicros;
    }
}
