package dev.skirmish.bench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    @Test
    void countsDuplicatesAndMessagesArrivingAfterAHigherOne() {
        DeliveryCheck check = new DeliveryCheck(0, 16);
        check.accept(0, 0, 10);
        check.accept(2, 0, 10);
        check.accept(1, 0, 10);
        check.accept(2, 0, 10);
        check.accept(3, 0, 10);
        assertEquals(4, check.delivered());
        assertEquals(1, check.duplicates());
        assertEquals(1, check.misordered());
    }

    @Test
    void gapsAloneAreNotMisordering() {
        DeliveryCheck check = new DeliveryCheck(0, 16);
        check.accept(0, 0, 1);
        check.accept(5, 0, 1);
        check.accept(9, 0, 1);
        assertEquals(3, check.delivered());
        assertEquals(0, check.misordered());
    }

    @Test
    void recordsLatencyOnlyAfterTheWarmup() {
        DeliveryCheck check = new DeliveryCheck(2, 16);
        check.accept(0, 100, 1_000_100);
        check.accept(1, 100, 1_000_100);
        check.accept(2, 100, 5_100);
        assertEquals(1, check.latency().count());
        assertEquals(5_000, check.latency().maxNanos());
        assertEquals(5_100, check.lastDeliveryNanos());
    }

    @Test
    void aWarmUpEndedLaterMeasuresOnlyWhatFollows() {
        DeliveryCheck check = new DeliveryCheck(Long.MAX_VALUE, 16);
        check.accept(0, 0, 9_000);
        check.accept(2, 0, 9_000);
        check.measureFrom(3);
        check.accept(1, 0, 9_000);
        check.accept(3, 0, 400);
        check.accept(5, 0, 600);
        assertEquals(5, check.delivered());
        assertEquals(2, check.deliveredFrom(3));
        assertEquals(3, check.deliveredFrom(2));
        assertEquals(2, check.latency().count());
        assertEquals(600, check.latency().maxNanos());
    }

    @Test
    void readsTheStampAtTheBufferPosition() {
        byte[] message = new byte[32];
        MessageStamp.write(message, 7, 1_234);
        ByteBuffer buffer = ByteBuffer.allocate(40);
        buffer.position(4);
        buffer.put(message).position(4);
        DeliveryCheck check = new DeliveryCheck(0, 16);
        check.accept(buffer, 2_234);
        assertEquals(1, check.delivered());
        assertEquals(1_000, check.latency().maxNanos());
        assertEquals(4, buffer.position());
    }

    @Test
    void refusesACorruptSequence() {
        DeliveryCheck check = new DeliveryCheck(0, 16);
        assertThrows(IllegalStateException.class, () -> check.accept(-1, 0, 0));
    }
}
