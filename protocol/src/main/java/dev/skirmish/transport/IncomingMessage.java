package dev.skirmish.transport;

import java.nio.ByteBuffer;

/** A received message, complete or still being reassembled from fragments. Recycled by {@link DeliveryQueue}. */
final class IncomingMessage {
    int channel;
    long sequence;
    boolean reliable;
    byte[] data;
    ByteBuffer view;
    int length;
    int fragmentSize;
    int fragmentCount;
    final FragmentSet received = new FragmentSet();
    /** What this message holds of the flow-control window (reliable) or the unreliable buffer budget. */
    long budgetBytes;

    boolean complete() {
        return received.size() == fragmentCount;
    }

    /** Copies one fragment (or the whole message, index 0 of 1) into place; false if it was already here. */
    boolean store(int index, ByteBuffer source, int offset, int fragmentLength) {
        if (!received.add(index)) {
            return false;
        }
        source.get(offset, data, index * fragmentSize, fragmentLength);
        return true;
    }
}
