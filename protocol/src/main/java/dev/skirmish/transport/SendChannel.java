package dev.skirmish.transport;

import java.util.ArrayDeque;

/**
 * One channel's outgoing side: messages waiting for their first transmission, reliable messages
 * waiting for acknowledgement (in sequence order), and those with fragments to send again.
 *
 * <p>Bounded: the bytes of messages not yet acknowledged (reliable) or not yet sent (unreliable)
 * never exceed the channel's send buffer; {@link Connection#send} refuses beyond that. A reliable
 * channel also never runs more than the channel window ahead of its oldest unacknowledged message,
 * which is what lets the receiver track the window in fixed memory.
 */
final class SendChannel {
    final int id;
    final DeliveryMode mode;
    final ArrayDeque<OutgoingMessage> unsent = new ArrayDeque<>();
    final ArrayDeque<OutgoingMessage> unacked = new ArrayDeque<>();
    final ArrayDeque<OutgoingMessage> retransmissions = new ArrayDeque<>();
    private final int sendBufferBytes;
    private final int windowMessages;
    long nextSequence;
    long queuedBytes;
    /** Bytes of this channel's message and fragment frames written into packets, headers included. */
    long frameBytesSent;
    /** Fragments of this channel's messages sent again after loss or a probe timeout. */
    long retransmittedFragments;

    SendChannel(int id, DeliveryMode mode, int sendBufferBytes, int windowMessages) {
        this.id = id;
        this.mode = mode;
        this.sendBufferBytes = sendBufferBytes;
        this.windowMessages = windowMessages;
    }

    boolean hasRoomFor(int length) {
        return queuedBytes + length <= sendBufferBytes;
    }

    /** Whether the next unsent message may start now without exceeding the channel window. */
    boolean windowAllowsNext() {
        OutgoingMessage next = unsent.peekFirst();
        if (next == null) {
            return false;
        }
        if (!mode.isReliable() || next.nextFragmentToSend > 0) {
            return true;
        }
        OutgoingMessage oldest = unacked.peekFirst();
        return oldest == null || next.sequence - oldest.sequence < windowMessages;
    }

    boolean hasRetransmissions() {
        return !retransmissions.isEmpty();
    }

    boolean isIdle() {
        return unsent.isEmpty() && unacked.isEmpty();
    }
}
