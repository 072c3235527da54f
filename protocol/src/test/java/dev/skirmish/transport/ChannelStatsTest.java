package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import org.junit.jupiter.api.Test;

class ChannelStatsTest {
    private static final int RELIABLE = 0;
    private static final int SEQUENCED = 2;

    @Test
    void countsRetransmissionsAndStaleDropsOnTheChannelsTheyHappenOn() {
        SimulatedPair pair = new SimulatedPair(7, TransportConfig.internet());
        LinkConditions lossyReordering = LinkConditions.builder().delayMicros(5_000).lossRate(0.1)
                .reorder(0.3, 20_000).build();
        pair.setLinks(lossyReordering, lossyReordering);
        assertTrue(pair.connect(2_000 * MS), pair.describe());
        for (int i = 0; i < 300; i++) {
            assertTrue(pair.clientConnection.send(RELIABLE, SimulatedPair.numbered(RELIABLE, i, 100)));
            pair.clientConnection.send(SEQUENCED, SimulatedPair.numbered(SEQUENCED, i, 20));
            pair.runFor(2 * MS);
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.stream().filter(r -> r.channel() == RELIABLE).count() == 300,
                10_000 * MS), pair.describe());

        ChannelStats reliable = pair.clientConnection.channelStats(RELIABLE);
        ChannelStats sequenced = pair.serverConnection.channelStats(SEQUENCED);
        assertTrue(reliable.retransmittedFragments() > 0, reliable.toString());
        assertEquals(pair.clientConnection.stats().retransmittedFragments(), reliable.retransmittedFragments(),
                "only the reliable channel retransmits");
        assertEquals(0, pair.clientConnection.channelStats(SEQUENCED).retransmittedFragments());
        assertTrue(sequenced.staleMessages() > 0, sequenced.toString());
        assertEquals(pair.serverConnection.stats().staleMessages(), sequenced.staleMessages());
        assertEquals(0, pair.serverConnection.channelStats(RELIABLE).staleMessages());

        long reliablePayload = 300L * 100;
        assertTrue(reliable.frameBytesSent() > reliablePayload + 100L * reliable.retransmittedFragments(),
                "frames carry every payload byte, retransmissions and headers: " + reliable);
        long sequencedFrames = pair.clientConnection.channelStats(SEQUENCED).frameBytesSent();
        assertTrue(sequencedFrames >= 300L * 20 && sequencedFrames < 300L * 20 * 2, "sequenced: " + sequencedFrames);
        assertTrue(reliable.frameBytesSent() + sequencedFrames < pair.clientConnection.stats().bytesSent(),
                "packet headers and checksums come on top of the frames");
    }

    @Test
    void rejectsAChannelOutsideTheConfiguration() {
        SimulatedPair pair = new SimulatedPair(1, TransportConfig.internet());
        assertTrue(pair.connect(2_000 * MS));
        assertThrows(IllegalArgumentException.class, () -> pair.clientConnection.channelStats(4));
        assertThrows(IllegalArgumentException.class, () -> pair.clientConnection.channelStats(-1));
    }
}
