package dev.skirmish.transport;

import dev.skirmish.transport.recovery.CongestionController;
import dev.skirmish.transport.recovery.Pacer;
import dev.skirmish.transport.recovery.ProbeTimeout;
import dev.skirmish.transport.recovery.RttEstimator;
import dev.skirmish.transport.wire.AckFrame;
import java.util.function.Consumer;

/**
 * Loss detection and the probe timer for one connection, after RFC 9002 §6: acknowledgements feed
 * the RTT estimator and the congestion controller; a packet is lost once a packet sent
 * {@value #PACKET_THRESHOLD} or more after it is acknowledged (fast retransmit), or once it is older
 * than 9/8 of the RTT when a later one is acknowledged (time threshold). When nothing is
 * acknowledged for a probe timeout, two probe packets go out and the timeout backs off
 * exponentially between the configured floor and ceiling.
 *
 * <p>Packet records are handed to the {@link Listener} on acknowledgement and on loss, and recycled
 * right after; an acknowledgement that arrives for a packet already declared lost is ignored (its
 * data went out again in a new packet, so every RTT sample is unambiguous).
 */
final class LossDetection {
    /** Packets acknowledged after a packet before it is declared lost (RFC 9002 kPacketThreshold). */
    static final int PACKET_THRESHOLD = 3;
    /** Lost packets spanning this many probe timeouts collapse the window (RFC 9002 §7.6). */
    private static final int PERSISTENT_CONGESTION_THRESHOLD = 3;

    /** Told about each packet's fate before its record is recycled. */
    interface Listener {
        void onPacketAcked(SentPacket packet);

        void onPacketLost(SentPacket packet);
    }

    private final SentPacketWindow window;
    private final RttEstimator rtt;
    private final ProbeTimeout probeTimeout;
    private CongestionController congestion;
    private Pacer pacer;
    private final long granularityMicros;
    private final Consumer<SentPacket> evictLost;
    private final Listener listener;
    private long peerMaxAckDelayMicros;
    private long largestAcked = -1;
    private long lossTimeNanos = NetworkNode.NO_DEADLINE;
    private long lastAckElicitingSentNanos;
    private int probeBackoff;

    long packetsAcked;
    long packetsLost;
    long probeTimeouts;
    long congestionEvents;

    LossDetection(TransportConfig config, RttEstimator rtt, CongestionController congestion, Pacer pacer,
                  Listener listener) {
        this.window = new SentPacketWindow(config.maxPacketsInFlight());
        this.rtt = rtt;
        this.probeTimeout = new ProbeTimeout(config.probeTimeoutFloorMicros(), config.probeTimeoutCeilingMicros(),
                config.timerGranularityMicros());
        this.congestion = congestion;
        this.pacer = pacer;
        this.granularityMicros = config.timerGranularityMicros();
        this.listener = listener;
        this.peerMaxAckDelayMicros = config.maxAckDelayMicros();
        this.evictLost = this::declareLost;
    }

    void setPeerMaxAckDelayMicros(long micros) {
        this.peerMaxAckDelayMicros = micros;
    }

    /** Records an ack-eliciting packet just sent; fill in its contents on the returned record. */
    SentPacket onPacketSent(long packetNumber, long nowNanos, int sizeBytes) {
        SentPacket record = window.add(packetNumber, nowNanos, sizeBytes, evictLost);
        congestion.onPacketSent(nowNanos, sizeBytes);
        pacer.onPacketSent(nowNanos, sizeBytes, congestion.congestionWindowBytes(), rtt.smoothedRttMicros());
        lastAckElicitingSentNanos = nowNanos;
        return record;
    }

    /**
     * Processes an ACK frame. Returns {@link DropReason#INVALID_ACK} if it acknowledges a packet
     * number we never sent, else null.
     */
    DropReason onAck(AckFrame ack, long nextPacketNumber, long nowNanos) {
        if (ack.largest() >= nextPacketNumber) {
            return DropReason.INVALID_ACK;
        }
        SentPacket largest = window.get(ack.largest());
        if (largest != null) {
            long latestMicros = Math.max(1, (nowNanos - largest.timeSentNanos) / 1000);
            rtt.onSample(latestMicros, Math.min(ack.ackDelayMicros(), peerMaxAckDelayMicros));
        }
        largestAcked = Math.max(largestAcked, ack.largest());
        boolean newlyAcked = false;
        for (int i = 0; i < ack.rangeCount() && !window.isEmpty(); i++) {
            long low = Math.max(ack.rangeLow(i), window.oldestInFlight());
            long high = Math.min(ack.rangeHigh(i), window.newestInFlight());
            for (long pn = low; pn <= high; pn++) {
                SentPacket packet = window.get(pn);
                if (packet != null) {
                    newlyAcked = true;
                    acknowledge(packet, nowNanos);
                }
            }
        }
        if (newlyAcked) {
            probeBackoff = 0;
        }
        detectLost(nowNanos);
        return null;
    }

