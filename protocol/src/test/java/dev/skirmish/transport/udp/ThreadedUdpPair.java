package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.ConnectionStats;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A server and a client {@link NetworkThread} on loopback, with the application on the test thread:
 * it reads each side's events into a log (only while that side is {@link Side#reading}) and waits for
 * conditions in bounded rounds. Nothing here measures time; a wait that runs out fails the test.
 */
final class ThreadedUdpPair implements AutoCloseable {

    /** Rounds of reading before a wait is declared stuck; the test's timeout usually comes first. */
    static final int MAX_ROUNDS = 50_000;
    /** How long a blocking hand-off (a future, one poll) may take before the test fails. */
    static final long HANDOFF_SECONDS = 10;
    private static final long POLL_MILLIS = 1;

    /** One side: its thread and what the application has read from it. */
    static final class Side {
        final NetworkThread net;
        final List<NetworkEvent> events = new ArrayList<>();
        /** Whether the application reads this side's events; a side that does not read builds backpressure. */
        boolean reading = true;

        Side(NetworkThread net) {
            this.net = net;
        }

        /** Moves every waiting event into the log; returns how many. */
        int read() {
            int count = 0;
            for (NetworkEvent event; (event = net.poll()) != null; count++) {
                events.add(event);
            }
            return count;
        }

        /** The payloads received on {@code channel}, in arrival order. */
        List<byte[]> received(int channel) {
            List<byte[]> payloads = new ArrayList<>();
            for (NetworkEvent event : events) {
                if (event instanceof NetworkEvent.Received message && message.channel() == channel) {
                    payloads.add(message.payload());
                }
            }
            return payloads;
        }

        /** The connection changes of the given type, in order. */
        List<NetworkEvent.ConnectionChange> changes(ConnectionEvent.Type type) {
            List<NetworkEvent.ConnectionChange> changes = new ArrayList<>();
            for (NetworkEvent event : events) {
                if (event instanceof NetworkEvent.ConnectionChange change && change.type() == type) {
                    changes.add(change);
                }
            }
            return changes;
        }
    }

    final long seed;
    final Side server;
    final Side client;
    ConnectionHandle clientHandle;
    ConnectionHandle serverHandle;

    private ThreadedUdpPair(long seed, Side server, Side client) {
        this.seed = seed;
        this.server = server;
        this.client = client;
    }

    /**
     * Starts both threads on {@code loopback} (port 0), each socket dropping datagrams with probability
     * {@code dropRate} each way, with {@code options} for both apart from the thread names and droppers.
     */
    static ThreadedUdpPair open(InetSocketAddress loopback, TransportConfig config, long seed, double dropRate,
                                NetworkThreadOptions.Builder options) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        NetworkThread server = NetworkThread.start(loopback, Endpoint.server(config, random.split()),
                options.threadName("e2e-server-net").hostOptions(lossy(dropRate, random)).build());
        try {
            NetworkThread client = NetworkThread.start(loopback, Endpoint.client(config, random.split()),
                    options.threadName("e2e-client-net").hostOptions(lossy(dropRate, random)).build());
            return new ThreadedUdpPair(seed, new Side(server), new Side(client));
        } catch (IOException | RuntimeException e) {
            server.shutdown();
            throw e;
        }
    }

    private static UdpHostOptions lossy(double dropRate, SplittableRandom random) {
        return UdpHostOptions.builder()
                .closeTimeoutMillis(TimeUnit.SECONDS.toMillis(HANDOFF_SECONDS))
                .inboundDropper(new RandomDatagramDropper(dropRate, random.nextLong()))
                .outboundDropper(new RandomDatagramDropper(dropRate, random.nextLong()))
                .build();
    }

    /** Connects the client and waits until the server application has seen the connection too. */
    void connect() throws Exception {
        clientHandle = await(client.net.connect(server.net.localAddress()));
        awaitUntil(() -> !server.changes(ConnectionEvent.Type.CONNECTED).isEmpty(), "server sees CONNECTED");
        serverHandle = server.changes(ConnectionEvent.Type.CONNECTED).get(0).connection();
    }

    /**
     * Reads the reading sides and runs {@code step} (e.g. sends more) until {@code done} holds. Waits by
     * polling a reading side with a short timeout, or parking briefly when neither reads.
     */
    void awaitUntil(BooleanSupplier done, String what, Runnable step) throws InterruptedException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (server.reading) {
                server.read();
            }
            if (client.reading) {
                client.read();
            }
            if (done.getAsBoolean()) {
                return;
            }
            step.run();
            Side waitOn = client.reading ? client : server.reading ? server : null;
            if (waitOn == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            } else {
                NetworkEvent event = waitOn.net.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    waitOn.events.add(event);
                }
            }
        }
        fail("not done after " + MAX_ROUNDS + " rounds: " + what + "; " + describe());
    }

    void awaitUntil(BooleanSupplier done, String what) throws InterruptedException {
        awaitUntil(done, what, () -> { });
    }

    static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(HANDOFF_SECONDS, TimeUnit.SECONDS);
    }

    /** The connection's statistics, for use inside wait conditions. */
    static ConnectionStats statsOf(NetworkThread net, ConnectionHandle connection) {
        try {
            return await(net.stats(connection));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the stats of " + connection, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no stats for " + connection, e);
        }
    }

    String describe() {
        return "seed " + seed + "\n client " + clientHandle + " " + client.net.hostStats()
                + "\n server " + serverHandle + " " + server.net.hostStats();
    }

    @Override
    public void close() {
        client.net.shutdown();
        server.net.shutdown();
    }
}
