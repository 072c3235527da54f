package dev.skirmish.transport;

/**
 * What we remember about an ack-eliciting packet until it is acknowledged or declared lost: when it
 * left, its size, and the reliable pieces it carried (message fragments by reference and
 * generation, the MAX_DATA value, the largest packet number its ACK frame reported). Records are
 * recycled; the arrays grow to the busiest packet seen and are then reused.
 */
final class SentPacket {
    long packetNumber;
    long timeSentNanos;
    int sizeBytes;
    /** Largest packet number in the ACK frame this packet carried, or -1. */
    long largestAckReported;
    /** MAX_DATA value this packet carried, or -1. */
    long maxDataSent;

    OutgoingMessage[] messages = new OutgoingMessage[8];
    int[] generations = new int[8];
    int[] fragments = new int[8];
    int messageCount;

    void reset(long packetNumber, long timeSentNanos) {
        this.packetNumber = packetNumber;
        this.timeSentNanos = timeSentNanos;
        this.sizeBytes = 0;
        this.largestAckReported = -1;
        this.maxDataSent = -1;
        for (int i = 0; i < messageCount; i++) {
            messages[i] = null;
        }
        this.messageCount = 0;
    }

    void addFragment(OutgoingMessage message, int fragment) {
        if (messageCount == messages.length) {
            int capacity = messages.length * 2;
            messages = java.util.Arrays.copyOf(messages, capacity);
            generations = java.util.Arrays.copyOf(generations, capacity);
            fragments = java.util.Arrays.copyOf(fragments, capacity);
        }
        messages[messageCount] = message;
        generations[messageCount] = message.generation;
        fragments[messageCount] = fragment;
        messageCount++;
    }
}
