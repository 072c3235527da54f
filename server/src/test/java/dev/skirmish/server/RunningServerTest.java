package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.server.stats.ServerStats;
import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.server.world.PlayerStanding;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server on its own thread over real UDP on the loopback, with a scripted client pumped by the test thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunningServerTest {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Services the client's host until {@code done}; the deadline only guards against hanging. */
    private static boolean pump(UdpHost host, BooleanSupplier done) {
        long giveUp = System.nanoTime() + GIVE_UP_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                return false;
            }
            host.service(5);
        }
        return true;
    }

    @Test
    void servesARealClientAndStopsGracefullyWithASummary() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerConfig config = ServerConfig.builder().tickRateHz(30).build();
        try (RunningServer server = RunningServer.start(config, TestMaps.field(), new InetSocketAddress(loopback, 0))) {
            InetSocketAddress address = server.address();
            assertNotEquals(0, address.getPort());
            ScriptedClient client = new ScriptedClient("ann", address, new SplittableRandom(5),
                    (c, command) -> command.setButtons(InputCommand.MOVE_RIGHT));
            try (UdpHost clientHost = UdpHost.bind(new InetSocketAddress(loopback, 0), client, UdpHostOptions.defaults())) {
                assertTrue(pump(clientHost, () -> client.newest() != null && client.newest().playerCount() == 1));
                assertEquals(30, client.welcome.tickRateHz());
                assertTrue(pump(clientHost, () -> client.newest().lastProcessedCommand() > 10),
                        "the server applies the client's commands");
                ServerStats stats = server.stats();
                assertNotNull(stats);
                assertEquals(1, stats.players());
                assertTrue(stats.ticksRun() > 10);

                ServerSummary summary = server.stop();
                assertFalse(server.isRunning());
                assertEquals("ann", summary.standings().get(0).name());
                assertTrue(summary.bytesIn() > 0 && summary.bytesOut() > 0);
                assertTrue(summary.commandsApplied() > 10);
                assertTrue(summary.tickMaxMicros() > 0, "a real clock measured the work");
                assertSame(summary, server.stop(), "stopping again changes nothing");
                assertTrue(pump(clientHost, () -> client.ended() != null), "the client was told");
                assertEquals(DisconnectReason.PEER_CLOSED, client.ended().reason());
                assertEquals(new PlayerStanding(0, "ann", 0, 0, 0), summary.standings().get(0));
            }
        }
    }
}
