package dev.skirmish.bench.jmh;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Two LAN-profile endpoints wired back to back in one thread (no sockets, no simulator copy), driven
 * through the public API only, so the package-private pieces are measured where they run:
 *
 * <ul>
 *   <li>{@code roundTrip} with {@code dropPercent=0}: four 64-byte messages each way per round,
 *       the steady state of send, packet encode, receive, ack processing and delivery;</li>
 *   <li>{@code dropPercent=5}: a seeded 5 % of datagrams vanish, so loss detection declares
 *       packets lost and retransmits them every few rounds;</li>
 *   <li>{@code fragmentedRoundTrip}: one 4 KiB message each way per round, split into fragments
 *       and reassembled.</li>
 * </ul>
 * One operation is one round: 1 ms of virtual time, three exchanges of datagrams.
 */
public class EndpointPairBenchmark extends BenchmarkSettings {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 7777);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 50000);
    private static final long ROUND_NANOS = 1_000_000;

    @Param({"0", "5"})
    public int dropPercent;

    private final ByteBuffer wire = ByteBuffer.allocate(65_536);
    private final byte[] smallMessage = new byte[64];
    private final byte[] largeMessage = new byte[4096];
    private long now;
    private long delivered;
    private final MessageHandler counter = (connection, channel, payload) -> delivered++;
    private SplittableRandom dropRandom;
    private Endpoint server;
    private Endpoint client;
    private Connection clientSide;
    private Connection serverSide;
    private Forward toServer;
    private Forward toClient;

    /** Hands each datagram straight to the other endpoint, or drops it. */
    private final class Forward implements DatagramSink {
        private final InetSocketAddress from;
        private Endpoint target;

        Forward(InetSocketAddress from) {
            this.from = from;
        }

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            if (dropPercent > 0 && dropRandom.nextInt(100) < dropPercent) {
                return;
            }
            wire.clear();
            wire.put(datagram).flip();
            target.receive(now, from, wire);
        }
    }

    @Setup(Level.Trial)
    public void connect() {
        SplittableRandom random = new SplittableRandom(SEED);
        random.nextBytes(smallMessage);
        random.nextBytes(largeMessage);
        dropRandom = random.split();
        TransportConfig config = TransportConfig.lan();
        server = Endpoint.server(config, random.split());
        client = Endpoint.client(config, random.split());
        toServer = new Forward(CLIENT);
        toServer.target = server;
        toClient = new Forward(SERVER);
        toClient.target = client;
        clientSide = client.connect(now, SERVER);
        for (int i = 0; i < 1000 && clientSide.state() != Connection.State.CONNECTED; i++) {
            now += ROUND_NANOS;
            exchange();
        }
        if (clientSide.state() != Connection.State.CONNECTED) {
            throw new IllegalStateException("endpoints did not connect: " + clientSide.state());
        }
        serverSide = server.connections().get(0);
        while (client.pollEvent() != null || server.pollEvent() != null) {
            // Connection events are not part of the measurement.
        }
    }

    @Benchmark
    public long roundTrip() {
        now += ROUND_NANOS;
        for (int m = 0; m < 4; m++) {
            clientSide.send(0, smallMessage, 0, smallMessage.length);
            serverSide.send(0, smallMessage, 0, smallMessage.length);
        }
        return finishRound();
    }

    @Benchmark
    public long fragmentedRoundTrip() {
        now += ROUND_NANOS;
        clientSide.send(0, largeMessage, 0, largeMessage.length);
        serverSide.send(0, largeMessage, 0, largeMessage.length);
        return finishRound();
    }

    private long finishRound() {
        exchange();
        clientSide.receive(counter);
        serverSide.receive(counter);
        if (clientSide.state() != Connection.State.CONNECTED) {
            throw new IllegalStateException("connection lost: " + clientSide.closeReason());
        }
        return delivered;
    }

    private void exchange() {
        for (int i = 0; i < 3; i++) {
            client.handleTimeout(now);
            client.poll(now, toServer);
            server.handleTimeout(now);
            server.poll(now, toClient);
        }
    }
}