    private void acknowledge(SentPacket packet, long nowNanos) {
        boolean applicationLimited = window.bytesInFlight() < congestion.congestionWindowBytes() / 2;
        congestion.onPacketAcked(nowNanos, packet.timeSentNanos, packet.sizeBytes, applicationLimited);
        listener.onPacketAcked(packet);
        packetsAcked++;
        window.remove(packet);
    }

    private void detectLost(long nowNanos) {
        lossTimeNanos = NetworkNode.NO_DEADLINE;
        if (largestAcked < 0 || window.isEmpty()) {
            return;
        }
        long lossDelayNanos = rtt.lossDelayMicros(granularityMicros) * 1000;
        long lostIfSentBefore = nowNanos - lossDelayNanos;
        long end = Math.min(largestAcked, window.newestInFlight());
        long firstLostSentNanos = Long.MAX_VALUE;
        long lastLostSentNanos = Long.MIN_VALUE;
        for (long pn = window.oldestInFlight(); pn <= end; pn++) {
            SentPacket packet = window.get(pn);
            if (packet == null) {
                continue;
            }
            if (packet.timeSentNanos - lostIfSentBefore <= 0 || largestAcked - pn >= PACKET_THRESHOLD) {
                firstLostSentNanos = Math.min(firstLostSentNanos, packet.timeSentNanos);
                lastLostSentNanos = Math.max(lastLostSentNanos, packet.timeSentNanos);
                declareLost(packet);
            } else {
                lossTimeNanos = Math.min(lossTimeNanos, packet.timeSentNanos + lossDelayNanos);
            }
        }
        if (lastLostSentNanos != Long.MIN_VALUE) {
            onCongestion(nowNanos, firstLostSentNanos, lastLostSentNanos);
        }
    }

    private void onCongestion(long nowNanos, long firstLostSentNanos, long lastLostSentNanos) {
        congestionEvents++;
        congestion.onCongestionEvent(nowNanos, lastLostSentNanos);
        long persistentNanos = PERSISTENT_CONGESTION_THRESHOLD * probeTimeoutMicros(0) * 1000;
        if (rtt.hasSamples() && lastLostSentNanos - firstLostSentNanos > persistentNanos) {
            congestion.onPersistentCongestion();
        }
    }

    private void declareLost(SentPacket packet) {
        listener.onPacketLost(packet);
        packetsLost++;
        window.remove(packet);
    }

    /**
     * Runs the loss-detection timer if due. Returns how many probe packets the connection should
     * send now (0 when the timer was a time-threshold loss check).
     */
    int onTimeout(long nowNanos) {
        long deadline = deadlineNanos();
        if (deadline == NetworkNode.NO_DEADLINE || deadline - nowNanos > 0) {
            return 0;
        }
        if (lossTimeNanos != NetworkNode.NO_DEADLINE) {
            detectLost(nowNanos);
            return 0;
        }
        probeTimeouts++;
        probeBackoff++;
        return 2;
    }

    /** When the loss-detection timer (time threshold or probe timeout) fires next. */
    long deadlineNanos() {
        if (lossTimeNanos != NetworkNode.NO_DEADLINE) {
            return lossTimeNanos;
        }
        if (window.isEmpty()) {
            return NetworkNode.NO_DEADLINE;
        }
        return lastAckElicitingSentNanos + probeTimeoutMicros(probeBackoff) * 1000;
    }

    long probeTimeoutMicros(int backoff) {
        return probeTimeout.timeoutMicros(rtt, peerMaxAckDelayMicros, backoff);
    }

    /** The oldest packet still in flight (to probe with its data), or null. */
    SentPacket oldestInFlight() {
        return window.isEmpty() ? null : window.get(window.oldestInFlight());
    }

    /**
     * Replaces the congestion controller and the pacer with ones sized for the datagram size the
     * handshake settled on. Called once, at the handshake, before any data went out: the old ones have
     * seen at most the handshake's own packets and no congestion, so nothing they learned is lost.
     */
    void resize(CongestionController sizedController, Pacer sizedPacer) {
        this.congestion = sizedController;
        this.pacer = sizedPacer;
    }

    /** Whether congestion control lets a packet of {@code bytes} more into flight. */
    boolean congestionAllows(int bytes) {
        return window.bytesInFlight() + bytes <= congestion.congestionWindowBytes();
    }

    /** When pacing lets a packet of {@code bytes} go (at or before {@code nowNanos} means now). */
    long pacingTimeNanos(long nowNanos, int bytes) {
        return pacer.nextSendTimeNanos(nowNanos, bytes, congestion.congestionWindowBytes(), rtt.smoothedRttMicros());
    }

    /** Declares everything in flight lost (closing, or a path that changed under us). */
    void abandonAll() {
        while (!window.isEmpty()) {
            declareLost(window.get(window.oldestInFlight()));
        }
    }

    long bytesInFlight() {
        return window.bytesInFlight();
    }

    int packetsInFlight() {
        return window.count();
    }

    long congestionWindowBytes() {
        return congestion.congestionWindowBytes();
    }

    RttEstimator rtt() {
        return rtt;
    }
}
