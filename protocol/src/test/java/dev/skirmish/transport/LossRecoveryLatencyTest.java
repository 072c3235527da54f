package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.sim.LinkConditions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How fast losses are repaired, in virtual time (so the figures are exact and repeatable): a steady
 * stream of small reliable messages over a LAN-like path with 5 % loss each way. Every message travels
 * alone, so each is the tail of its flight: with the LAN profile's probe timeout (about srtt + 200 µs)
 * a lost one is repaired well before the next message, 1 ms later, could reveal the gap. Wall-clock figures for the same workload over real sockets are the benchmark's job.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LossRecoveryLatencyTest {

    @Test
    void lossesAreRepairedWithinAboutOneProbeTimeout() {
        long seed = 5;
        SimulatedPair pair = new SimulatedPair(seed, TransportConfig.lan());
        LinkConditions lossy = LinkConditions.builder().delayMicros(25).lossRate(0.05).build();
        pair.setLinks(lossy, lossy);
        assertTrue(pair.connect(5_000 * MS));
        int count = 10_000;
        long[] sentAt = new long[count];
        for (int i = 0; i < count; i++) {
            sentAt[i] = pair.network.nowNanos();
            pair.clientConnection.send(0, SimulatedPair.numbered(0, i, 64));
            pair.runFor(MS);
        }
        assertTrue(pair.runUntil(() -> pair.serverReceived.size() == count, 1_000 * MS), pair.describe());
        long[] latency = new long[count];
        for (int i = 0; i < count; i++) {
            SimulatedPair.Received received = pair.serverReceived.get(i);
            int sequence = SimulatedPair.sequenceOf(received.payload());
            assertEquals(i, sequence, "in order");
            latency[i] = received.atNanos() - sentAt[sequence];
        }
        Arrays.sort(latency);
        long p99 = latency[count * 99 / 100];
        long p999 = latency[count * 999 / 1000];
        String figures = "seed " + seed + ": p50 " + latency[count / 2] / 1000 + " us, p99 " + p99 / 1000
                + " us, p99.9 " + p999 / 1000 + " us; " + pair.clientConnection.stats();
        assertTrue(p99 <= 350_000, figures);
        assertTrue(p999 <= 1_100_000, figures);
        // The short timeout also probes when only an ACK was lost; that costs a retransmission, but the
        // total stays near one per datagram lost in either direction (2 x 5 % of the messages).
        assertTrue(pair.clientConnection.stats().retransmittedFragments() <= count * 12 / 100,
                "retransmissions beyond the losses: " + figures);
    }
}
