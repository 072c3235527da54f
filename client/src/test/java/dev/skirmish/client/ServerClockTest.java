package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServerClockTest {

    private static final int RATE = 60;
    private static final long MS = 1_000_000L;
    private static final double TICK_NANOS = 1e9 / RATE;

    private static long sentAt(int tick) {
        return Math.round(tick * TICK_NANOS);
    }

    private static double ticksOf(long nanos) {
        return nanos / TICK_NANOS;
    }

    @Test
    void withoutJitterTheEstimateTrailsServerTimeByTheOneWayDelay() {
        ServerClock clock = new ServerClock(RATE);
        assertFalse(clock.hasEstimate());
        for (int tick = 100; tick < 400; tick++) {
            clock.onSnapshot(tick, sentAt(tick) + 30 * MS);
        }
        long now = sentAt(400) + 30 * MS + 5 * MS;
        assertEquals(ticksOf(now - 30 * MS), clock.ticksAt(now), 0.01);
    }

    @Test
    void underJitterTheEstimateFollowsTheFastestArrivals() {
        long seed = 7;
        SplittableRandom random = new SplittableRandom(seed);
        ServerClock clock = new ServerClock(RATE);
        for (int tick = 0; tick < 600; tick++) {
            clock.onSnapshot(tick, sentAt(tick) + 30 * MS + random.nextLong(20 * MS));
        }
        long now = sentAt(600) + 30 * MS;
        double estimate = clock.ticksAt(now);
        assertTrue(estimate <= ticksOf(now - 30 * MS) + 0.01, "never ahead of the fastest path; seed " + seed);
        assertTrue(estimate >= ticksOf(now - 31 * MS), "within a millisecond of it, not the average; seed " + seed
                + ": " + (ticksOf(now - 30 * MS) - estimate) + " ticks behind");
    }

    @Test
    void aSlowerPathIsFollowedSlowly() {
        ServerClock clock = new ServerClock(RATE);
        for (int tick = 0; tick < 60; tick++) {
            clock.onSnapshot(tick, sentAt(tick) + 10 * MS);
        }
        for (int tick = 60; tick < 120; tick++) {
            clock.onSnapshot(tick, sentAt(tick) + 70 * MS);
        }
        long now = sentAt(120) + 70 * MS;
        double fastPath = ticksOf(now - 10 * MS);
        double sunk = fastPath - clock.ticksAt(now);
        assertEquals(ServerClock.DECAY_TICKS_PER_SECOND, sunk, 0.05, "sank at the decay rate for one second");
    }

    @Test
    void aServerThatRestartedItsTicksResetsTheEstimate() {
        ServerClock clock = new ServerClock(RATE);
        for (int tick = 5000; tick < 5100; tick++) {
            clock.onSnapshot(tick, sentAt(tick - 5000) + 20 * MS);
        }
        long restart = sentAt(100) + 20 * MS;
        clock.onSnapshot(3, restart);
        assertEquals(3, clock.ticksAt(restart), 1e-6);
    }
}
