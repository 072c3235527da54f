package dev.skirmish.transport.udp;

import static dev.skirmish.transport.udp.DeliveryAssertions.assertInOrderExactlyOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.EndpointStats;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link NetworkThread} that the end-to-end tests do not pin down: refusals of misuse,
 * a close that hands over what was queued first, shutdown, and calls from the network thread itself.
 * Two threads on loopback, no loss.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkThreadTest {

    private static final long SEED = 0x7EAD5L;
    private static final int ORDERED = 0;
    private static final TransportConfig CONFIG = TransportConfig.internet();
    /** A small transport buffer, so most of a burst waits in the adapter's outbound queue. */
    private static final TransportConfig SMALL_SEND_BUFFER = TransportConfig.internet().toBuilder()
            .maxMessageBytes(4_096)
            .sendBufferBytes(8_192)
            .build();

    @Test
    void sendRefusesMisuseWithClearExceptions() throws Exception {
        try (ThreadedUdpPair pair = ThreadedUdpPair.open(Loopback.ipv4(), CONFIG, SEED, 0.0,
                NetworkThreadOptions.builder())) {
            pair.connect();
            NetworkThread client = pair.client.net;
            byte[] message = new byte[16];

            assertThrows(IllegalArgumentException.class, () -> client.send(pair.serverHandle, ORDERED, message),
                    "a handle of another thread");
            assertThrows(IllegalArgumentException.class, () -> client.send(pair.clientHandle, 4, message));
            assertThrows(IllegalArgumentException.class, () -> client.send(pair.clientHandle, -1, message));
            assertThrows(IllegalArgumentException.class,
                    () -> client.send(pair.clientHandle, ORDERED, new byte[CONFIG.maxMessageBytes() + 1]));
            assertThrows(IndexOutOfBoundsException.class, () -> client.send(pair.clientHandle, ORDERED, message, 8, 9));
            assertThrows(NullPointerException.class, () -> client.send(null, ORDERED, message));
            assertThrows(IllegalArgumentException.class, () -> client.outboundQueuedBytes(pair.clientHandle, 4));
            assertTrue(client.send(pair.clientHandle, ORDERED, message, 8, 8), "a valid slice still goes");
        }
    }

    @Test
    void closeHandsOverQueuedMessagesBeforeThePeerSeesTheClose() throws Exception {
        int count = 60;
        try (ThreadedUdpPair pair = ThreadedUdpPair.open(Loopback.ipv4(), SMALL_SEND_BUFFER, SEED, 0.0,
                NetworkThreadOptions.builder())) {
            pair.connect();
            SendPlan plan = new SendPlan().addOfLength(ORDERED, count, 2_000);

            plan.sendSome((channel, payload) -> pair.client.net.send(pair.clientHandle, channel, payload));
            pair.client.net.close(pair.clientHandle, "match over");

            assertTrue(plan.isDone(), "the outbound queue held the whole burst");
            assertFalse(pair.clientHandle.isOpen());
            assertFalse(pair.client.net.send(pair.clientHandle, ORDERED, new byte[1]), "refused once closing");
            pair.awaitUntil(() -> !pair.server.changes(ConnectionEvent.Type.DISCONNECTED).isEmpty()
                            && !pair.client.changes(ConnectionEvent.Type.DISCONNECTED).isEmpty(),
                    "both applications see the close");

            assertInOrderExactlyOnce(plan.payloads(ORDERED), pair.server.received(ORDERED), pair::describe);
            NetworkEvent last = pair.server.events.get(pair.server.events.size() - 1);
            NetworkEvent.ConnectionChange close = assertInstanceOf(NetworkEvent.ConnectionChange.class, last,
                    "the close comes after every message");
            assertEquals(DisconnectReason.PEER_CLOSED, close.reason());
            assertEquals("match over", close.detail());
            assertEquals(DisconnectReason.LOCAL_CLOSE, pair.clientHandle.closeReason());
            assertEquals(0, pair.client.net.outboundQueuedBytes(pair.clientHandle));
        }
    }

    @Test
    void shutdownFlushesAndClosesEveryConnectionThenStopsAndIsIdempotent() throws Exception {
        int count = 40;
        try (ThreadedUdpPair pair = ThreadedUdpPair.open(Loopback.ipv4(), SMALL_SEND_BUFFER, SEED, 0.0,
                NetworkThreadOptions.builder())) {
            pair.connect();
            NetworkThread client = pair.client.net;
            SendPlan plan = new SendPlan().addOfLength(ORDERED, count, 2_000);
            plan.sendSome((channel, payload) -> client.send(pair.clientHandle, channel, payload));

            client.shutdown();
            client.shutdown();

            assertTrue(plan.isDone());
            assertTrue(client.isStopped());
            assertFalse(client.send(pair.clientHandle, ORDERED, new byte[1]));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> ThreadedUdpPair.await(client.connect(pair.server.net.localAddress())));
            assertEquals(DisconnectReason.ENDPOINT_CLOSED,
                    assertInstanceOf(ConnectFailedException.class, refused.getCause()).reason());
            ConnectionStats last = ThreadedUdpPair.await(client.stats(pair.clientHandle));
            assertEquals(count, last.messagesSent(), last::toString);
            assertTrue(UdpHostTest.canBind(client.localAddress()), "socket released");

            pair.client.read();
            NetworkEvent.ConnectionChange ended = assertInstanceOf(NetworkEvent.ConnectionChange.class,
                    pair.client.events.get(pair.client.events.size() - 1), "still readable after the stop");
            assertEquals(DisconnectReason.LOCAL_CLOSE, ended.reason());
            pair.awaitUntil(() -> !pair.server.changes(ConnectionEvent.Type.DISCONNECTED).isEmpty(),
                    "the server sees the close");
            assertInOrderExactlyOnce(plan.payloads(ORDERED), pair.server.received(ORDERED), pair::describe);
            assertEquals(DisconnectReason.PEER_CLOSED,
                    pair.server.changes(ConnectionEvent.Type.DISCONNECTED).get(0).reason());
        }
    }

    @Test
    void shutdownAtItsDeadlineClosesWhatCouldNotFlushAtOnceAndTellsThePeer() throws Exception {
        // The server is a polled host the test stops servicing: nothing the client sends is acknowledged,
        // so a graceful close cannot finish and only the shutdown deadline ends it.
        Endpoint server = Endpoint.server(CONFIG, new SplittableRandom(SEED));
        NanoClock clock = NanoClock.startingNow();
        List<ConnectionEvent> serverEvents = new ArrayList<>();
        NetworkThreadOptions options = NetworkThreadOptions.builder()
                .shutdownTimeoutMillis(200)
                .hostOptions(UdpHostOptions.builder().clock(clock).build())
                .build();
        try (UdpHost serverHost = UdpHost.bind(Loopback.ipv4(), server, UdpHostOptions.builder().clock(clock).build());
             NetworkThread client = NetworkThread.start(Loopback.ipv4(),
                     Endpoint.client(CONFIG, new SplittableRandom(SEED + 1)), options)) {
            CompletableFuture<ConnectionHandle> attempt = client.connect(serverHost.localAddress());
            Loopback.serviceUntil(attempt::isDone, "connected", serverHost);
            ConnectionHandle connection = ThreadedUdpPair.await(attempt);
            for (int sequence = 0; sequence < 10; sequence++) {
                assertTrue(client.send(connection, ORDERED, NumberedPayload.of(ORDERED, sequence, 100)));
            }

            client.shutdown();

            assertTrue(client.isStopped());
            NetworkEvent last = null;
            for (NetworkEvent event; (event = client.poll()) != null; ) {
                last = event;
            }
            NetworkEvent.ConnectionChange ended = assertInstanceOf(NetworkEvent.ConnectionChange.class, last);
            assertEquals(DisconnectReason.ENDPOINT_CLOSED, ended.reason(), ended::toString);
            assertEquals(10, ThreadedUdpPair.await(client.stats(connection)).messagesSent());
            Loopback.serviceUntil(() -> drainEnded(server, serverEvents), "the server hears of the close", serverHost);
            assertEquals(DisconnectReason.ENDPOINT_CLOSED, serverEvents.get(serverEvents.size() - 1).reason(),
                    serverEvents::toString);
        }
    }

    /** Moves the endpoint's events into {@code events}; true once one says a connection ended. */
    private static boolean drainEnded(Endpoint endpoint, List<ConnectionEvent> events) {
        for (ConnectionEvent event; (event = endpoint.pollEvent()) != null; ) {
            events.add(event);
        }
        return events.stream().anyMatch(event -> event.type() == ConnectionEvent.Type.DISCONNECTED);
    }

    @Test
    void shutdownCalledOnTheNetworkThreadReturnsAndTheThreadStillStops() throws Exception {
        try (ThreadedUdpPair pair = ThreadedUdpPair.open(Loopback.ipv4(), CONFIG, SEED, 0.0,
                NetworkThreadOptions.builder().shutdownTimeoutMillis(100))) {
            NetworkThread client = pair.client.net;
            CompletableFuture<ConnectionHandle> attempt = client.connect(pair.server.net.localAddress());
            // The handshake takes two round trips, so this is registered long before the future completes.
            CompletableFuture<Thread> shutdownCaller = attempt.thenApply(handle -> {
                client.shutdown();
                return Thread.currentThread();
            });

            assertEquals("e2e-client-net", ThreadedUdpPair.await(shutdownCaller).getName());
            client.shutdown();
            assertTrue(client.isStopped());
        }
    }

    @Test
    void statsComeFromTheNetworkThreadWhileTheConnectionLives() throws Exception {
        try (ThreadedUdpPair pair = ThreadedUdpPair.open(Loopback.ipv4(), CONFIG, SEED, 0.0,
                NetworkThreadOptions.builder())) {
            pair.connect();
            assertTrue(pair.client.net.send(pair.clientHandle, ORDERED, NumberedPayload.of(ORDERED, 0, 100)));
            pair.awaitUntil(() -> pair.server.received(ORDERED).size() == 1, "the message arrives");

            ConnectionStats client = ThreadedUdpPair.await(pair.client.net.stats(pair.clientHandle));
            EndpointStats server = ThreadedUdpPair.await(pair.server.net.endpointStats());

            assertEquals(1, client.messagesSent(), client::toString);
            assertEquals(1, server.connectionsAccepted(), server::toString);
            NetworkEvent.Received received = pair.server.events.stream()
                    .filter(NetworkEvent.Received.class::isInstance).map(NetworkEvent.Received.class::cast)
                    .findFirst().orElseThrow();
            assertSame(pair.serverHandle, received.connection(), "one handle per connection");
            assertEquals(pair.client.net.localAddress(), pair.serverHandle.remoteAddress());
            assertFalse(pair.serverHandle.isClient());
            assertTrue(pair.clientHandle.isClient());
        }
    }

    @Test
    void startRefusesAUsedEndpointAndAnOutboundQueueSmallerThanTheLargestMessage() {
        Endpoint used = Endpoint.client(CONFIG, new SplittableRandom(SEED));
        used.connect(0, new InetSocketAddress(Loopback.ipv4().getAddress(), 9));
        NetworkThreadOptions tooSmall = NetworkThreadOptions.builder()
                .outboundQueueBytes(TransportConfig.flowCost(CONFIG.maxMessageBytes()) - 1)
                .build();

        assertThrows(IllegalArgumentException.class,
                () -> NetworkThread.start(Loopback.ipv4(), used, NetworkThreadOptions.defaults()));
        IllegalArgumentException tooSmallFailure = assertThrows(IllegalArgumentException.class,
                () -> NetworkThread.start(Loopback.ipv4(), Endpoint.client(CONFIG, new SplittableRandom(SEED)), tooSmall));
        assertTrue(tooSmallFailure.getMessage().contains("outboundQueueBytes"), tooSmallFailure::getMessage);
    }
}
