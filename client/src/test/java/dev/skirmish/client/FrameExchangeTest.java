package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.Weapon;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameExchangeTest {

    private static ClientView frame(ClientView view, int number) {
        view.setTimeline(number, number, number).clearOthers();
        for (int i = 0; i < 5; i++) {
            view.addOther().set(i, number, number, 0, 100, true, 0, 0, Weapon.RIFLE, 0);
        }
        return view;
    }

    @Test
    void theReaderGetsTheNewestFrameAndKeepsItUntilItAsksAgain() {
        FrameExchange exchange = new FrameExchange();
        ClientView live = new ClientView();
        assertEquals(-1, exchange.latest().lastCommandNumber(), "an empty view before the first frame");

        exchange.publish(frame(live, 1));
        exchange.publish(frame(live, 2));
        ClientView held = exchange.latest();
        assertNotSame(live, held);
        assertEquals(2, held.lastCommandNumber(), "frame 1 was skipped, never queued");

        exchange.publish(frame(live, 3));
        exchange.publish(frame(live, 4));
        exchange.publish(frame(live, 5));
        assertEquals(2, held.lastCommandNumber(), "a held frame is never written");
        assertEquals(2, held.other(4).x());
        assertEquals(5, exchange.latest().lastCommandNumber());
        assertEquals(5, exchange.latest().lastCommandNumber(), "asking again without news keeps the frame");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void framesCrossThreadsWhole() throws InterruptedException {
        FrameExchange exchange = new FrameExchange();
        int frames = 200_000;
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int last = -1;
            while (last < frames && torn.get() == null) {
                ClientView view = exchange.latest();
                int number = view.lastCommandNumber();
                for (int i = 0; i < view.otherCount(); i++) {
                    if (view.other(i).x() != number) {
                        torn.set("frame " + number + " holds player x " + view.other(i).x());
                    }
                }
                if (number < last) {
                    torn.set("frame " + number + " after " + last);
                }
                last = number;
            }
        });
        reader.start();
        ClientView live = new ClientView();
        for (int number = 0; number <= frames; number++) {
            exchange.publish(frame(live, number));
        }
        reader.join();
        assertEquals(null, torn.get());
        assertTrue(exchange.latest().lastCommandNumber() == frames);
    }
}
