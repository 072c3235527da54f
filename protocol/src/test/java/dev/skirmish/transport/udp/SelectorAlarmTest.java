package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorAlarmTest {

    private static final long MINUTE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    @Test
    void wakesASelectInProgressAtTheArmedInstant() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            long armedAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(300);
            alarm.armAt(armedAt);
            // Nothing else can end a minute's select before the test's timeout.
            assertEquals(0, selector.select(MINUTE_MILLIS));
            assertTrue(System.nanoTime() - armedAt >= 0, "never before the armed instant");
        }
    }

    @Test
    void servesEveryInstantArmedInTurn() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            for (int i = 0; i < 20; i++) {
                long armedAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(100);
                alarm.armAt(armedAt);
                assertEquals(0, selector.select(MINUTE_MILLIS));
                alarm.disarm();
                assertTrue(System.nanoTime() - armedAt >= 0, "round " + i + ": never before the armed instant");
            }
        }
    }

    @Test
    void reArmingReplacesTheInstant() throws IOException {
        try (Selector selector = Selector.open(); SelectorAlarm alarm = new SelectorAlarm(selector, "test-alarm")) {
            alarm.armAt(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
            long armedAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200);
            alarm.armAt(armedAt);
            assertEquals(0, selector.select(MINUTE_MILLIS), "the hour-long instant would trip the test's timeout");
            assertTrue(System.nanoTime() - armedAt >= 0);
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
            assertTrue(!thread.isAlive(), "the alarm thread stopped");
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
