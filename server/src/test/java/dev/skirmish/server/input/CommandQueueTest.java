package dev.skirmish.server.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.server.input.CommandQueue.Offer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandQueueTest {

    private static InputCommand command(int number) {
        return new InputCommand().setCommandNumber(number).setClientTimeMillis(number * 16);
    }

    /** Runs one tick and returns the numbers applied in it. */
    private static List<Integer> tick(CommandQueue queue) {
        queue.beginTick();
        List<Integer> applied = new ArrayList<>();
        InputCommand c;
        while ((c = queue.poll()) != null) {
            applied.add(c.commandNumber());
        }
        return applied;
    }

    @Test
    void appliesCommandsInNumberOrderWhateverOrderTheyArrive() {
        CommandQueue queue = new CommandQueue(8, 600);
        queue.offer(command(2));
        queue.offer(command(0));
        queue.offer(command(1));
        assertEquals(List.of(0), tick(queue));
        assertEquals(List.of(1), tick(queue));
        assertEquals(List.of(2), tick(queue));
        assertEquals(List.of(), tick(queue));
        assertEquals(2, queue.lastTaken());
    }

    @Test
    void appliesEachCommandNumberOnceDespiteRedundantCopies() {
        CommandQueue queue = new CommandQueue(8, 600);
        List<Integer> applied = new ArrayList<>();
        for (int newest = 0; newest < 20; newest++) {
            // Every update repeats the last four commands, as the client sends them.
            for (int n = Math.max(0, newest - 3); n <= newest; n++) {
                queue.offer(command(n));
            }
            applied.addAll(tick(queue));
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            expected.add(n);
        }
        assertEquals(expected, applied);
        assertEquals(20, queue.applied());
        assertTrue(queue.redundant() > 40, "redundant copies counted: " + queue.redundant());
        assertEquals(0, queue.lost());
    }

    @Test
    void skipsAGapOfLostCommandsInsteadOfWaitingAndIgnoresThemIfTheyArriveLate() {
        CommandQueue queue = new CommandQueue(8, 600);
        queue.offer(command(0));
        assertEquals(List.of(0), tick(queue));
        queue.offer(command(4));
        assertEquals(List.of(4), tick(queue), "1..3 never arrived: not waited for");
        assertEquals(3, queue.lost());
        assertEquals(Offer.REDUNDANT, queue.offer(command(2)), "a late command behind the applied one is stale");
        assertEquals(List.of(), tick(queue));
    }

    @Test
    void appliesAtMostOneCommandPerTickWithoutBankedCredit() {
        CommandQueue queue = new CommandQueue(8, 600);
        queue.offer(command(0));
        assertEquals(List.of(0), tick(queue));
        for (int n = 1; n <= 6; n++) {
            queue.offer(command(n));
        }
        List<Integer> perTick = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            perTick.add(tick(queue).size());
        }
        assertEquals(List.of(1, 1, 1, 1, 1, 1), perTick, "credit was spent every tick, so no catch-up");
    }

    @Test
    void catchesUpTwoPerTickAfterAStallButNeverFasterThanTheTicksThatPassed() {
        CommandQueue queue = new CommandQueue(8, 600);
        queue.offer(command(0));
        assertEquals(List.of(0), tick(queue));
        // The network stalls for four ticks: nothing arrives, credit banks up.
        for (int t = 0; t < 4; t++) {
            assertEquals(List.of(), tick(queue));
        }
        for (int n = 1; n <= 5; n++) {
            queue.offer(command(n));
        }
        assertEquals(List.of(1, 2), tick(queue));
        assertEquals(List.of(3, 4), tick(queue));
        assertEquals(List.of(5), tick(queue));
        assertEquals(6, queue.applied(), "the stalled commands were all applied");
        assertEquals(List.of(), tick(queue));
    }

    @Test
    void aFastClientClockCannotSpeedItsPlayerUp() {
        CommandQueue queue = new CommandQueue(8, 600);
        int next = 0;
        int ticks = 600;
        long overflowed = 0;
        for (int t = 0; t < ticks; t++) {
            // A client running 50 % fast: three commands every two ticks.
            int burst = t % 2 == 0 ? 2 : 1;
            for (int k = 0; k < burst; k++) {
                Offer offer = queue.offer(command(next++));
                if (offer == Offer.QUEUED_DROPPING_OLDEST || offer == Offer.DROPPED_BACKLOG_FULL) {
                    overflowed++;
                }
            }
            tick(queue);
        }
        assertTrue(queue.applied() <= ticks + 8, "applied " + queue.applied() + " in " + ticks + " ticks");
        assertTrue(queue.size() <= 8, "backlog bounded: " + queue.size());
        assertTrue(overflowed > 250, "the surplus was dropped and counted: " + overflowed);
    }

    @Test
    void dropsTheOldestCommandWhenTheBacklogIsFull() {
        CommandQueue queue = new CommandQueue(4, 600);
        for (int n = 10; n < 14; n++) {
            assertEquals(Offer.QUEUED, queue.offer(command(n)));
        }
        assertEquals(Offer.QUEUED_DROPPING_OLDEST, queue.offer(command(14)));
        assertEquals(Offer.DROPPED_BACKLOG_FULL, queue.offer(command(9)), "older than all waiting: dropped itself");
        assertEquals(4, queue.size());
        assertEquals(List.of(11), tick(queue));
    }

    @Test
    void refusesACommandNumberedImplausiblyFarAhead() {
        CommandQueue queue = new CommandQueue(8, 600);
        queue.offer(command(5));
        tick(queue);
        assertEquals(Offer.REFUSED_NUMBER_JUMP, queue.offer(command(5 + 601)));
        assertEquals(Offer.QUEUED, queue.offer(command(5 + 600)));
        assertEquals(Offer.QUEUED, queue.offer(command(6)));
        assertEquals(List.of(6), tick(queue));
    }

    @Test
    void acceptsAnyFirstCommandNumber() {
        CommandQueue queue = new CommandQueue(8, 600);
        assertEquals(Offer.QUEUED, queue.offer(command(1_000_000)));
        assertEquals(List.of(1_000_000), tick(queue));
        assertEquals(0, queue.lost(), "numbers before the first are not a gap");
        assertNull(queue.poll());
    }
}
