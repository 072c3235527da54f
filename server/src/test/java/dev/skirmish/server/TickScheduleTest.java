package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickScheduleTest {

    @Test
    void tickInstantsAreComputedFromTheAnchorSoRoundingNeverDrifts() {
        TickSchedule schedule = new TickSchedule(60, 4);
        schedule.start(1_000);
        for (int k = 0; k < 6_000; k++) {
            assertEquals(1_000 + k * 1_000_000_000L / 60, schedule.nextTickNanos());
            schedule.advance();
        }
        assertEquals(1_000 + 100_000_000_000L, schedule.nextTickNanos(), "after 100 s exactly, no drift");
    }

    @Test
    void runsOverdueTicksWhileOnlyAFewAreLate() {
        TickSchedule schedule = new TickSchedule(100, 4);
        schedule.start(0);
        long now = 40_000_000; // four periods late for tick 0
        int ran = 0;
        while (schedule.isDue(now)) {
            assertEquals(0, schedule.skipIfLate(now));
            schedule.advance();
            ran++;
        }
        assertEquals(5, ran, "ticks 0..4 caught up");
        assertEquals(0, schedule.skippedTicks());
    }

    @Test
    void skipsAheadAndCountsWhenFarBehindThenKeepsTheRateFromNow() {
        TickSchedule schedule = new TickSchedule(100, 4);
        schedule.start(0);
        schedule.advance();
        long now = 1_000_000_000; // tick 1 was due at 10 ms: 99 periods late
        assertTrue(schedule.isDue(now));
        assertEquals(99, schedule.skipIfLate(now));
        assertEquals(1, schedule.nextTick(), "tick numbers stay consecutive");
        assertEquals(now, schedule.nextTickNanos());
        schedule.advance();
        assertFalse(schedule.isDue(now));
        assertEquals(now + 10_000_000, schedule.nextTickNanos());
        assertEquals(99, schedule.skippedTicks());
        assertEquals(1, schedule.skipEvents());
    }

    @Test
    void aServerWhoseDriverStallsSkipsAheadInsteadOfRunningABurst() {
        GameServer server = new GameServer(ServerConfig.builder().tickRateHz(50).build(), TestMaps.field(),
                new SplittableRandom(1), () -> 0);
        server.handleTimeout(0);
        assertEquals(0, server.tick());
        server.handleTimeout(2_000_000_000L); // the process was paused for two seconds
        assertEquals(1, server.tick(), "one tick now, not a hundred");
        assertEquals(99, server.ticksSkipped());
        assertEquals(2_020_000_000L, server.nextTickNanos());
        assertEquals(2_020_000_000L, server.nextTimeoutNanos());
    }
}
