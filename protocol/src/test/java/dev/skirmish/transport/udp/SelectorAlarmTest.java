package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The alarm ends a selector's wait that nothing else would end before the test's timeout: each select
 * here is for a minute.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorAlarmTest {

    private static final long MINUTE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    @Test
    void wakesASelectInProgressAtTheArmedInstant() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            alarm.armAt(System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(300));
            // Nothing else can end a minute's select before the test's timeout.
            assertEquals(0, selector.select(MINUTE_MILLIS));
        }
    }

    @Test
    void servesEveryInstantArmedInTurn() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            for (int i = 0; i < 20; i++) {
                alarm.armAt(System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(100));
                assertEquals(0, selector.select(MINUTE_MILLIS), "round " + i);
                alarm.disarm();
            }
        }
    }

    @Test
    void reArmingReplacesTheInstant() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            alarm.armAt(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
            alarm.armAt(System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200));
            assertEquals(0, selector.select(MINUTE_MILLIS), "the hour-long instant would trip the test's timeout");
        }
    }

    @Test
    void closeEndsTheThread() throws Exception {
        try (Selector selector = Selector.open()) {
            SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm-closing");
            alarm.armAt(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
            Thread thread = threadNamed("test-alarm-closing");
            alarm.close();
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(thread.isAlive(), "the alarm thread stopped");
        }
    }

    private static Thread threadNamed(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name);
    }
}
