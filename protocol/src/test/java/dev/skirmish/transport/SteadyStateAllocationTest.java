package dev.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Steady traffic must not allocate: sending, packet encoding, receiving, acknowledging and delivering
 * reuse their objects. Two endpoints are wired back to back through one reused buffer (the simulated
 * network copies datagrams, so it is not used here), and the thread's allocation counter is read
 * around many round trips after a warm-up. JMH's gc profiler measures the same in bench/.
 */
class SteadyStateAllocationTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 7777);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 50000);

    private long now;
    private final ByteBuffer wire = ByteBuffer.allocate(65_536);
    private final byte[] message = new byte[64];
    private long delivered;
    private final MessageHandler counter = (connection, channel, payload) -> delivered++;

    /** Moves every datagram one endpoint wants to send into the other, directly. */
    private final class Forward implements DatagramSink {
        Endpoint target;
        InetSocketAddress from;

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            wire.clear();
            wire.put(datagram).flip();
            target.receive(now, from, wire);
        }
    }

    @Test
    void sendingAndReceivingMessagesAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = threadBean();
        TransportConfig config = TransportConfig.lan();
        Endpoint server = Endpoint.server(config, new SplittableRandom(1));
        Endpoint client = Endpoint.client(config, new SplittableRandom(2));
        Forward toServer = new Forward();
        toServer.target = server;
        toServer.from = CLIENT;
        Forward toClient = new Forward();
        toClient.target = client;
        toClient.from = SERVER;
        Connection connection = client.connect(now, SERVER);
        for (int i = 0; i < 10 && connection.state() != Connection.State.CONNECTED; i++) {
            exchange(client, server, toServer, toClient);
        }
        assertEquals(Connection.State.CONNECTED, connection.state());
        Connection serverSide = server.connections().get(0);
        client.pollEvent();
        server.pollEvent();

        runRounds(connection, serverSide, client, server, toServer, toClient, 50_000);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int rounds = 50_000;
        runRounds(connection, serverSide, client, server, toServer, toClient, rounds);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(delivered >= 2L * rounds * 4, "messages flowed: " + delivered);
        double perRound = (double) allocated / rounds;
        assertTrue(perRound < 1.0, "steady state allocated " + allocated + " bytes over " + rounds
                + " rounds (" + perRound + " per round of 8 messages)");
    }

    private void runRounds(Connection client, Connection server, Endpoint clientEndpoint, Endpoint serverEndpoint,
                           Forward toServer, Forward toClient, int rounds) {
        for (int i = 0; i < rounds; i++) {
            now += 100_000;
            for (int m = 0; m < 4; m++) {
                client.send(m % 2, message, 0, message.length);
                server.send(m % 2, message, 0, message.length);
            }
            exchange(clientEndpoint, serverEndpoint, toServer, toClient);
            client.receive(counter);
            server.receive(counter);
        }
    }

    private void exchange(Endpoint client, Endpoint server, Forward toServer, Forward toClient) {
        for (int i = 0; i < 3; i++) {
            client.handleTimeout(now);
            client.poll(now, toServer);
            server.handleTimeout(now);
            server.poll(now, toClient);
        }
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
