package dev.skirmish.transport;

/**
 * A message queued on a send channel: its bytes (a pooled copy of what the application gave), and
 * for each fragment whether it was sent, acknowledged, or is waiting to be sent again.
 *
 * <p>Objects are recycled. Sent-packet records refer to a message by object and {@link #generation};
 * recycling bumps the generation, so a late acknowledgement for a recycled message is recognised as
 * stale instead of corrupting the message that now occupies the object.
 */
final class OutgoingMessage {
    int channel;
    long sequence;
    boolean reliable;
    byte[] data;
    int length;
    /** Payload bytes per fragment, or 0 when the message travels whole in one MESSAGE frame. */
    int fragmentSize;
    int fragmentCount;
    int generation;
    /** Fragments below this index have been sent at least once. */
    int nextFragmentToSend;
    final FragmentSet acked = new FragmentSet();
    final FragmentSet awaitingRetransmission = new FragmentSet();
    boolean queuedForRetransmission;
    /** The payload's flow-control cost has been charged (on first transmission of a reliable message). */
    boolean flowCharged;

    void reset(int channel, long sequence, boolean reliable, byte[] data, int length, int fragmentSize) {
        this.channel = channel;
        this.sequence = sequence;
        this.reliable = reliable;
        this.data = data;
        this.length = length;
        this.fragmentSize = fragmentSize;
        this.fragmentCount = fragmentSize == 0 ? 1 : (length + fragmentSize - 1) / fragmentSize;
        this.nextFragmentToSend = 0;
        this.acked.reset(fragmentCount);
        this.awaitingRetransmission.reset(fragmentCount);
        this.queuedForRetransmission = false;
        this.flowCharged = false;
    }

    boolean isFragmented() {
        return fragmentSize != 0;
    }

    boolean fullyAcked() {
        return acked.size() == fragmentCount;
    }

    boolean fullySentOnce() {
        return nextFragmentToSend == fragmentCount;
    }

    /** Payload bytes of fragment {@code index}. */
    int fragmentLength(int index) {
        if (fragmentSize == 0) {
            return length;
        }
        return Math.min(fragmentSize, length - index * fragmentSize);
    }
}
