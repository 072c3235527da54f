package dev.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.DatagramTap;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A client that would send 1200-byte datagrams meets a server that takes 600: both sides size for 600. */
class NegotiatedDatagramSizeTest {
    private static final long SEED = 11;
    private static final long MS = 1_000_000L;
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.1", 7777);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.2", 50000);
    private static final int SMALL_DATAGRAM = 600;

    @Test
    void aServerWithLargerDatagramsSizesItsWindowForTheClients() {
        SimulatedNetwork network = new SimulatedNetwork(SEED);
        network.setDefaultLink(LinkConditions.builder().delayMicros(10_000).build());
        SplittableRandom random = new SplittableRandom(SEED);
        Endpoint server = Endpoint.server(TransportConfig.internet(), random.split());
        Endpoint client = Endpoint.client(TransportConfig.internet().toBuilder().maxDatagramBytes(SMALL_DATAGRAM).build(),
                random.split());
        network.attach(SERVER, server);
        network.attach(CLIENT, client);
        Connection connection = client.connect(0, SERVER);
        assertTrue(network.runUntil(() -> connection.state() == Connection.State.CONNECTED
                && !server.connections().isEmpty(), 2_000 * MS));

        assertEquals(10L * SMALL_DATAGRAM, server.connections().get(0).stats().congestionWindowBytes());
    }

    @Test
    void congestionWindowAndDatagramsFollowTheSmallerSide() {
        SimulatedNetwork network = new SimulatedNetwork(SEED);
        network.setDefaultLink(LinkConditions.builder().delayMicros(10_000).build());
        SplittableRandom random = new SplittableRandom(SEED);
        Endpoint server = Endpoint.server(TransportConfig.internet().toBuilder().maxDatagramBytes(SMALL_DATAGRAM).build(),
                random.split());
        Endpoint client = Endpoint.client(TransportConfig.internet(), random.split());
        network.attach(SERVER, server);
        network.attach(CLIENT, client);
        AtomicInteger largestFromClient = new AtomicInteger();
        network.setTap((now, event, from, to, datagram) -> {
            if (event == DatagramTap.Event.SENT && from.equals(CLIENT)) {
                largestFromClient.accumulateAndGet(datagram.remaining(), Math::max);
            }
        });
        Connection connection = client.connect(0, SERVER);
        assertTrue(network.runUntil(() -> connection.state() == Connection.State.CONNECTED, 2_000 * MS));

        // NewReno's initial window: min(10 datagrams, max(2 datagrams, 14,720 bytes)).
        assertEquals(10L * SMALL_DATAGRAM, connection.stats().congestionWindowBytes());

        byte[] large = new byte[20_000];
        new SplittableRandom(SEED).nextBytes(large);
        assertTrue(connection.send(0, large));
        AtomicReference<byte[]> received = new AtomicReference<>();
        assertTrue(network.runUntil(() -> {
            for (Connection c : server.connections()) {
                c.receive((from, channel, payload) -> {
                    byte[] copy = new byte[payload.remaining()];
                    payload.get(copy);
                    received.set(copy);
                });
            }
            return received.get() != null;
        }, 5_000 * MS));
        assertNotNull(received.get());
        assertArrayEquals(large, received.get());
        assertTrue(largestFromClient.get() <= SMALL_DATAGRAM, "client sent a datagram of " + largestFromClient.get());
    }
}
