package dev.skirmish.transport.udp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The messages one side of a test sends, in order, and how far it has got. {@link #sendSome} offers
 * them one after another until the sender refuses one (backpressure), which is counted and offered
 * again next time, so the plan is sent exactly once and in order whatever the refusals.
 */
final class SendPlan {

    /** Where a plan's messages go: a {@code Connection} directly, or a {@link NetworkThread}. */
    @FunctionalInterface
    interface Sender {
        /** Whether the message was taken; false means "full, try again later". */
        boolean send(int channel, byte[] payload);
    }

    /** One planned message. */
    record Message(int channel, byte[] payload) {
    }

    private final List<Message> messages = new ArrayList<>();
    private int next;
    private int refusals;

    /** Appends {@code count} numbered messages on {@code channel}, sequences 0.., lengths drawn from {@code random}. */
    SendPlan add(int channel, int count, int maxLengthBytes, SplittableRandom random) {
        for (int sequence = 0; sequence < count; sequence++) {
            int length = NumberedPayload.HEADER_BYTES + random.nextInt(maxLengthBytes - NumberedPayload.HEADER_BYTES + 1);
            add(channel, NumberedPayload.of(channel, sequence, length));
        }
        return this;
    }

    /** Appends {@code count} numbered messages of {@code lengthBytes} each on {@code channel}, sequences 0... */
    SendPlan addOfLength(int channel, int count, int lengthBytes) {
        for (int sequence = 0; sequence < count; sequence++) {
            add(channel, NumberedPayload.of(channel, sequence, lengthBytes));
        }
        return this;
    }

    /**
     * Game-like traffic, interleaved: {@code ordered}, {@code unordered} and {@code sequenced} messages
     * on channels 0, 1 and 2 of the default configuration, lengths drawn from {@code random}.
     */
    static SendPlan mixed(int ordered, int unordered, int sequenced, SplittableRandom random) {
        return new SendPlan()
                .add(0, ordered, 300, random)
                .add(1, unordered, 300, random)
                .add(2, sequenced, 100, random)
                .interleaved();
    }

    SendPlan add(int channel, byte[] payload) {
        messages.add(new Message(channel, payload));
        return this;
    }

    /**
     * Interleaves the plan so channels take turns (message i of each channel, then i + 1, ...), keeping
     * each channel's own order: traffic on several channels at once, as a game sends it.
     */
    SendPlan interleaved() {
        List<List<Message>> byChannel = new ArrayList<>();
        for (Message message : messages) {
            while (byChannel.size() <= message.channel()) {
                byChannel.add(new ArrayList<>());
            }
            byChannel.get(message.channel()).add(message);
        }
        List<Message> mixed = new ArrayList<>();
        for (int i = 0; mixed.size() < messages.size(); i++) {
            for (List<Message> channel : byChannel) {
                if (i < channel.size()) {
                    mixed.add(channel.get(i));
                }
            }
        }
        messages.clear();
        messages.addAll(mixed);
        return this;
    }

    /** Sends the next messages until one is refused or the plan is done; returns how many went. */
    int sendSome(Sender sender) {
        return sendSome(sender, Integer.MAX_VALUE);
    }

    /** Sends at most {@code limit} of the next messages, stopping early at a refusal. */
    int sendSome(Sender sender, int limit) {
        int sent = 0;
        while (sent < limit && next < messages.size()) {
            Message message = messages.get(next);
            if (!sender.send(message.channel(), message.payload())) {
                refusals++;
                break;
            }
            next++;
            sent++;
        }
        return sent;
    }

    boolean isDone() {
        return next == messages.size();
    }

    /** Messages taken so far. */
    int sent() {
        return next;
    }

    /** Times the sender refused a message. */
    int refusals() {
        return refusals;
    }

    /** The planned payloads on {@code channel}, in order. */
    List<byte[]> payloads(int channel) {
        List<byte[]> payloads = new ArrayList<>();
        for (Message message : messages) {
            if (message.channel() == channel) {
                payloads.add(message.payload());
            }
        }
        return payloads;
    }
}
