package dev.skirmish.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientFailure;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fleet over real UDP on 127.0.0.1 against the stand-in server test double. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BotFleetUdpTest {

    @Test
    void botsJoinPlayAndReport() throws Exception {
        try (UdpStandIn standIn = new UdpStandIn(1, TransportConfig.lan())) {
            BotFleetConfig config = BotFleetConfig.of(standIn.address(), 3, "udp", 5);
            BotReport report;
            try (BotFleet fleet = BotFleet.start(config)) {
                assertTrue(fleet.awaitJoined(10_000), "joined; first failure: " + fleet.firstFailure());
                assertFalse(fleet.awaitEnded(1_000), "nobody's session ends while playing");
                report = fleet.stop();
            }
            assertEquals(3, report.bots().size());
            Set<Integer> ids = new HashSet<>();
            for (BotResult bot : report.bots()) {
                assertNull(bot.failure(), bot.toString());
                ids.add(bot.playerId());
                assertTrue(bot.stats().snapshotsPerSecond() > 30, bot.toString());
                assertTrue(bot.stats().commandsSent() > 30, bot.toString());
                assertTrue(bot.stats().kilobitsPerSecondDown() > 0, bot.toString());
            }
            assertEquals(3, ids.size(), "distinct player ids: " + ids);
            assertEquals("udp-1", report.bots().get(0).name());
            assertEquals(0, report.failures());
            assertTrue(report.total().snapshotsPerSecond() > 90, report.total().toString());
        }
    }

    @Test
    void aServerThatNeverAnswersIsAConnectTimeout() throws Exception {
        try (DatagramChannel silent = DatagramChannel.open(StandardProtocolFamily.INET)) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            TransportConfig impatient = TransportConfig.internet().toBuilder()
                    .connectTimeoutMillis(300).handshakeResendMillis(100).build();
            BotFleetConfig config = BotFleetConfig.of((InetSocketAddress) silent.getLocalAddress(), 2, "lost", 1)
                    .withTransport(impatient);
            try (BotFleet fleet = BotFleet.start(config)) {
                assertFalse(fleet.awaitJoined(10_000));
                assertEquals(ClientFailure.Reason.CONNECT_TIMEOUT, fleet.firstFailure().orElseThrow().failure().reason());
                assertEquals(2, fleet.failureCount());
                assertTrue(fleet.awaitEnded(1_000));
                BotReport report = fleet.stop();
                assertEquals(2, report.failures());
                assertEquals(-1, report.bots().get(0).playerId());
            }
        }
    }
}
