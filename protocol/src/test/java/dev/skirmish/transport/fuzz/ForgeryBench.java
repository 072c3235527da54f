package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.sim.DatagramTap;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.PacketType;
import dev.skirmish.transport.wire.Varint;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * A client and a server endpoint connected over a 5 ms simulated link, and the means to forge
 * packets for the server's end of the connection: the bench for the minimal reproductions of what
 * the fuzzer found. A forgery either stands alone, or races the client's next DATA packet: it is
 * injected with that packet's number at the instant it leaves, so it arrives first.
 */
final class ForgeryBench {
    static final long MS = 1_000_000L;
    static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.1", 7000);
    static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.2", 40001);
    static final InetSocketAddress STRANGER = new InetSocketAddress("10.0.0.9", 50505);

    final SimulatedNetwork network = new SimulatedNetwork(7);
    final Endpoint server;
    final Endpoint client;
    final Connection clientConnection;
    final Connection serverConnection;
    /** Messages the server's application received, as (channel, payload). */
    final List<Object[]> serverReceived = new ArrayList<>();

    private LongFunction<byte[]> racingFrames;
    private long lastClientPacketNumber;
    private long lastServerPacketNumber;

    ForgeryBench(TransportConfig config) {
        server = Endpoint.server(config, new SplittableRandom(1));
        client = Endpoint.client(config, new SplittableRandom(2));
        network.attach(SERVER, server);
        network.attach(CLIENT, client);
        network.setLinkBothWays(CLIENT, SERVER, LinkConditions.builder().delayMicros(5_000).build());
        network.setTap(this::observe);
        clientConnection = client.connect(0, SERVER);
        network.runUntil(() -> clientConnection.state() == Connection.State.CONNECTED, 1_000 * MS);
        Connection accepted = null;
        ConnectionEvent event;
        while ((event = server.pollEvent()) != null) {
            accepted = event.connection();
        }
        if (accepted == null) {
            throw new AssertionError("the bench did not connect: " + network);
        }
        serverConnection = accepted;
    }

    /** Runs virtual time, handing the server's application everything it receives. */
    void runFor(long nanos) {
        long end = network.nowNanos() + nanos;
        while (network.nowNanos() < end) {
            network.runUntil(Math.min(end, network.nowNanos() + MS));
            serverConnection.receive((connection, channel, payload) -> serverReceived.add(
                    new Object[] {channel, NumberedPayload.streamOf(payload)}));
        }
    }

    /** The next DATA packet the client sends will be raced by one carrying {@code frames(packetNumber)}. */
    void raceNextClientPacket(LongFunction<byte[]> frames) {
        racingFrames = frames;
    }

    /** Lands a forged DATA packet for the server's end of the connection now, from {@code from}. */
    void forgeNow(InetSocketAddress from, long packetNumber, byte[] frames) {
        network.inject(network.nowNanos(), from, SERVER, dataPacket(serverConnection.localConnectionId(), packetNumber, frames));
    }

    /** The packet number of the last DATA packet the client sent. */
    long lastClientPacketNumber() {
        return lastClientPacketNumber;
    }

    /** The packet number of the last DATA packet the server sent. */
    long lastServerPacketNumber() {
        return lastServerPacketNumber;
    }

    private void observe(long nowNanos, DatagramTap.Event event, InetSocketAddress from, InetSocketAddress to,
                         ByteBuffer datagram) {
        if (event != DatagramTap.Event.SENT || datagram.get(datagram.position() + PacketType.TYPE_OFFSET) != PacketType.DATA) {
            return;
        }
        long packetNumber = datagram.getInt(datagram.position() + DataPacketHeader.PACKET_NUMBER_OFFSET) & 0xFFFF_FFFFL;
        if (from.equals(SERVER)) {
            lastServerPacketNumber = packetNumber;
            return;
        }
        lastClientPacketNumber = packetNumber;
        if (racingFrames == null) {
            return;
        }
        byte[] forged = dataPacket(serverConnection.localConnectionId(), packetNumber, racingFrames.apply(packetNumber));
        racingFrames = null;
        network.inject(nowNanos, CLIENT, SERVER, forged);
    }

    /** A DATA datagram with a valid checksum. */
    static byte[] dataPacket(long connectionId, long packetNumber, byte[] frames) {
        ByteBuffer buffer = ByteBuffer.allocate(DataPacketHeader.OVERHEAD + frames.length);
        DataPacketHeader.write(buffer, connectionId, packetNumber);
        buffer.put(frames);
        new DatagramChecksum().append(buffer, 0);
        return buffer.array();
    }

    /** A PING frame. */
    static byte[] ping() {
        return ByteBuffer.allocate(9).put((byte) FrameType.PING).putLong(1).array();
    }

    /** An ACK frame acknowledging exactly {@code packetNumber}. */
    static byte[] ack(long packetNumber) {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        buffer.put((byte) FrameType.ACK);
        Varint.write(buffer, packetNumber);
        Varint.write(buffer, 0);
        Varint.write(buffer, 0);
        Varint.write(buffer, 0);
        byte[] frame = new byte[buffer.position()];
        buffer.flip().get(frame);
        return frame;
    }

    /** A CLOSE frame with reason 2 (PEER_CLOSED) and no text. */
    static byte[] close() {
        return new byte[] {FrameType.CLOSE, 2, 0};
    }

    /** A FRAGMENT frame carrying {@code payloadBytes} bytes. */
    static byte[] fragment(int channel, long sequence, long messageLength, long fragmentSize, long index, int payloadBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(64 + payloadBytes);
        buffer.put((byte) FrameType.FRAGMENT).put((byte) channel);
        Varint.write(buffer, sequence);
        Varint.write(buffer, messageLength);
        Varint.write(buffer, fragmentSize);
        Varint.write(buffer, index);
        buffer.put(new byte[payloadBytes]);
        byte[] frame = new byte[buffer.position()];
        buffer.flip().get(frame);
        return frame;
    }

    /** A numbered message of {@code length} bytes for channel {@code channel}. */
    static byte[] message(int channel, int sequence, int length) {
        return NumberedPayload.of(NumberedPayload.TRAFFIC, channel, sequence, length);
    }
}
