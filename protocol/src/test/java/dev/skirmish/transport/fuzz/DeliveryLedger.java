package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.DeliveryMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The sender's and the receiver's books for one direction of one connection: what was sent on each
 * channel ({@link NumberedPayload}s, numbered per channel and stream), and whether what arrived
 * obeys the channel's delivery mode: reliable-ordered exactly once and in order, reliable-unordered
 * exactly once, unreliable-sequenced only newer than the last, unreliable at most once; always
 * intact and only what was sent.
 */
final class DeliveryLedger {
    private static final int ANOMALIES_KEPT = 8;

    private final String name;
    private final List<DeliveryMode> modes;
    private final int[] sentTraffic;
    private final int[] sentProof;
    private final int[] nextInOrder;
    private final int[] newestSequenced;
    private final BitSet[] receivedTraffic;
    private final BitSet[] receivedProof;
    private final List<String> anomalies = new ArrayList<>();
    private long anomalyCount;
    private long delivered;

    DeliveryLedger(String name, List<DeliveryMode> modes) {
        this.name = name;
        this.modes = modes;
        int channels = modes.size();
        sentTraffic = new int[channels];
        sentProof = new int[channels];
        nextInOrder = new int[channels];
        newestSequenced = new int[channels];
        Arrays.fill(newestSequenced, -1);
        receivedTraffic = new BitSet[channels];
        receivedProof = new BitSet[channels];
        for (int i = 0; i < channels; i++) {
            receivedTraffic[i] = new BitSet();
            receivedProof[i] = new BitSet();
        }
    }

    /** The payload for the next message of {@code stream} on {@code channel}; call {@link #sent} if the send was accepted. */
    byte[] next(int stream, int channel, int length) {
        return NumberedPayload.of(stream, channel, stream == NumberedPayload.PROOF_BATCH ? sentProof[channel]
                : sentTraffic[channel], length);
    }

    void sent(int stream, int channel) {
        if (stream == NumberedPayload.PROOF_BATCH) {
            sentProof[channel]++;
        } else {
            sentTraffic[channel]++;
        }
    }

    /** Checks one delivered message against the books. */
    void received(int channel, ByteBuffer payload) {
        delivered++;
        int stream = NumberedPayload.streamOf(payload);
        if (channel < 0 || channel >= modes.size()
                || (stream != NumberedPayload.TRAFFIC && stream != NumberedPayload.PROOF_BATCH)
                || !NumberedPayload.isIntact(payload, stream, channel)) {
            anomaly("damaged or unknown message of " + payload.remaining() + " bytes on channel " + channel);
            return;
        }
        int sequence = NumberedPayload.sequenceOf(payload);
        boolean proof = stream == NumberedPayload.PROOF_BATCH;
        int sent = proof ? sentProof[channel] : sentTraffic[channel];
        BitSet received = proof ? receivedProof[channel] : receivedTraffic[channel];
        if (sequence < 0 || sequence >= sent) {
            anomaly((proof ? "proof" : "traffic") + " message " + sequence + " on channel " + channel + " was never sent");
            return;
        }
        if (received.get(sequence)) {
            anomaly("message " + sequence + " on channel " + channel + " delivered twice");
            return;
        }
        received.set(sequence);
        if (proof) {
            return;
        }
        switch (modes.get(channel)) {
            case RELIABLE_ORDERED -> {
                if (sequence != nextInOrder[channel]) {
                    anomaly("message " + sequence + " on ordered channel " + channel + " arrived when "
                            + nextInOrder[channel] + " was due");
                }
                nextInOrder[channel] = sequence + 1;
            }
            case UNRELIABLE_SEQUENCED -> {
                if (sequence <= newestSequenced[channel]) {
                    anomaly("message " + sequence + " on sequenced channel " + channel + " after "
                            + newestSequenced[channel]);
                }
                newestSequenced[channel] = sequence;
            }
            default -> {
            }
        }
    }

    /** Reliable messages sent but not (yet) delivered, described; empty when everything arrived. */
    List<String> missingReliable() {
        List<String> missing = new ArrayList<>();
        for (int channel = 0; channel < modes.size(); channel++) {
            if (!modes.get(channel).isReliable()) {
                continue;
            }
            int traffic = sentTraffic[channel] - receivedTraffic[channel].cardinality();
            int proof = sentProof[channel] - receivedProof[channel].cardinality();
            if (traffic != 0 || proof != 0) {
                missing.add(name + " channel " + channel + ": " + traffic + " of " + sentTraffic[channel]
                        + " traffic and " + proof + " of " + sentProof[channel] + " proof messages missing; first "
                        + firstMissing(receivedTraffic[channel], sentTraffic[channel]));
            }
        }
        return missing;
    }

    private static List<Integer> firstMissing(BitSet received, int sent) {
        List<Integer> missing = new ArrayList<>();
        for (int sequence = received.nextClearBit(0); sequence < sent && missing.size() < 5;
             sequence = received.nextClearBit(sequence + 1)) {
            missing.add(sequence);
        }
        return missing;
    }

    /** Whether every proof message sent on a reliable channel arrived. */
    boolean proofComplete() {
        for (int channel = 0; channel < modes.size(); channel++) {
            if (modes.get(channel).isReliable() && receivedProof[channel].cardinality() != sentProof[channel]) {
                return false;
            }
        }
        return true;
    }

    long anomalyCount() {
        return anomalyCount;
    }

    List<String> anomalies() {
        return anomalies;
    }

    long delivered() {
        return delivered;
    }

    String name() {
        return name;
    }

    private void anomaly(String what) {
        anomalyCount++;
        if (anomalies.size() < ANOMALIES_KEPT) {
            anomalies.add(name + ": " + what);
        }
    }
}
