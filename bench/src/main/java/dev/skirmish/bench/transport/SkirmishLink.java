package dev.skirmish.bench.transport;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.udp.RandomDatagramDropper;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Skirmish transport: a client and a server {@link Endpoint}, each on its own {@link UdpHost}
 * serviced in polled mode (the sender's by the run's thread, the receiver's by a thread of its own),
 * the client's socket connected to the server's; messages on channel 0 (reliable ordered). With a loss rate, each host drops a seeded share of the
 * datagrams it sends, so both directions lose that share at the socket.
 */
final class SkirmishLink implements LinkUnderTest {
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long NANOS_PER_MILLI = 1_000_000;
    /** Longest park while waiting for the next send: keeps acks and timers served promptly. */
    private static final long SPIN_PARK_NANOS = 20_000;
    private static final int CHANNEL = 0;

    private final TransportConfig config;
    private final double lossRate;
    private final SplittableRandom random;
    private Endpoint clientEndpoint;
    private Endpoint serverEndpoint;
    private UdpHost clientHost;
    private UdpHost serverHost;
    private Connection sending;
    private Connection receiving;
    private Thread receivingThread;
    private volatile boolean stopping;

    SkirmishLink(TransportConfig config, double lossRate, long seed) {
        this.config = config;
        this.lossRate = lossRate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void open(DeliveryCheck check) throws IOException {
        serverEndpoint = Endpoint.server(config, random.split());
        clientEndpoint = Endpoint.client(config, random.split());
        serverHost = UdpHost.bind(new InetSocketAddress("127.0.0.1", 0), serverEndpoint, options().build());
        // A client talks to its server only: its socket is connected, as the UDP baseline's are.
        clientHost = UdpHost.bind(new InetSocketAddress("127.0.0.1", 0), clientEndpoint,
                options().connectedPeer(serverHost.localAddress()).build());
        sending = clientEndpoint.connect(System.nanoTime(), serverHost.localAddress());
        long deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
        while (receiving == null || sending.state() != Connection.State.CONNECTED) {
            if (System.nanoTime() - deadline > 0 || sending.state() == Connection.State.CLOSED) {
                throw new IOException("skirmish endpoints did not connect: " + sending.state());
            }
            clientHost.service(1);
            serverHost.service(1);
            for (ConnectionEvent event = serverEndpoint.pollEvent(); event != null; event = serverEndpoint.pollEvent()) {
                if (event.type() == ConnectionEvent.Type.CONNECTED) {
                    receiving = event.connection();
                }
            }
        }
        while (clientEndpoint.pollEvent() != null) {
            // The CONNECTED event is not needed: the state says it.
        }
        receivingThread = new Thread(() -> receive(check), "bench-skirmish-receiver");
        receivingThread.setDaemon(true);
        receivingThread.start();
    }

    private UdpHostOptions.Builder options() {
        UdpHostOptions.Builder builder = UdpHostOptions.builder();
        if (lossRate > 0) {
            builder.outboundDropper(new RandomDatagramDropper(lossRate, random.nextLong()));
        }
        return builder;
    }

    private void receive(DeliveryCheck check) {
        MessageHandler handler = (connection, channel, payload) -> check.accept(payload, System.nanoTime());
        while (!stopping) {
            serverHost.service(1);
            receiving.receive(handler);
        }
    }

    @Override
    public boolean trySend(byte[] message) {
        return sending.send(CHANNEL, message, 0, message.length);
    }

    @Override
    public void flush() {
        clientHost.service(0);
    }

    @Override
    public void idle(long maxWaitNanos) {
        clientHost.service(0);
        if (maxWaitNanos >= 2 * NANOS_PER_MILLI) {
            // The host returns early when a datagram arrives; whole milliseconds never overrun the wait.
            clientHost.service(maxWaitNanos / NANOS_PER_MILLI);
        } else if (maxWaitNanos > 0) {
            LockSupport.parkNanos(Math.min(maxWaitNanos, SPIN_PARK_NANOS));
        }
        if (sending.state() == Connection.State.CLOSED) {
            throw new IllegalStateException("skirmish connection closed: " + sending.closeReason());
        }
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public Long retransmits() {
        return sending == null ? null : sending.stats().retransmittedFragments();
    }

    @Override
    public Long wireBytes() {
        if (clientEndpoint == null || !stopping) {
            return null;
        }
        return clientEndpoint.stats().bytesSent() + serverEndpoint.stats().bytesSent();
    }

    @Override
    public void close() {
        stopping = true;
        Links.join(receivingThread);
        if (clientHost != null) {
            clientHost.close();
        }
        if (serverHost != null) {
            serverHost.close();
        }
    }
}
