package dev.skirmish.transport.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final int MAX_DATAGRAM = 1_200;
    private static final int BURST_DATAGRAMS = 10;
    /**
     * 120000 bytes over 100 ms: rate = 1.25 * 120000 / 0.1 s = 1.5 MB/s, so one 1200-byte datagram
     * every 0.8 ms; the bucket holds max(10 * 1200, 1500 bytes per ms) = 12000 bytes = 8 ms.
     */
    private static final long WINDOW = 120_000;
    private static final long RTT_MICROS = 100_000;
    private static final long SPACING_NANOS = 800_000;

    private final Pacer pacer = new Pacer(MAX_DATAGRAM, BURST_DATAGRAMS);

    @Test
    void computesRateAndCapacity() {
        assertEquals(1_500_000, Pacer.rateBytesPerSecond(WINDOW, RTT_MICROS));
        assertEquals(12_000, pacer.capacityBytes(WINDOW, RTT_MICROS));
        assertEquals(Long.MAX_VALUE, Pacer.rateBytesPerSecond(Long.MAX_VALUE, RTT_MICROS));
    }

    @Test
    void sendsBurstThenSpacesAtPacingRate() {
        assertEquals(BURST_DATAGRAMS, sendWhileAllowed(0, WINDOW, RTT_MICROS));

        long next = pacer.nextSendTimeNanos(0, MAX_DATAGRAM, WINDOW, RTT_MICROS);
        assertEquals(SPACING_NANOS, next);
        for (int datagram = 0; datagram < 100; datagram++) {
            assertEquals(next, pacer.nextSendTimeNanos(next, MAX_DATAGRAM, WINDOW, RTT_MICROS));
            pacer.onPacketSent(next, MAX_DATAGRAM, WINDOW, RTT_MICROS);
            long following = pacer.nextSendTimeNanos(next, MAX_DATAGRAM, WINDOW, RTT_MICROS);
            assertEquals(next + SPACING_NANOS, following, "datagram " + datagram);
            next = following;
        }
    }

    @Test
    void delayReflectsDatagramSize() {
        sendWhileAllowed(0, WINDOW, RTT_MICROS);

        // 300 bytes take a quarter of the 1200-byte spacing.
        assertEquals(200_000, pacer.nextSendTimeNanos(0, 300, WINDOW, RTT_MICROS));
        assertEquals(0, pacer.nextSendTimeNanos(0, 0, WINDOW, RTT_MICROS));
    }

    @Test
    void refillsOverTimeUpToCapacity() {
        sendWhileAllowed(0, WINDOW, RTT_MICROS);

        // 4 ms at 0.8 ms per datagram refills five of them.
        assertEquals(5, sendWhileAllowed(4_000_000, WINDOW, RTT_MICROS));
        assertEquals(4_800_000, pacer.nextSendTimeNanos(4_000_000, MAX_DATAGRAM, WINDOW, RTT_MICROS));

        // A long idle period refills no more than the bucket holds.
        assertEquals(BURST_DATAGRAMS, sendWhileAllowed(10_000_000_000L, WINDOW, RTT_MICROS));
    }

    @Test
    void bucketHoldsOneMillisecondAtHighRates() {
        // 1.25 * 1200000 / 10 ms = 150 MB/s = 150000 bytes per ms = 125 datagrams, more than the burst.
        long window = 1_200_000;
        long rttMicros = 10_000;
        assertEquals(150_000, pacer.capacityBytes(window, rttMicros));

        assertEquals(125, sendWhileAllowed(0, window, rttMicros));
        // 1200 bytes at 150 bytes per µs: 8 µs.
        assertEquals(8_000, pacer.nextSendTimeNanos(0, MAX_DATAGRAM, window, rttMicros));
    }

    @Test
    void unlimitedWindowNeverDelays() {
        for (int datagram = 0; datagram < 10_000; datagram++) {
            assertEquals(0, pacer.nextSendTimeNanos(0, MAX_DATAGRAM, Long.MAX_VALUE, RTT_MICROS));
            pacer.onPacketSent(0, MAX_DATAGRAM, Long.MAX_VALUE, RTT_MICROS);
        }
        // Once a window applies again, the bucket starts full.
        assertEquals(BURST_DATAGRAMS, sendWhileAllowed(1_000, WINDOW, RTT_MICROS));
    }

    @Test
    void oversizedDatagramGoesFromFullBucketAndLeavesDebt() {
        // Window 2400 over 100 ms: 1200 bytes take 40 ms; the bucket (2 datagrams) holds 80 ms.
        Pacer small = new Pacer(MAX_DATAGRAM, 2);
        long window = 2_400;

        assertEquals(0, small.nextSendTimeNanos(0, 5_000, window, RTT_MICROS));
        small.onPacketSent(0, 5_000, window, RTT_MICROS);

        // 5000 bytes cost 5000 * 800 * 100000 / 2400 = 166666666 ns of an 80 ms bucket: 86666666 ns of
        // debt, plus 40 ms for the next 1200 bytes.
        assertEquals(126_666_666, small.nextSendTimeNanos(0, MAX_DATAGRAM, window, RTT_MICROS));
    }

    @Test
    void smallerWindowSpendsSavedCreditAtTheNewRate() {
        sendWhileAllowed(0, WINDOW, RTT_MICROS);
        pacer.nextSendTimeNanos(8_000_000, MAX_DATAGRAM, WINDOW, RTT_MICROS); // bucket full again: 8 ms

        // Halving the window halves the rate: the 8 ms saved now buy five datagrams, not ten.
        assertEquals(5, sendWhileAllowed(8_000_000, WINDOW / 2, RTT_MICROS));
    }

    @Test
    void extremeValuesNeitherOverflowNorStarve() {
        assertEquals(0, pacer.nextSendTimeNanos(0, MAX_DATAGRAM, Long.MAX_VALUE - 1, 1));
        pacer.onPacketSent(0, MAX_DATAGRAM, Long.MAX_VALUE - 1, 1);

        Pacer slow = new Pacer(MAX_DATAGRAM, BURST_DATAGRAMS);
        slow.onPacketSent(0, Integer.MAX_VALUE, 1, Long.MAX_VALUE);
        long next = slow.nextSendTimeNanos(0, Integer.MAX_VALUE, 1, Long.MAX_VALUE);
        assertTrue(next > 0, "next " + next);

        long late = Long.MAX_VALUE - 10;
        assertTrue(slow.nextSendTimeNanos(late, MAX_DATAGRAM, 1, Long.MAX_VALUE) >= late);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(1_200, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Integer.MAX_VALUE, 2));
        assertThrows(IllegalArgumentException.class, () -> pacer.nextSendTimeNanos(0, -1, WINDOW, RTT_MICROS));
        assertThrows(IllegalArgumentException.class, () -> pacer.nextSendTimeNanos(0, 1, 0, RTT_MICROS));
        assertThrows(IllegalArgumentException.class, () -> pacer.onPacketSent(0, 1, WINDOW, 0));
    }

    /** Sends full datagrams at {@code nowNanos} while the pacer allows; returns how many went. */
    private int sendWhileAllowed(long nowNanos, long window, long rttMicros) {
        int sent = 0;
        while (pacer.nextSendTimeNanos(nowNanos, MAX_DATAGRAM, window, rttMicros) <= nowNanos) {
            pacer.onPacketSent(nowNanos, MAX_DATAGRAM, window, rttMicros);
            sent++;
            assertTrue(sent < 1_000_000, "pacer never delayed");
        }
        return sent;
    }
}
