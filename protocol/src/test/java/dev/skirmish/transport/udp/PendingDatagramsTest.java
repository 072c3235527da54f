package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PendingDatagramsTest {

    private static final InetSocketAddress A = InetSocketAddress.createUnresolved("a", 1);
    private static final InetSocketAddress B = InetSocketAddress.createUnresolved("b", 2);

    @Test
    void handsDatagramsBackInOrderWithTheirDestinations() {
        PendingDatagrams pending = new PendingDatagrams(4);
        pending.offer(A, datagram(1, 2, 3));
        pending.offer(B, datagram(4));

        assertSame(A, pending.headDestination());
        assertEquals(datagram(1, 2, 3), pending.headDatagram());
        pending.removeHead();
        assertSame(B, pending.headDestination());
        assertEquals(datagram(4), pending.headDatagram());
        pending.removeHead();
        assertTrue(pending.isEmpty());
    }

    @Test
    void refusesBeyondItsCapacity() {
        PendingDatagrams pending = new PendingDatagrams(2);
        assertTrue(pending.offer(A, datagram(1)));
        assertTrue(pending.offer(A, datagram(2)));
        assertFalse(pending.offer(A, datagram(3)));
        assertEquals(2, pending.size());
        assertFalse(new PendingDatagrams(0).offer(A, datagram(1)), "capacity 0 holds nothing");
    }

    @Test
    void copiesTheRemainingBytesAndLeavesTheSourceUntouched() {
        PendingDatagrams pending = new PendingDatagrams(1);
        ByteBuffer source = datagram(9, 8, 7, 6);
        source.position(1);

        pending.offer(A, source);
        source.put(1, (byte) 0);

        assertEquals(1, source.position());
        assertEquals(datagram(8, 7, 6), pending.headDatagram());
    }

    @Test
    void reusesSlotBuffersOnceWarm() {
        PendingDatagrams pending = new PendingDatagrams(2);
        pending.offer(A, datagram(1));
        ByteBuffer firstSlot = pending.headDatagram();
        pending.removeHead();
        pending.offer(A, datagram(2));
        pending.removeHead();

        pending.offer(B, datagram(3, 3));

        assertSame(firstSlot, pending.headDatagram(), "the ring came round to the first slot and reused it");
        assertEquals(datagram(3, 3), pending.headDatagram());
    }

    @Test
    void growsASlotForALongDatagram() {
        PendingDatagrams pending = new PendingDatagrams(1);
        pending.offer(A, datagram(1));
        pending.removeHead();
        ByteBuffer jumbo = ByteBuffer.allocate(60_000);
        jumbo.put(59_999, (byte) 5);

        pending.offer(A, jumbo);

        assertEquals(60_000, pending.headDatagram().remaining());
        assertEquals(5, pending.headDatagram().get(59_999));
    }

    @Test
    void refusesToReadAnEmptyQueue() {
        PendingDatagrams pending = new PendingDatagrams(1);
        assertThrows(IllegalStateException.class, pending::headDatagram);
        assertThrows(IllegalStateException.class, pending::removeHead);
    }

    private static ByteBuffer datagram(int... bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int b : bytes) {
            buffer.put((byte) b);
        }
        return buffer.flip();
    }
}
