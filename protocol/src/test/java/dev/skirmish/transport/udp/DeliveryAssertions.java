package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** The delivery promises of each channel mode, checked on {@link NumberedPayload}s. */
final class DeliveryAssertions {

    private DeliveryAssertions() {
    }

    /** Reliable-ordered: every sent message arrived exactly once, in order, intact. */
    static void assertInOrderExactlyOnce(List<byte[]> sent, List<byte[]> received, Supplier<String> context) {
        assertEquals(sent.size(), received.size(), () -> "message count; " + context.get());
        for (int i = 0; i < sent.size(); i++) {
            int index = i;
            assertArrayEquals(sent.get(i), received.get(i), () -> "message " + index + " out of place or damaged (got "
                    + describe(received.get(index)) + "); " + context.get());
        }
    }

    /** Reliable-unordered: every sent message arrived exactly once, intact, in any order. */
    static void assertExactlyOnce(List<byte[]> sent, List<byte[]> received, Supplier<String> context) {
        List<byte[]> sorted = new ArrayList<>(received);
        sorted.sort(Comparator.comparingInt(NumberedPayload::sequenceOf));
        assertInOrderExactlyOnce(sent, sorted, context);
    }

    /** Unreliable-sequenced: whatever arrived is intact, no message twice and never an older one after a newer. */
    static void assertNeverBackwards(List<byte[]> received, Supplier<String> context) {
        int previous = -1;
        for (byte[] payload : received) {
            assertTrue(NumberedPayload.isIntact(payload), () -> "damaged " + describe(payload) + "; " + context.get());
            int sequence = NumberedPayload.sequenceOf(payload);
            if (sequence <= previous) {
                fail("sequenced channel went from " + previous + " back to " + sequence + "; " + context.get());
            }
            previous = sequence;
        }
    }

    private static String describe(byte[] payload) {
        return payload.length < NumberedPayload.HEADER_BYTES ? payload.length + " bytes"
                : "channel " + NumberedPayload.channelOf(payload) + " #" + NumberedPayload.sequenceOf(payload)
                        + " of " + payload.length + " bytes" + (NumberedPayload.isIntact(payload) ? "" : " (damaged)");
    }
}
