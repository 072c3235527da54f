package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientStats;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.window.NetGraph.Series;
import org.junit.jupiter.api.Test;

class NetGraphTest {

    private static final long MS = 1_000_000L;

    private static ClientStats stats(long sessionMillis, long rttMicros, double loss, long sent, long received,
                                     long corrections) {
        return new ClientStats(sessionMillis * MS, sessionMillis * MS, rttMicros, loss, sent, received, 0, 0, 0,
                corrections, 0, 0, 0, 0);
    }

    @Test
    void snapshotRateCountsArrivalsInTheLastSecond() {
        NetGraph graph = new NetGraph();
        for (int i = 0; i < 120; i++) {
            graph.snapshotArrived(i * 1000 * MS / 60);
        }
        long now = 119 * 1000 * MS / 60;
        assertEquals(61, graph.snapshotRateHz(now), 1e-9);
        assertEquals(0, graph.snapshotRateHz(now + 1100 * MS), 1e-9);
    }

    @Test
    void aGapInArrivalsIsTheLargestGapUntilItLeavesTheWindow() {
        NetGraph graph = new NetGraph();
        long t = 0;
        for (int i = 0; i < 30; i++, t += 16 * MS) {
            graph.snapshotArrived(t);
        }
        t += 250 * MS;
        for (int i = 0; i < 10; i++, t += 16 * MS) {
            graph.snapshotArrived(t);
        }
        long newest = t - 16 * MS;
        assertEquals(266, graph.largestGapMillis(newest), 1e-9);
        assertEquals(266, graph.largestGapMillis(newest + 100 * MS), 1e-9);
        assertEquals(300, graph.largestGapMillis(newest + 300 * MS), 1e-9, "the silence since the newest is longer");
        assertEquals(1000, graph.largestGapMillis(newest + 5000 * MS), 1e-9, "a stalled stream shows a full-window gap");
    }

    @Test
    void aStalledStreamShowsAsAGrowingGap() {
        NetGraph graph = new NetGraph();
        graph.snapshotArrived(0);
        graph.snapshotArrived(16 * MS);
        assertEquals(16, graph.largestGapMillis(20 * MS), 1e-9);
        assertEquals(400 - 16, graph.largestGapMillis(400 * MS), 1e-9);
    }

    @Test
    void samplesAreTakenOncePerIntervalAndKeepTheNewest() {
        NetGraph graph = new NetGraph();
        ClientView view = new ClientView();
        assertTrue(graph.sample(0, view));
        assertFalse(graph.sample(NetGraph.SAMPLE_INTERVAL_NANOS - 1, view));
        assertTrue(graph.sample(NetGraph.SAMPLE_INTERVAL_NANOS, view));
        assertEquals(2, graph.size());
        for (int i = 0; i < NetGraph.SAMPLES * 2; i++) {
            view.setStats(stats(i + 1, (i + 1) * 1000L, 0, 0, 0, 0));
            graph.sample((i + 2) * NetGraph.SAMPLE_INTERVAL_NANOS, view);
        }
        assertEquals(NetGraph.SAMPLES, graph.size());
        assertEquals(NetGraph.SAMPLES * 2, graph.latest(Series.RTT_MILLIS), 1e-9);
        assertEquals(NetGraph.SAMPLES + 1, graph.value(Series.RTT_MILLIS, 0), 1e-9);
        assertEquals(NetGraph.SAMPLES * 2, graph.max(Series.RTT_MILLIS), 1e-9);
    }

    @Test
    void ratesComeFromTheDifferenceBetweenStatisticsRecords() {
        NetGraph graph = new NetGraph();
        ClientView view = new ClientView();
        view.setStats(stats(1000, 20_000, 0.05, 10_000, 100_000, 3));
        graph.sample(0, view);
        // 250 ms later: 5000 bytes more down (160 kbps), 1000 more up (32 kbps), 2 corrections.
        view.setStats(stats(1250, 30_000, 0.10, 11_000, 105_000, 5));
        graph.sample(NetGraph.SAMPLE_INTERVAL_NANOS, view);
        assertEquals(160, graph.latest(Series.KBPS_DOWN), 1e-9);
        assertEquals(32, graph.latest(Series.KBPS_UP), 1e-9);
        assertEquals(2 * 100.0 / 250, graph.latest(Series.CORRECTIONS), 1e-9);
        assertEquals(30, graph.latest(Series.RTT_MILLIS), 1e-9);
        assertEquals(10, graph.latest(Series.LOSS_PERCENT), 1e-9);
        // The statistics did not refresh: the rates hold rather than drop to zero.
        graph.sample(2 * NetGraph.SAMPLE_INTERVAL_NANOS, view);
        assertEquals(160, graph.latest(Series.KBPS_DOWN), 1e-9);
    }

    @Test
    void bufferDepthIsTheTimeFromTheRenderTickToTheNewestSnapshot() {
        ClientView view = new ClientView().setSession(1, 60);
        assertEquals(0, NetGraph.bufferDepthMillis(view), 1e-9);
        view.setTimeline(120, 114, 0);
        assertEquals(100, NetGraph.bufferDepthMillis(view), 1e-9);
        view.setTimeline(120, 121.5, 0);
        assertEquals(-25, NetGraph.bufferDepthMillis(view), 1e-9);
        NetGraph graph = new NetGraph();
        view.setTimeline(120, 114, 0);
        graph.sample(0, view);
        assertEquals(100, graph.latest(Series.BUFFER_MILLIS), 1e-9);
    }
}
