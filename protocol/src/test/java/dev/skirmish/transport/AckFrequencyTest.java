package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.CLIENT_ADDRESS;
import static dev.skirmish.transport.SimulatedPair.MS;
import static dev.skirmish.transport.SimulatedPair.SERVER_ADDRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The LAN profile's acknowledgement frequency, in virtual time: one ACK per
 * {@link TransportConfig#LAN_ACK_ELICITING_THRESHOLD} in-order packets of a stream, a packet sent alone
 * acknowledged {@link TransportConfig#LAN_MAX_ACK_DELAY_MICROS} after it arrived, and a packet out of
 * order acknowledged the instant it arrives.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AckFrequencyTest {

    private static final long SEED = 11;
    private static final long DELAY_MICROS = 25;
    private static final LinkConditions LAN = LinkConditions.builder().delayMicros(DELAY_MICROS).build();

    @Test
    void aStreamIsAcknowledgedOncePerThresholdPackets() {
        // A 1 Gbit/s bottleneck lands the datagrams one at a time, so every arrival is a wake-up of its own:
        // acknowledging at each wake-up would cost one ACK per datagram.
        LinkConditions gigabit = LAN.toBuilder().bandwidth(125_000_000, 1 << 20).build();
        SimulatedPair pair = connected(gigabit);
        long serverPacketsBefore = pair.serverConnection.stats().packetsSent();
        long clientPacketsBefore = pair.clientConnection.stats().packetsSent();
        int messages = 320;
        for (int i = 0; i < messages; i++) {
            assertTrue(pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 1_000)));
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == messages, 1_000 * MS), pair.describe());
        pair.runFor(MS);

        long dataPackets = pair.clientConnection.stats().packetsSent() - clientPacketsBefore;
        long ackPackets = pair.serverConnection.stats().packetsSent() - serverPacketsBefore;
        assertEquals(messages, dataPackets, "one message per packet: " + pair.describe());
        int threshold = TransportConfig.LAN_ACK_ELICITING_THRESHOLD;
        assertTrue(ackPackets >= messages / threshold && ackPackets <= messages / threshold + 2,
                ackPackets + " ACK packets for " + dataPackets + " data packets: " + pair.describe());
        assertEquals(0, pair.clientConnection.stats().retransmittedFragments(), pair.describe());
        assertEquals(0, pair.clientConnection.bytesInFlight(), "everything acknowledged");
    }

    @Test
    void aPacketSentAloneIsAcknowledgedAfterTheMaxAckDelay() {
        SimulatedPair pair = connected(LAN);
        long ackDelayNanos = TransportConfig.LAN_MAX_ACK_DELAY_MICROS * 1_000;
        long arrivalNanos = DELAY_MICROS * 1_000;
        long serverPacketsBefore = pair.serverConnection.stats().packetsSent();

        pair.clientConnection.send(0, SimulatedPair.numbered(0, 0, 64));
        pair.runFor(arrivalNanos + ackDelayNanos - 1);
        assertEquals(1, pair.serverReceived.size(), "delivered on arrival");
        assertEquals(serverPacketsBefore, pair.serverConnection.stats().packetsSent(), "ACK still held");
        pair.runFor(1);
        assertEquals(serverPacketsBefore + 1, pair.serverConnection.stats().packetsSent(), "ACK sent at the delay");
        pair.runFor(arrivalNanos);
        assertEquals(0, pair.clientConnection.bytesInFlight(), "acknowledged");
    }

    @Test
    void aPacketOutOfOrderIsAcknowledgedTheInstantItArrives() {
        SimulatedPair pair = connected(LAN);
        long arrivalNanos = DELAY_MICROS * 1_000;
        pair.network.setLink(CLIENT_ADDRESS, SERVER_ADDRESS, LAN.toBuilder().lossRate(1.0).build());
        pair.clientConnection.send(0, SimulatedPair.numbered(0, 0, 64));
        pair.runFor(1);
        pair.network.setLink(CLIENT_ADDRESS, SERVER_ADDRESS, LAN);
        long serverPacketsBefore = pair.serverConnection.stats().packetsSent();

        pair.clientConnection.send(0, SimulatedPair.numbered(0, 1, 64));
        pair.runFor(arrivalNanos);
        assertEquals(serverPacketsBefore + 1, pair.serverConnection.stats().packetsSent(),
                "the gap is reported at once: " + pair.describe());
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 2, 10 * MS), pair.describe());
        assertEquals(1, pair.clientConnection.stats().retransmittedFragments(), pair.describe());
    }

    private static SimulatedPair connected(LinkConditions link) {
        SimulatedPair pair = new SimulatedPair(SEED, TransportConfig.lan());
        pair.setLinks(link, link);
        assertTrue(pair.connect(1_000 * MS));
        // Let the handshake's RTT probes and their acknowledgements settle.
        pair.runFor(10 * MS);
        return pair;
    }
}
