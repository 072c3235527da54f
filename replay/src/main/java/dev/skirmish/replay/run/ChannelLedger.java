package dev.skirmish.replay.run;

import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.transport.DeliveryMode;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was sent on one channel of one connection in one direction during a replay, and what of it
 * arrived. A delivered message is matched to the earliest message still undelivered with the same
 * bytes (payloads with equal bytes are interchangeable, so this never misjudges order); a delivery
 * that matches only messages already delivered is a duplicate, one that matches nothing is foreign.
 */
final class ChannelLedger {
    /** One message of the capture, as scheduled in the replay. */
    static final class Entry {
        final RecoveredMessage message;
        final long scheduledNanos;
        long firstDeliveryNanos = -1;
        int deliveries;

        Entry(RecoveredMessage message, long scheduledNanos) {
            this.message = message;
            this.scheduledNanos = scheduledNanos;
        }
    }

    final DeliveryMode mode;
    final List<Entry> entries = new ArrayList<>();
    private final Map<ByteBuffer, ArrayDeque<Integer>> undeliveredByContent = new HashMap<>();
    private final Map<ByteBuffer, Integer> deliveredByContent = new HashMap<>();
    private int lastDeliveredIndex = -1;
    long duplicates;
    long outOfOrder;
    long foreign;
    final List<Entry> outOfOrderEntries = new ArrayList<>();

    ChannelLedger(DeliveryMode mode) {
        this.mode = mode;
    }

    /** Adds a message to be sent at {@code scheduledNanos}; returns its entry. */
    Entry add(RecoveredMessage message, long scheduledNanos) {
        Entry entry = new Entry(message, scheduledNanos);
        undeliveredByContent.computeIfAbsent(ByteBuffer.wrap(message.payload()), k -> new ArrayDeque<>())
                .add(entries.size());
        entries.add(entry);
        return entry;
    }

    /** Records a delivery of {@code payload} at {@code nowNanos}. */
    void delivered(ByteBuffer payload, long nowNanos) {
        ArrayDeque<Integer> candidates = undeliveredByContent.get(payload);
        if (candidates == null || candidates.isEmpty()) {
            if (deliveredByContent.containsKey(payload)) {
                duplicates++;
                entries.get(deliveredByContent.get(payload)).deliveries++;
            } else {
                foreign++;
            }
            return;
        }
        int index = candidates.poll();
        Entry entry = entries.get(index);
        entry.deliveries++;
        entry.firstDeliveryNanos = nowNanos;
        deliveredByContent.put(ByteBuffer.wrap(entry.message.payload()), index);
        if (index < lastDeliveredIndex) {
            outOfOrder++;
            outOfOrderEntries.add(entry);
        }
        lastDeliveredIndex = Math.max(lastDeliveredIndex, index);
    }

    boolean allDelivered() {
        for (Entry entry : entries) {
            if (entry.deliveries == 0) {
                return false;
            }
        }
        return true;
    }
}
