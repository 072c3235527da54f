package dev.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveChannelTest {
    private static final int WINDOW_MESSAGES = 64;
    private static final int MAX_MESSAGE = 1000;

    private final DeliveryQueue queue = new DeliveryQueue(new ByteArrayPool(1 << 20), 10_000, 2_000);

    private ReceiveChannel channel(DeliveryMode mode) {
        return new ReceiveChannel(0, mode, queue, WINDOW_MESSAGES, MAX_MESSAGE);
    }

    private static ByteBuffer payload(long sequence) {
        return ByteBuffer.wrap(("m" + sequence).getBytes());
    }

    private static DropReason deliver(ReceiveChannel channel, long sequence) {
        ByteBuffer bytes = payload(sequence);
        return channel.onMessage(sequence, bytes, 0, bytes.remaining());
    }

    private List<String> drained() {
        List<String> out = new ArrayList<>();
        queue.drain(null, (connection, ch, buffer) -> {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            out.add(new String(copy));
        }, Integer.MAX_VALUE);
        return out;
    }

    @Test
    void reliableOrderedHoldsBackUntilTheGapFills() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        assertNull(deliver(ordered, 1));
        assertNull(deliver(ordered, 2));
        assertEquals(List.of(), drained());
        assertNull(deliver(ordered, 0));
        assertEquals(List.of("m0", "m1", "m2"), drained());
    }

    @Test
    void reliableOrderedSuppressesDuplicatesBeforeAndAfterDelivery() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        deliver(ordered, 1);
        deliver(ordered, 1);
        deliver(ordered, 0);
        deliver(ordered, 0);
        assertEquals(List.of("m0", "m1"), drained());
        assertEquals(2, queue.duplicateMessages);
    }

    @Test
    void reliableOrderedRefusesMessagesBeyondTheWindow() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        assertEquals(DropReason.BEYOND_CHANNEL_WINDOW, deliver(ordered, WINDOW_MESSAGES));
        assertNull(deliver(ordered, WINDOW_MESSAGES - 1));
    }

    @Test
    void reliableUnorderedDeliversOnArrivalExactlyOnce() {
        ReceiveChannel unordered = channel(DeliveryMode.RELIABLE_UNORDERED);
        deliver(unordered, 2);
        deliver(unordered, 0);
        deliver(unordered, 2);
        deliver(unordered, 1);
        deliver(unordered, 0);
        assertEquals(List.of("m2", "m0", "m1"), drained());
    }

    @Test
    void dropsStaleSequencedMessage() {
        ReceiveChannel sequenced = channel(DeliveryMode.UNRELIABLE_SEQUENCED);
        deliver(sequenced, 5);
        deliver(sequenced, 3);
        deliver(sequenced, 5);
        deliver(sequenced, 7);
        assertEquals(List.of("m5", "m7"), drained());
        assertEquals(2, queue.staleMessages);
        assertEquals(2, sequenced.staleMessages);
    }

    @Test
    void unreliableDeliversInArrivalOrder() {
        ReceiveChannel unreliable = channel(DeliveryMode.UNRELIABLE);
        deliver(unreliable, 5);
        deliver(unreliable, 3);
        assertEquals(List.of("m5", "m3"), drained());
    }

    @Test
    void reassemblesFragmentsArrivingInAnyOrder() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        byte[] message = "abcdefghij".getBytes();
        ByteBuffer source = ByteBuffer.wrap(message);
        assertNull(ordered.onFragment(0, 10, 4, 2, source, 8, 2));
        assertNull(ordered.onFragment(0, 10, 4, 0, source, 0, 4));
        assertEquals(List.of(), drained());
        assertNull(ordered.onFragment(0, 10, 4, 1, source, 4, 4));
        assertEquals(List.of("abcdefghij"), drained());
    }

    @Test
    void refusesFragmentsThatDisagreeAboutTheMessage() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        ByteBuffer source = ByteBuffer.wrap(new byte[16]);
        assertNull(ordered.onFragment(0, 10, 4, 0, source, 0, 4));
        assertEquals(DropReason.MALFORMED_FRAME, ordered.onFragment(0, 12, 4, 1, source, 4, 4));
    }

    @Test
    void refusesMessagesLargerThanTheLimit() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        ByteBuffer source = ByteBuffer.wrap(new byte[MAX_MESSAGE + 1]);
        assertEquals(DropReason.MESSAGE_TOO_LARGE, ordered.onMessage(0, source, 0, MAX_MESSAGE + 1));
        assertEquals(DropReason.MESSAGE_TOO_LARGE, ordered.onFragment(0, MAX_MESSAGE + 1, 100, 0, source, 0, 100));
    }

    @Test
    void reliableMessagesBeyondTheFlowControlWindowAreAViolation() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_UNORDERED);
        ByteBuffer big = ByteBuffer.wrap(new byte[MAX_MESSAGE]);
        int accepted = 0;
        DropReason result = null;
        while (result == null) {
            result = ordered.onMessage(accepted, big, 0, MAX_MESSAGE);
            accepted++;
        }
        assertEquals(DropReason.FLOW_CONTROL_VIOLATION, result);
        assertEquals(10_000 / TransportConfig.flowCost(MAX_MESSAGE), accepted - 1);
        drained();
        assertEquals(DropReason.FLOW_CONTROL_VIOLATION, ordered.onMessage(accepted - 1, big, 0, MAX_MESSAGE),
                "consumed room counts only once it has been advertised");
        queue.advertisedLimit();
        assertNull(ordered.onMessage(accepted - 1, big, 0, MAX_MESSAGE), "consuming, then advertising, frees the window");
    }

    @Test
    void unreliableMessagesBeyondTheBudgetAreDroppedAndCounted() {
        ReceiveChannel unreliable = channel(DeliveryMode.UNRELIABLE);
        ByteBuffer big = ByteBuffer.wrap(new byte[MAX_MESSAGE]);
        for (int i = 0; i < 5; i++) {
            assertNull(unreliable.onMessage(i, big, 0, MAX_MESSAGE));
        }
        assertEquals(2, drained().size());
        assertEquals(3, queue.bufferFullDrops);
    }

    @Test
    void evictsTheOldestPartialUnreliableMessage() {
        ReceiveChannel unreliable = channel(DeliveryMode.UNRELIABLE);
        ByteBuffer source = ByteBuffer.wrap(new byte[100]);
        for (int sequence = 0; sequence <= ReceiveChannel.UNRELIABLE_PARTIALS; sequence++) {
            assertNull(unreliable.onFragment(sequence, 20, 10, 0, source, 0, 10));
        }
        assertEquals(1, queue.bufferFullDrops);
        assertNull(unreliable.onFragment(0, 20, 10, 1, source, 10, 10));
        assertEquals(0, drained().size(), "message 0 was evicted, its second half alone completes nothing");
        assertNull(unreliable.onFragment(4, 20, 10, 1, source, 10, 10));
        assertEquals(1, drained().size());
    }

    @Test
    void growsItsSlotsWithoutLosingHeldMessages() {
        ReceiveChannel ordered = channel(DeliveryMode.RELIABLE_ORDERED);
        for (long sequence = WINDOW_MESSAGES - 1; sequence >= 1; sequence--) {
            assertNull(deliver(ordered, sequence));
        }
        assertNull(deliver(ordered, 0));
        List<String> out = drained();
        assertEquals(WINDOW_MESSAGES, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals("m" + i, out.get(i));
        }
    }
}
