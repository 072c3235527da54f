package dev.skirmish.replay;

import dev.skirmish.client.bot.BotFleet;
import dev.skirmish.client.bot.BotFleetConfig;
import dev.skirmish.transport.capture.CaptureFile;
import dev.skirmish.transport.capture.CapturingNode;
import dev.skirmish.server.GameServer;
import dev.skirmish.server.MapSource;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.transport.udp.NanoClock;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import dev.skirmish.transport.udp.UdpHostStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records a real session over UDP on 127.0.0.1: a {@link GameServer} whose node is wrapped in a
 * {@link CapturingNode}, and a fleet of bots, until the capture holds {@code minDatagrams} datagrams.
 * Shared by the tests that need a genuine capture (made once per test class: it takes real time).
 */
final class RecordedSession {
    final Path file;
    final UdpHostStats hostStats;
    final long recorded;
    final long dropped;

    private RecordedSession(Path file, UdpHostStats hostStats, long recorded, long dropped) {
        this.file = file;
        this.hostStats = hostStats;
        this.recorded = recorded;
        this.dropped = dropped;
    }

    static RecordedSession record(Path file, int bots, long minDatagrams) throws Exception {
        NanoClock clock = NanoClock.startingNow();
        GameServer server = new GameServer(ServerConfig.defaults(), MapSource.load("arena"), new SecureRandom(), clock);
        CaptureFile capture = CaptureFile.create(file);
        CapturingNode node = new CapturingNode(server, capture);
        UdpHost host = UdpHost.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), node,
                UdpHostOptions.builder().clock(clock).build());
        node.localAddress(host.localAddress());
        host.start("recorded-server");
        try (BotFleet fleet = BotFleet.start(BotFleetConfig.of(host.localAddress(), bots, "rec", 42))) {
            if (!fleet.awaitJoined(10_000)) {
                throw new AssertionError("bots did not join: " + fleet.firstFailure());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (capture.recordedDatagrams() < minDatagrams && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(20);
            }
            fleet.stop();
        }
        CountDownLatch shutDown = new CountDownLatch(1);
        host.execute(() -> {
            server.setShutdownListener(shutDown::countDown);
            server.requestShutdown();
        });
        shutDown.await(5, TimeUnit.SECONDS);
        host.close();
        capture.close();
        return new RecordedSession(file, host.stats(), capture.recordedDatagrams(), capture.droppedDatagrams());
    }
}
