package dev.skirmish.client.window;

import dev.skirmish.client.ClientView;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.InputSource;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.transport.udp.NanoClock;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.function.LongConsumer;

/**
 * One {@link GameClient} playing over UDP on a network thread of its own. The render thread reads the
 * newest published view ({@link #latestView()}) and drains the queue of snapshot arrival times
 * ({@link #drainSnapshotArrivals}) once per frame; nothing else crosses threads.
 */
final class NetworkSession implements ViewFeed, AutoCloseable {

    private final NanoClock clock = NanoClock.startingNow();
    private final GameClient client;
    private final SnapshotArrivals arrivals = new SnapshotArrivals();
    private final UdpHost host;
    private int lastSnapshotTick = -1;

    private NetworkSession(GameClientConfig config, InputSource input, InetSocketAddress server, CaptureFile capture)
            throws IOException {
        client = new GameClient(config, input, new SecureRandom());
        String wildcard = server.getAddress() instanceof Inet4Address ? "0.0.0.0" : "::";
        UdpHostOptions options = UdpHostOptions.defaults().toBuilder().clock(clock).build();
        CapturingNode capturing = capture == null ? null : new CapturingNode(client, capture);
        host = UdpHost.bind(new InetSocketAddress(InetAddress.getByName(wildcard), 0),
                capturing == null ? client : capturing, options);
        if (capturing != null) {
            capturing.localAddress(host.localAddress(), server);
        }
    }

    /** Opens a socket, starts the network thread and starts connecting to {@code server}. */
    static NetworkSession start(GameClientConfig config, InputSource input, InetSocketAddress server) throws IOException {
        return start(config, input, server, null);
    }

    /** As {@link #start(GameClientConfig, InputSource, InetSocketAddress)}, recording into {@code capture} if not null. */
    static NetworkSession start(GameClientConfig config, InputSource input, InetSocketAddress server,
                                CaptureFile capture) throws IOException {
        NetworkSession session = new NetworkSession(config, input, server, capture);
        session.host.start("skirmish-client-net", session::afterService);
        session.host.execute(() -> session.client.connect(session.clock.nowNanos(), server));
        return session;
    }

    /** Network thread: queues the arrival time of each new snapshot. */
    private void afterService() {
        int newest = client.view().newestSnapshotTick();
        if (newest != lastSnapshotTick) {
            lastSnapshotTick = newest;
            arrivals.offer(clock.nowNanos());
        }
    }

    /** The newest published view; render thread only, valid until its next call. */
    @Override
    public ClientView latestView() {
        return client.frames().latest();
    }

    /** Hands the snapshot arrivals queued since the last call to {@code arrivalNanos}; render thread only. */
    @Override
    public void drainSnapshotArrivals(LongConsumer arrivalNanos) {
        arrivals.drainTo(arrivalNanos);
    }

    /** The clock shared with the network thread. */
    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    /** Leaves the server gracefully (bounded wait) and closes the socket. */
    @Override
    public void close() {
        try {
            host.execute(() -> client.close(clock.nowNanos()));
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (!client.phase().isFinal() && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The host already stopped; there is nothing left to leave.
        }
        host.close();
    }
}
