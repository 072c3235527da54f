package dev.skirmish.transport.recovery;

import static dev.skirmish.transport.recovery.AckRanges.ADDED;
import static dev.skirmish.transport.recovery.AckRanges.DUPLICATE;
import static dev.skirmish.transport.recovery.AckRanges.TOO_OLD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AckRangesTest {

    @Test
    void startsEmpty() {
        AckRanges ranges = new AckRanges(8);

        assertEquals(0, ranges.rangeCount());
        assertEquals(-1, ranges.largest());
        assertEquals(0, ranges.floor());
        assertFalse(ranges.contains(0));
    }

    @Test
    void inOrderArrivalsFormOneRange() {
        AckRanges ranges = new AckRanges(8);

        for (long pn = 0; pn < 100; pn++) {
            assertEquals(ADDED, ranges.add(pn));
        }

        assertRanges(ranges, 99, 0);
        assertEquals(99, ranges.largest());
        assertTrue(ranges.contains(0));
        assertTrue(ranges.contains(99));
        assertFalse(ranges.contains(100));
    }

    @Test
    void gapsSplitRangesHighestFirst() {
        AckRanges ranges = addAll(new AckRanges(8), 0, 1, 2, 5, 6, 9);

        assertRanges(ranges, 9, 9, 6, 5, 2, 0);
        assertFalse(ranges.contains(3));
        assertFalse(ranges.contains(8));
    }

    @Test
    void fillingGapsMergesNeighbours() {
        AckRanges ranges = addAll(new AckRanges(8), 0, 1, 2, 5, 6, 9);

        assertEquals(ADDED, ranges.add(3));
        assertRanges(ranges, 9, 9, 6, 5, 3, 0);
        assertEquals(ADDED, ranges.add(4));
        assertRanges(ranges, 9, 9, 6, 0);
        assertEquals(ADDED, ranges.add(8));
        assertRanges(ranges, 9, 8, 6, 0);
        assertEquals(ADDED, ranges.add(7));
        assertRanges(ranges, 9, 0);
    }

    @Test
    void lateArrivalBelowEverythingStartsLowestRange() {
        AckRanges ranges = addAll(new AckRanges(8), 10, 11);

        assertEquals(ADDED, ranges.add(3));
        assertRanges(ranges, 11, 10, 3, 3);
        assertEquals(ADDED, ranges.add(9));
        assertRanges(ranges, 11, 9, 3, 3);
    }

    @Test
    void reportsDuplicates() {
        AckRanges ranges = addAll(new AckRanges(8), 0, 1, 2, 5, 6, 9);

        for (long pn : new long[] {0, 1, 2, 5, 6, 9}) {
            assertEquals(DUPLICATE, ranges.add(pn), "pn " + pn);
        }
        assertRanges(ranges, 9, 9, 6, 5, 2, 0);
    }

    @Test
    void numbersBelowDroppedFloorAreTooOld() {
        AckRanges ranges = new AckRanges(8);
        for (long pn = 0; pn < 10; pn++) {
            ranges.add(pn);
        }

        ranges.dropBelow(5);

        assertEquals(5, ranges.floor());
        assertRanges(ranges, 9, 5);
        assertEquals(TOO_OLD, ranges.add(3));
        assertFalse(ranges.contains(3));
        assertEquals(DUPLICATE, ranges.add(5));
        assertEquals(ADDED, ranges.add(10));
    }

    @Test
    void dropBelowNeverLowersFloorAndCanEmptyTheRecord() {
        AckRanges ranges = addAll(new AckRanges(8), 0, 1, 4);
        ranges.dropBelow(3);

        ranges.dropBelow(1);
        assertEquals(3, ranges.floor());
        assertRanges(ranges, 4, 4);
        assertEquals(ADDED, ranges.add(3));

        ranges.dropBelow(20);
        assertEquals(0, ranges.rangeCount());
        assertEquals(-1, ranges.largest());
        assertEquals(TOO_OLD, ranges.add(19));
        assertEquals(ADDED, ranges.add(20));
        assertRanges(ranges, 20, 20);
    }

    @Test
    void overflowForgetsLowestRangeAndRaisesFloor() {
        AckRanges ranges = addAll(new AckRanges(3), 0, 2, 4);

        assertEquals(ADDED, ranges.add(6));

        assertRanges(ranges, 6, 6, 4, 4, 2, 2);
        assertEquals(1, ranges.floor());
        assertEquals(TOO_OLD, ranges.add(0));
        // 1 is at the floor and joins [2, 2] without a new range.
        assertEquals(ADDED, ranges.add(1));
        assertRanges(ranges, 6, 6, 4, 4, 2, 1);

        // A new range in the middle pushes out the lowest one too.
        assertEquals(ADDED, ranges.add(10));
        assertEquals(3, ranges.floor());
        assertEquals(ADDED, ranges.add(8));
        assertRanges(ranges, 10, 10, 8, 8, 6, 6);
        assertEquals(5, ranges.floor());
        assertEquals(TOO_OLD, ranges.add(4));
        assertEquals(ADDED, ranges.add(5));
        assertRanges(ranges, 10, 10, 8, 8, 6, 5);
    }

    @Test
    void fullRecordRejectsNewLowestRangeAsTooOld() {
        AckRanges ranges = addAll(new AckRanges(2), 10, 20);

        assertEquals(ADDED, ranges.add(15));
        assertRanges(ranges, 20, 20, 15, 15);
        assertEquals(11, ranges.floor());

        assertEquals(TOO_OLD, ranges.add(12));
        assertEquals(13, ranges.floor());
        assertFalse(ranges.contains(12));
        assertRanges(ranges, 20, 20, 15, 15);
        assertEquals(ADDED, ranges.add(14));
        assertRanges(ranges, 20, 20, 15, 14);
    }

    @Test
    void singleRangeRecordKeepsOnlyNewestRun() {
        AckRanges ranges = addAll(new AckRanges(1), 0, 1, 2);

        assertEquals(ADDED, ranges.add(5));
        assertRanges(ranges, 5, 5);
        assertEquals(3, ranges.floor());
        assertEquals(TOO_OLD, ranges.add(3));
        assertEquals(4, ranges.floor());
        assertEquals(ADDED, ranges.add(4));
        assertRanges(ranges, 5, 4);
    }

    @Test
    void clearForgetsEverythingAndResetsFloor() {
        AckRanges ranges = addAll(new AckRanges(4), 3, 4, 9);
        ranges.dropBelow(4);

        ranges.clear();

        assertEquals(0, ranges.rangeCount());
        assertEquals(0, ranges.floor());
        assertEquals(-1, ranges.largest());
        assertEquals(ADDED, ranges.add(0));
    }

    @Test
    void rejectsInvalidArguments() {
        AckRanges ranges = addAll(new AckRanges(4), 1);

        assertThrows(IllegalArgumentException.class, () -> new AckRanges(0));
        assertThrows(IllegalArgumentException.class, () -> ranges.add(-1));
        assertThrows(IllegalArgumentException.class, () -> ranges.dropBelow(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> ranges.rangeLow(1));
        assertThrows(IndexOutOfBoundsException.class, () -> ranges.rangeHigh(-1));
    }

    @Test
    void matchesReferenceModelOnRandomOperations() {
        for (long seed = 1; seed <= 16; seed++) {
            runAgainstReferenceModel(seed, 4_000);
        }
    }

    private static void runAgainstReferenceModel(long seed, int operations) {
        SplittableRandom random = new SplittableRandom(seed);
        int maxRanges = 1 + random.nextInt(8);
        AckRanges ranges = new AckRanges(maxRanges);
        ReferenceRanges model = new ReferenceRanges(maxRanges);
        for (int step = 0; step < operations; step++) {
            String operation;
            int choice = random.nextInt(100);
            if (choice < 80) {
                long pn = nearLargest(random, model.largest());
                operation = "add(" + pn + ")";
                int expected = model.add(pn);
                assertEquals(expected, ranges.add(pn), context(seed, maxRanges, step, operation));
            } else if (choice < 90) {
                long pn = model.largest() + 1 + random.nextInt(200);
                operation = "add far(" + pn + ")";
                assertEquals(model.add(pn), ranges.add(pn), context(seed, maxRanges, step, operation));
            } else if (choice < 99) {
                long pn = Math.max(0, nearLargest(random, model.largest()) - random.nextInt(10));
                operation = "dropBelow(" + pn + ")";
                model.dropBelow(pn);
                ranges.dropBelow(pn);
            } else {
                operation = "clear()";
                model.clear();
                ranges.clear();
            }
            assertSameState(model, ranges, random, context(seed, maxRanges, step, operation));
        }
    }

    private static long nearLargest(SplittableRandom random, long largest) {
        return Math.max(0, largest + random.nextInt(-30, 6));
    }

    private static Supplier<String> context(long seed, int maxRanges, int step, String operation) {
        return () -> "seed " + seed + " (maxRanges " + maxRanges + ") step " + step + " after " + operation;
    }

    private static void assertSameState(ReferenceRanges model, AckRanges ranges, SplittableRandom random,
                                        Supplier<String> context) {
        assertEquals(model.floor, ranges.floor(), context);
        assertEquals(model.largest(), ranges.largest(), context);
        assertArrayEquals(model.flatRanges(), flatRanges(ranges), context);
        for (int probe = 0; probe < 4; probe++) {
            long pn = nearLargest(random, model.largest()) + random.nextInt(3);
            assertEquals(model.received.contains(pn), ranges.contains(pn), context);
        }
    }

    /** The obvious implementation: every number in a sorted set, ranges computed on demand. */
    private static final class ReferenceRanges {
        private final int maxRanges;
        private final TreeSet<Long> received = new TreeSet<>();
        private long floor;

        ReferenceRanges(int maxRanges) {
            this.maxRanges = maxRanges;
        }

        int add(long pn) {
            if (received.contains(pn)) {
                return DUPLICATE;
            }
            if (pn < floor) {
                return TOO_OLD;
            }
            received.add(pn);
            while (flatRanges().length / 2 > maxRanges) {
                long lowestHigh = received.first();
                while (received.contains(lowestHigh + 1)) {
                    lowestHigh++;
                }
                received.headSet(lowestHigh, true).clear();
                floor = lowestHigh + 1;
            }
            return received.contains(pn) ? ADDED : TOO_OLD;
        }

        void dropBelow(long pn) {
            if (pn > floor) {
                floor = pn;
                received.headSet(pn).clear();
            }
        }

        void clear() {
            received.clear();
            floor = 0;
        }

        long largest() {
            return received.isEmpty() ? -1 : received.last();
        }

        /** high0, low0, high1, low1, ... highest range first. */
        long[] flatRanges() {
            List<Long> bounds = new ArrayList<>();
            Iterator<Long> descending = received.descendingIterator();
            long high = -2;
            long low = -2;
            while (descending.hasNext()) {
                long pn = descending.next();
                if (pn == low - 1) {
                    low = pn;
                } else {
                    if (high != -2) {
                        bounds.add(high);
                        bounds.add(low);
                    }
                    high = pn;
                    low = pn;
                }
            }
            if (high != -2) {
                bounds.add(high);
                bounds.add(low);
            }
            return bounds.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static AckRanges addAll(AckRanges ranges, long... packetNumbers) {
        for (long pn : packetNumbers) {
            assertEquals(ADDED, ranges.add(pn), "pn " + pn);
        }
        return ranges;
    }

    /** Asserts the ranges, given as high, low pairs from the highest range down. */
    private static void assertRanges(AckRanges ranges, long... highLowPairs) {
        assertArrayEquals(highLowPairs, flatRanges(ranges));
    }

    private static long[] flatRanges(AckRanges ranges) {
        long[] flat = new long[2 * ranges.rangeCount()];
        for (int index = 0; index < ranges.rangeCount(); index++) {
            flat[2 * index] = ranges.rangeHigh(index);
            flat[2 * index + 1] = ranges.rangeLow(index);
        }
        return flat;
    }
}
