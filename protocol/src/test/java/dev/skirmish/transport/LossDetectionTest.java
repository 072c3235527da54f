package dev.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.recovery.AckRanges;
import dev.skirmish.transport.recovery.NoCongestionControl;
import dev.skirmish.transport.recovery.Pacer;
import dev.skirmish.transport.recovery.RttEstimator;
import dev.skirmish.transport.wire.AckFrame;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossDetectionTest {
    private static final long MS = 1_000_000L;
    private final TransportConfig config = TransportConfig.lan().toBuilder()
            .initialRttMicros(100_000).maxAckDelayMicros(0).probeTimeoutFloorMicros(1_000).probeTimeoutCeilingMicros(2_000_000).build();
    private final List<Long> acked = new ArrayList<>();
    private final List<Long> lost = new ArrayList<>();
    private final RttEstimator rtt = new RttEstimator(config.initialRttMicros());
    private final LossDetection loss = new LossDetection(config, rtt, new NoCongestionControl(),
            new Pacer(1200, 10), new LossDetection.Listener() {
                @Override
                public void onPacketAcked(SentPacket packet) {
                    acked.add(packet.packetNumber);
                }

                @Override
                public void onPacketLost(SentPacket packet) {
                    lost.add(packet.packetNumber);
                }
            });

    private void send(long first, long last, long atNanos) {
        for (long pn = first; pn <= last; pn++) {
            loss.onPacketSent(pn, atNanos, 100);
        }
    }

    private static AckFrame ack(long delayMicros, long... packetNumbers) {
        AckRanges ranges = new AckRanges(64);
        for (long pn : packetNumbers) {
            ranges.add(pn);
        }
        ByteBuffer buffer = ByteBuffer.allocate(512);
        AckFrame.encode(buffer, ranges, delayMicros, 512);
        buffer.flip().get();
        AckFrame frame = new AckFrame();
        try {
            frame.decode(buffer);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return frame;
    }

    @Test
    void declaresLossThreePacketsBehindTheLargestAcknowledged() {
        send(0, 9, 0);
        assertNull(loss.onAck(ack(0, 4, 5, 6, 7, 8, 9), 10, 10 * MS));
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), acked);
        assertEquals(List.of(0L, 1L, 2L, 3L), lost);
        assertEquals(0, loss.packetsInFlight());
    }

    @Test
    void declaresLossByTimeThresholdWhenTooFewPacketsFollow() {
        send(0, 0, 0);
        send(1, 1, 1 * MS);
        assertNull(loss.onAck(ack(0, 1), 2, 11 * MS));
        assertEquals(List.of(), lost, "one packet behind is not enough by count");
        // RTT sample 10 ms: loss delay 9/8 * 10 ms = 11.25 ms after packet 0 was sent.
        assertEquals(11_250_000L, loss.deadlineNanos());
        loss.onTimeout(11_250_000L);
        assertEquals(List.of(0L), lost);
    }

    @Test
    void probeTimeoutBacksOffExponentially() {
        send(0, 0, 0);
        long first = loss.deadlineNanos();
        // Initial RTT 100 ms: PTO = 100 + 4 * 50 + 0 = 300 ms.
        assertEquals(300 * MS, first);
        assertEquals(2, loss.onTimeout(first), "a probe timeout asks for two probes");
        assertEquals(600 * MS, loss.deadlineNanos());
        assertEquals(2, loss.onTimeout(600 * MS));
        assertEquals(1_200 * MS, loss.deadlineNanos());
        loss.onTimeout(1_200 * MS);
        assertEquals(2_000 * MS, loss.deadlineNanos(), "the backoff stops at the ceiling (from the last send at 0)");
        assertEquals(3, loss.probeTimeouts);
    }

    @Test
    void acknowledgementResetsTheBackoff() {
        send(0, 0, 0);
        loss.onTimeout(300 * MS);
        send(1, 1, 300 * MS);
        loss.onAck(ack(0, 1), 2, 310 * MS);
        send(2, 2, 320 * MS);
        long pto = loss.probeTimeoutMicros(0);
        assertEquals(320 * MS + pto * 1000, loss.deadlineNanos());
    }

    @Test
    void refusesAnAckForAPacketNeverSent() {
        send(0, 4, 0);
        assertEquals(DropReason.INVALID_ACK, loss.onAck(ack(0, 5), 5, MS));
        assertTrue(acked.isEmpty());
    }

    @Test
    void ackDelayIsSubtractedFromTheRttSample() {
        loss.setPeerMaxAckDelayMicros(25_000);
        send(0, 0, 0);
        loss.onAck(ack(0, 0), 1, 50 * MS);
        send(1, 1, 50 * MS);
        loss.onAck(ack(10_000, 1), 2, 130 * MS);
        // Second sample 80 ms with 10 ms of ack delay counts as 70 ms: smoothed = 7/8*50 + 1/8*70.
        assertEquals(52_500, rtt.smoothedRttMicros());
        assertEquals(50_000, rtt.minRttMicros());
    }

    @Test
    void ackDelayIsSubtractedOnlyDownToTheMinimumRtt() {
        loss.setPeerMaxAckDelayMicros(25_000);
        send(0, 0, 0);
        loss.onAck(ack(0, 0), 1, 50 * MS);
        send(1, 1, 50 * MS);
        loss.onAck(ack(20_000, 1), 2, 110 * MS);
        // 60 ms - 20 ms would undercut the 50 ms minimum, so the sample counts as the minimum: 50 ms.
        assertEquals(50_000, rtt.smoothedRttMicros());
    }

    @Test
    void ackDelayIsCappedAtThePeersMaximum() {
        loss.setPeerMaxAckDelayMicros(5_000);
        send(0, 0, 0);
        loss.onAck(ack(0, 0), 1, 50 * MS);
        send(1, 1, 50 * MS);
        loss.onAck(ack(20_000, 1), 2, 110 * MS);
        // Only 5 ms of the claimed 20 ms count: 7/8*50 + 1/8*55.
        assertEquals(50_625, rtt.smoothedRttMicros());
    }

    @Test
    void ignoresAcknowledgementsOfPacketsAlreadyDeclaredLost() {
        send(0, 4, 0);
        loss.onAck(ack(0, 4), 5, MS);
        assertEquals(List.of(0L, 1L), lost);
        loss.onAck(ack(0, 0, 1, 4), 5, 2 * MS);
        assertEquals(List.of(4L), acked, "the late ack of a lost packet changes nothing");
    }
}
