package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loss on one reliable-ordered channel must not delay messages on another. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HeadOfLineBlockingTest {
    private static final long ONE_WAY_MS = 20;

    @Test
    void lossOnOneOrderedChannelDoesNotDelayAnother() {
        TransportConfig config = TransportConfig.lan().toBuilder()
                .channels(DeliveryMode.RELIABLE_ORDERED, DeliveryMode.RELIABLE_ORDERED).build();
        SimulatedPair pair = new SimulatedPair(11, config);
        LinkConditions clean = LinkConditions.builder().delayMicros(ONE_WAY_MS * 1000).build();
        pair.setLinks(clean, clean);
        assertTrue(pair.connect(1_000 * MS));
        pair.runFor(200 * MS);

        // The packet carrying channel 0's first message is lost.
        pair.network.setLink(SimulatedPair.CLIENT_ADDRESS, SimulatedPair.SERVER_ADDRESS,
                LinkConditions.builder().lossRate(1.0).build());
        pair.clientConnection.send(0, "a0".getBytes());
        long sentBefore = pair.network.totalStats().datagrams(dev.skirmish.transport.sim.LinkCounter.SENT);
        assertTrue(pair.runUntil(() -> pair.network.totalStats()
                .datagrams(dev.skirmish.transport.sim.LinkCounter.SENT) > sentBefore, 10 * MS));
        pair.network.setLink(SimulatedPair.CLIENT_ADDRESS, SimulatedPair.SERVER_ADDRESS, clean);

        long sentAt = pair.network.nowNanos();
        pair.clientConnection.send(0, "a1".getBytes());
        pair.clientConnection.send(1, "b0".getBytes());
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 3, 2_000 * MS), pair.describe());

        List<SimulatedPair.Received> received = pair.serverReceived;
        assertEquals("b0", new String(received.get(0).payload()), "channel 1 is not held behind channel 0");
        assertEquals(sentAt + ONE_WAY_MS * MS, received.get(0).atNanos(), "channel 1 arrives after one trip");
        assertEquals("a0", new String(received.get(1).payload()));
        assertEquals("a1", new String(received.get(2).payload()), "channel 0 stays in order");
        assertTrue(received.get(1).atNanos() > received.get(0).atNanos(),
                "channel 0 waited for its retransmission");
        assertEquals(1, pair.clientConnection.stats().retransmittedFragments());
    }
}
