package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.TransportConfig;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A graceful close over real sockets must end with {@code PEER_CLOSED} on the other side, not with its
 * idle timeout. Two ways it once failed, each made to happen once, deterministically:
 *
 * <ul>
 *   <li>the one CLOSE datagram is lost while the peer has nothing to send (the CLOSE is now repeated
 *       every probe timeout, unprompted);</li>
 *   <li>the closing side stalls between {@code close()} and its next service call for longer than the
 *       closing period (the period now starts when the first CLOSE is actually sent).</li>
 * </ul>
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulCloseOverUdpTest {

    private static final long SEED = 0xC105EL;
    /** A short idle timeout, so each failure shows in two seconds instead of ten. */
    private static final TransportConfig CONFIG = TransportConfig.internet().toBuilder()
            .idleTimeoutMillis(2_000)
            .build();

    @Test
    void peerSeesPeerClosedEvenWhenTheOneCloseDatagramIsLost() throws IOException {
        ArmedDropper clientOutbound = new ArmedDropper();
        try (PolledUdpPair pair = PolledUdpPair.open(Loopback.ipv4(), CONFIG, SEED, UdpHostOptions.defaults(),
                UdpHostOptions.builder().outboundDropper(clientOutbound).build())) {
            connectAndSettle(pair);

            // Nothing is left to flush, so close() goes straight to CLOSING: the next datagram is the CLOSE.
            clientOutbound.arm();
            pair.clientConnection.close("match over");
            pumpUntilBothSidesEnd(pair);

            assertEquals(1, clientOutbound.dropped(), pair::describe);
            assertPeerClosed(pair, "the lost CLOSE was never sent again");
        }
    }

    @Test
    void peerSeesPeerClosedEvenWhenTheClosingSideStallsBeforeItsNextServiceCall() throws IOException {
        SkippableClock clientClock = new SkippableClock();
        try (PolledUdpPair pair = PolledUdpPair.open(Loopback.ipv4(), CONFIG, SEED, UdpHostOptions.defaults(),
                UdpHostOptions.builder().clock(clientClock).build())) {
            connectAndSettle(pair);

            pair.clientConnection.close("match over");
            // The client's thread loses the CPU for a second before it services its socket again.
            clientClock.skip(TimeUnit.SECONDS.toNanos(1));
            pumpUntilBothSidesEnd(pair);

            assertEquals(0, pair.clientHost.stats().outboundDropped(), pair::describe);
            assertPeerClosed(pair, "the closing period ended before the CLOSE was ever sent");
        }
    }

    private static void connectAndSettle(PolledUdpPair pair) {
        pair.connect();
        pair.pumpUntil(() -> pair.clientConnection.bytesInFlight() == 0 && pair.serverConnection.bytesInFlight() == 0,
                "nothing in flight either way");
    }

    private static void pumpUntilBothSidesEnd(PolledUdpPair pair) {
        pair.pumpUntil(() -> pair.serverEvents.stream().anyMatch(e -> e.type() == ConnectionEvent.Type.DISCONNECTED)
                        && pair.clientEvents.stream().anyMatch(e -> e.type() == ConnectionEvent.Type.DISCONNECTED),
                "both sides see the connection end");
    }

    private static void assertPeerClosed(PolledUdpPair pair, String cause) {
        ConnectionEvent serverSide = pair.serverEvents.get(pair.serverEvents.size() - 1);
        assertEquals(DisconnectReason.PEER_CLOSED, serverSide.reason(),
                () -> cause + "; " + serverSide + "; " + pair.describe());
    }
}
