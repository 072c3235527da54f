package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SnapshotArrivalsTest {

    private static final long MS = 1_000_000L;

    @Test
    void drainingHandsEveryArrivalOnceInOrder() {
        SnapshotArrivals arrivals = new SnapshotArrivals();
        NetGraph graph = new NetGraph();
        for (int i = 0; i < 30; i++) {
            assertTrue(arrivals.offer(i * 10 * MS));
        }
        assertEquals(30, arrivals.drainTo(graph::snapshotArrived));
        assertEquals(0, arrivals.drainTo(graph::snapshotArrived));
        assertEquals(10, graph.largestGapMillis(290 * MS), 1e-9);
        assertEquals(30, graph.snapshotRateHz(290 * MS), 1e-9);
    }

    @Test
    void aFullQueueRefusesRatherThanOverwrite() {
        SnapshotArrivals arrivals = new SnapshotArrivals();
        for (int i = 0; i < SnapshotArrivals.CAPACITY; i++) {
            assertTrue(arrivals.offer(i));
        }
        assertFalse(arrivals.offer(SnapshotArrivals.CAPACITY));
        assertEquals(SnapshotArrivals.CAPACITY, arrivals.drainTo(new NetGraph()::snapshotArrived));
        assertTrue(arrivals.offer(0));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aProducerThreadAndAConsumerThreadLoseNothing() throws Exception {
        SnapshotArrivals arrivals = new SnapshotArrivals();
        int total = 200_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                while (!arrivals.offer(i)) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        NetGraph graph = new NetGraph();
        long drained = 0;
        while (drained < total) {
            drained += arrivals.drainTo(graph::snapshotArrived);
        }
        producer.join();
        assertEquals(total, drained);
    }
}
