package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.transport.NetworkNode;
import org.junit.jupiter.api.Test;

class TickScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void ticksFallDueAtTheRateWithoutDrift() {
        TickSchedule schedule = new TickSchedule();
        assertEquals(NetworkNode.NO_DEADLINE, schedule.nextTickNanos());
        schedule.start(1_000, 60);
        int ran = 0;
        long now = 1_000;
        for (int i = 0; i < 600; i++) {
            now = schedule.nextTickNanos();
            ran += schedule.takeDue(now);
        }
        assertEquals(600, ran);
        assertEquals(1_000 + 599L * 1_000_000_000L / 60, now, "tick 599 exactly where the rate puts it");
        assertEquals(0, schedule.takeDue(now), "nothing twice");
    }

    @Test
    void aShortStallIsCaughtUpAndALongOneSkipped() {
        TickSchedule schedule = new TickSchedule();
        schedule.start(0, 100);
        assertEquals(1, schedule.takeDue(0));
        assertEquals(3, schedule.takeDue(30 * MS), "ticks at 10, 20 and 30 ms");
        assertEquals(0, schedule.skippedTicks());

        assertEquals(TickSchedule.MAX_CATCH_UP_TICKS, schedule.takeDue(1_030 * MS));
        assertEquals(100 - TickSchedule.MAX_CATCH_UP_TICKS, schedule.skippedTicks());
        assertEquals(1_040 * MS, schedule.nextTickNanos());
    }

    @Test
    void aStoppedScheduleHasNoTicks() {
        TickSchedule schedule = new TickSchedule();
        schedule.start(0, 60);
        schedule.stop();
        assertEquals(0, schedule.takeDue(1_000 * MS));
        assertEquals(NetworkNode.NO_DEADLINE, schedule.nextTickNanos());
    }
}
