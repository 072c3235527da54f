package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When a receiver advertises flow-control credit (MAX_DATA), in virtual time: once per raise of its
 * limit, not again on every drain while the peer's acknowledgement, which may wait its ack delay, is on
 * its way; and never merely to repeat the window the handshake announced. Each MAX_DATA is the only
 * ack-eliciting thing a pure receiver sends, so its acknowledged packets count them.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlowCreditAdvertisementTest {

    private static final LinkConditions LAN = LinkConditions.builder().delayMicros(25).build();

    @Test
    void drainingLessThanHalfTheWindowAdvertisesNothing() {
        SimulatedPair pair = connected();
        long before = pair.serverConnection.stats().packetsAcked();
        for (int i = 0; i < 100; i++) {
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 1_000));
            pair.runFor(MS / 10);
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == 100, 100 * MS), pair.describe());
        pair.runFor(10 * MS);

        assertEquals(before, pair.serverConnection.stats().packetsAcked(),
                "the handshake's window needs no MAX_DATA: " + pair.describe());
    }

    @Test
    void eachRaiseOfTheLimitIsAdvertisedOnce() {
        SimulatedPair pair = connected();
        long before = pair.serverConnection.stats().packetsAcked();
        // 600 messages of 1,016 bytes of credit each cross half of the 1 MiB window once.
        int messages = 600;
        for (int i = 0; i < messages; i++) {
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 1_000));
            pair.runFor(MS / 100);
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == messages, 1_000 * MS), pair.describe());
        pair.runFor(10 * MS);

        assertEquals(before + 1, pair.serverConnection.stats().packetsAcked(),
                "one MAX_DATA for one raise: " + pair.describe());
        assertEquals(0, pair.clientConnection.stats().sendRefusals(), pair.describe());
    }

    private static SimulatedPair connected() {
        // The internet profile holds each acknowledgement up to 1 ms: long enough for many drains to pass
        // before the MAX_DATA they would repeat is acknowledged.
        SimulatedPair pair = new SimulatedPair(21, TransportConfig.internet().toBuilder()
                .congestionControl(CongestionControl.NONE).build());
        pair.setLinks(LAN, LAN);
        assertTrue(pair.connect(1_000 * MS));
        pair.runFor(10 * MS);
        return pair;
    }
}
