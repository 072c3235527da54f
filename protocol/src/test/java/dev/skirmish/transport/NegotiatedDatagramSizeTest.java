package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.CLIENT_ADDRESS;
import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.DatagramTap;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One side would send 1200-byte datagrams, the other takes 600: both sides size for 600. */
class NegotiatedDatagramSizeTest {
    private static final long SEED = 11;
    private static final int SMALL_DATAGRAM = 600;
    private static final TransportConfig SMALL = TransportConfig.internet().toBuilder().maxDatagramBytes(SMALL_DATAGRAM).build();
    private static final LinkConditions TEN_MS = LinkConditions.builder().delayMicros(10_000).build();

    private static SimulatedPair connected(TransportConfig serverConfig, TransportConfig clientConfig) {
        SimulatedPair pair = new SimulatedPair(SEED, serverConfig, clientConfig);
        pair.setLinks(TEN_MS, TEN_MS);
        assertTrue(pair.connect(2_000 * MS), pair.describe());
        return pair;
    }

    @Test
    void aServerWithLargerDatagramsSizesItsWindowForTheClients() {
        SimulatedPair pair = connected(TransportConfig.internet(), SMALL);
        assertEquals(10L * SMALL_DATAGRAM, pair.serverConnection.stats().congestionWindowBytes());
    }

    @Test
    void congestionWindowAndDatagramsFollowTheSmallerSide() {
        SimulatedPair pair = new SimulatedPair(SEED, SMALL, TransportConfig.internet());
        pair.setLinks(TEN_MS, TEN_MS);
        AtomicInteger largestFromClient = new AtomicInteger();
        pair.network.setTap((now, event, from, to, datagram) -> {
            if (event == DatagramTap.Event.SENT && from.equals(CLIENT_ADDRESS)) {
                largestFromClient.accumulateAndGet(datagram.remaining(), Math::max);
            }
        });
        assertTrue(pair.connect(2_000 * MS), pair.describe());

        // NewReno's initial window: min(10 datagrams, max(2 datagrams, 14,720 bytes)).
        assertEquals(10L * SMALL_DATAGRAM, pair.clientConnection.stats().congestionWindowBytes());

        byte[] large = SimulatedPair.numbered(0, 1, 20_000);
        assertTrue(pair.clientConnection.send(0, large));
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 1, 5_000 * MS), pair.describe());
        assertArrayEquals(large, pair.serverReceived.get(0).payload());
        assertTrue(largestFromClient.get() <= SMALL_DATAGRAM, "client sent a datagram of " + largestFromClient.get());
    }
}
