package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Found by {@link EndpointFuzzTest}: a FRAGMENT frame whose fragment size is at least 2^31 minus its
 * message length passes {@code FrameReader} (index 0 starts inside the message, and the payload is
 * the whole message), but the receiver's fragment count, computed in int arithmetic as
 * {@code (length + fragmentSize - 1) / fragmentSize}, overflows to 0 or -1: the message can never
 * complete. It is held for good, charged against the flow-control window, and the genuine message
 * with that sequence is then refused as malformed on every retransmission.
 */
@Timeout(10)
class FragmentLargerThanItsMessageTest {

    @Test
    void aFragmentAsLargeAsItsWholeMessageDeliversIt() {
        assertDeliveredOrRefusedNeverHeld(100);
    }

    @Test
    void aFragmentSizeNearTheIntLimitDeliversTheMessageOrIsRefusedButIsNeverHeld() {
        assertDeliveredOrRefusedNeverHeld(Integer.MAX_VALUE);
    }

    private static void assertDeliveredOrRefusedNeverHeld(long fragmentSize) {
        ForgeryBench bench = new ForgeryBench(TransportConfig.internet());
        // One fragment, index 0, carrying a whole 10-byte message on the reliable-ordered channel,
        // racing the client's next packet so that it arrives with a fresh packet number.
        bench.raceNextClientPacket(packetNumber -> ForgeryBench.fragment(0, 0, 10, fragmentSize, 0, 10));
        bench.clientConnection.send(3, ForgeryBench.message(3, 0, 20));
        bench.runFor(100 * ForgeryBench.MS);

        boolean delivered = bench.serverReceived.stream().anyMatch(message -> (int) message[0] == 0);
        boolean refused = bench.server.stats().drops(DropReason.MALFORMED_FRAME) > 0;
        assertTrue(delivered || refused, "the fragment was neither delivered nor refused; server " + bench.server.stats());
        assertEquals(0, bench.serverConnection.stats().heldMessages(), bench.serverConnection.stats().toString());
    }
}
