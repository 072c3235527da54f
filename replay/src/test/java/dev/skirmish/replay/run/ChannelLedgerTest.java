package dev.skirmish.replay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.replay.analysis.Direction;
import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.transport.DeliveryMode;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The ledger tells exact delivery from duplicates, reordering, loss and strangers. */
class ChannelLedgerTest {

    private static RecoveredMessage message(int sequence, byte... payload) {
        return new RecoveredMessage(0, Direction.CLIENT_TO_SERVER, 0, sequence, sequence * 1000L, payload);
    }

    @Test
    void countsDuplicatesReorderingAndForeignDeliveries() {
        ChannelLedger ledger = new ChannelLedger(DeliveryMode.RELIABLE_ORDERED);
        ledger.add(message(0, (byte) 1), 10);
        ledger.add(message(1, (byte) 2), 20);
        ledger.add(message(2, (byte) 3), 30);
        ledger.delivered(ByteBuffer.wrap(new byte[] {2}), 50);
        ledger.delivered(ByteBuffer.wrap(new byte[] {1}), 60);
        ledger.delivered(ByteBuffer.wrap(new byte[] {1}), 70);
        ledger.delivered(ByteBuffer.wrap(new byte[] {9}), 80);
        assertEquals(1, ledger.outOfOrder);
        assertEquals(1, ledger.duplicates);
        assertEquals(1, ledger.foreign);
        assertFalse(ledger.allDelivered());
        assertEquals(30, ledger.entries.get(1).firstDeliveryNanos - ledger.entries.get(1).scheduledNanos);
    }

    @Test
    void equalPayloadsAreMatchedInSendingOrder() {
        ChannelLedger ledger = new ChannelLedger(DeliveryMode.RELIABLE_ORDERED);
        ledger.add(message(0, (byte) 7), 10);
        ledger.add(message(1, (byte) 7), 20);
        ledger.delivered(ByteBuffer.wrap(new byte[] {7}), 40);
        ledger.delivered(ByteBuffer.wrap(new byte[] {7}), 41);
        assertTrue(ledger.allDelivered());
        assertEquals(0, ledger.outOfOrder);
        assertEquals(0, ledger.duplicates);
        assertEquals(40, ledger.entries.get(0).firstDeliveryNanos);
    }

    @Test
    void percentileIsNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, ReplayRun.percentile(sorted, 50));
        assertEquals(10, ReplayRun.percentile(sorted, 99));
        assertEquals(0, ReplayRun.percentile(new long[0], 50));
    }
}
