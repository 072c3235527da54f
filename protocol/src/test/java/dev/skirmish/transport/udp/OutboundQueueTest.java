package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.TransportConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OutboundQueueTest {

    private static final long COST_OF_100 = TransportConfig.flowCost(100);

    @Test
    void refusesAMessageThatWouldPassTheBoundCountingThePerMessageOverhead() {
        OutboundQueue queue = new OutboundQueue(2 * COST_OF_100);
        byte[] message = new byte[100];

        assertTrue(queue.offer(message, 0, 100));
        assertTrue(queue.offer(message, 0, 100));
        assertFalse(queue.offer(message, 0, 100));
        assertFalse(queue.offer(message, 0, 0), "even an empty message costs the overhead");
        assertEquals(2 * COST_OF_100, queue.queuedBytes());
    }

    @Test
    void handsMessagesOutInOrderAsCopiesAndReleasesTheirCostOnRemoval() {
        OutboundQueue queue = new OutboundQueue(10 * COST_OF_100);
        byte[] source = {1, 2, 3, 4, 5};

        queue.offer(source, 1, 2);
        queue.offer(source, 3, 2);
        source[1] = 99;

        assertArrayEquals(new byte[] {2, 3}, queue.peek(), "copied at offer time");
        queue.removeHead();
        assertArrayEquals(new byte[] {4, 5}, queue.peek());
        assertEquals(TransportConfig.flowCost(2), queue.queuedBytes());
        queue.removeHead();
        assertNull(queue.peek());
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.queuedBytes());
    }

    @Test
    void closeDiscardsWhatIsQueuedAndRefusesMore() {
        OutboundQueue queue = new OutboundQueue(10 * COST_OF_100);
        queue.offer(new byte[100], 0, 100);

        queue.close();

        assertTrue(queue.isEmpty());
        assertEquals(0, queue.queuedBytes());
        assertFalse(queue.offer(new byte[100], 0, 100));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentProducersNeverPassTheBoundAndEachKeepsItsOwnOrder() throws InterruptedException {
        int producers = 4;
        int perProducer = 5_000;
        long capacity = 1_000 * TransportConfig.flowCost(8);
        OutboundQueue queue = new OutboundQueue(capacity);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perProducer; i++) {
                    byte[] message = {(byte) producer, 0, 0, 0, (byte) (i >> 24), (byte) (i >> 16), (byte) (i >> 8), (byte) i};
                    if (queue.offer(message, 0, message.length)) {
                        accepted.incrementAndGet();
                    }
                }
            }, "outbound-producer-" + producer);
            threads.add(thread);
            thread.start();
        }

        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(1_000, accepted.get(), "exactly as many as the bound holds");
        assertEquals(capacity, queue.queuedBytes());
        int[] lastSequence = new int[producers];
        Arrays.fill(lastSequence, -1);
        for (byte[] message; (message = queue.peek()) != null; queue.removeHead()) {
            int producer = message[0];
            int sequence = ByteBuffer.wrap(message).getInt(4);
            assertTrue(sequence > lastSequence[producer], "producer " + producer + " reordered at " + sequence);
            lastSequence[producer] = sequence;
        }
        assertEquals(0, queue.queuedBytes());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
