package dev.skirmish.transport.recovery;

import java.util.Objects;

/**
 * The receiver's record of the packet numbers it has received, as disjoint inclusive ranges:
 * the source of selective acknowledgements and the filter that rejects duplicates.
 *
 * <pre>
 *   received: 0 1 2 3 . . 6 7 . 9        floor = 0
 *   ranges:   index 0 = [9, 9], index 1 = [6, 7], index 2 = [0, 3]     (highest first)
 * </pre>
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #add} answers {@link #ADDED} for a number never seen (it is then recorded and
 *       {@link #contains} it), {@link #DUPLICATE} for one recorded, and {@link #TOO_OLD} for one
 *       below {@link #floor()} that is not recorded: it may have been received and forgotten, so
 *       it must be treated as a possible duplicate and not processed.</li>
 *   <li>Memory is fixed at construction: at most {@code maxRanges} ranges. When a new number
 *       would make one range too many, the lowest range is forgotten and the floor raised above it;
 *       if the new number would itself be that lowest range, it is the one not recorded (the floor
 *       rises above it and the answer is {@link #TOO_OLD}). Forgetting old ranges costs nothing
 *       but acknowledgements the sender has long stopped waiting for.</li>
 *   <li>{@link #dropBelow} forgets everything below a number, typically once the sender has
 *       seen our acknowledgement of it; the floor never moves down except by {@link #clear()}.</li>
 *   <li>{@link #largest()} is the highest number still recorded, so it drops to {@code -1} if
 *       {@link #dropBelow} forgets everything.</li>
 * </ul>
 *
 * <p>Cost: the in-order case ({@code largest() + 1}) and a new highest range are O(1); anything
 * else is a binary search plus, when a range is inserted or two merge, a shift of the ranges above
 * it. The ranges sit in a ring of two parallel arrays, lowest first, so forgetting the lowest range
 * is O(1) too. Not thread-safe; allocation-free after construction.
 */
public final class AckRanges {

    /** {@link #add} result: the number is new and now recorded. */
    public static final int ADDED = 0;
    /** {@link #add} result: the number was already recorded. */
    public static final int DUPLICATE = 1;
    /** {@link #add} result: the number is below the floor and not recorded; it may have been seen and forgotten. */
    public static final int TOO_OLD = 2;

    private final long[] lows;
    private final long[] highs;
    /** Slot of the lowest range. */
    private int head;
    private int count;
    private long floor;

    /**
     * @param maxRanges how many disjoint ranges to remember at most
     * @throws IllegalArgumentException unless {@code maxRanges} is positive
     */
    public AckRanges(int maxRanges) {
        if (maxRanges <= 0) {
            throw new IllegalArgumentException("maxRanges must be positive: " + maxRanges);
        }
        lows = new long[maxRanges];
        highs = new long[maxRanges];
    }

    /**
     * Records a received packet number.
     *
     * @return {@link #ADDED}, {@link #DUPLICATE} or {@link #TOO_OLD}
     * @throws IllegalArgumentException if {@code packetNumber} is negative
     */
    public int add(long packetNumber) {
        requireNonNegative(packetNumber);
        if (packetNumber < floor) {
            return TOO_OLD;
        }
        if (count == 0) {
            appendHighest(packetNumber);
            return ADDED;
        }
        int top = slot(count - 1);
        if (packetNumber == highs[top] + 1) {
            highs[top] = packetNumber;
            return ADDED;
        }
        if (packetNumber > highs[top]) {
            appendHighest(packetNumber);
            return ADDED;
        }
        return addBelowLargest(packetNumber);
    }

    private void appendHighest(long packetNumber) {
        if (count == lows.length) {
            forgetLowest();
        }
        int slot = slot(count);
        lows[slot] = packetNumber;
        highs[slot] = packetNumber;
        count++;
    }

    private int addBelowLargest(long packetNumber) {
        int below = positionAtOrBelow(packetNumber);
        if (below >= 0 && packetNumber <= highs[slot(below)]) {
            return DUPLICATE;
        }
        // packetNumber is below the highest range and not in it, so a range above it exists.
        int above = below + 1;
        boolean extendsBelow = below >= 0 && highs[slot(below)] + 1 == packetNumber;
        boolean extendsAbove = lows[slot(above)] - 1 == packetNumber;
        if (extendsBelow && extendsAbove) {
            highs[slot(below)] = highs[slot(above)];
            removeAt(above);
        } else if (extendsBelow) {
            highs[slot(below)] = packetNumber;
        } else if (extendsAbove) {
            lows[slot(above)] = packetNumber;
        } else {
            return insertIsolated(below + 1, packetNumber);
        }
        return ADDED;
    }

    private int insertIsolated(int position, long packetNumber) {
        if (count == lows.length) {
            if (position == 0) {
                // The new range would be the one forgotten: nothing is recorded below it, so raising
                // the floor past it loses nothing and keeps "below the floor" meaning "not tracked".
                floor = packetNumber + 1;
                return TOO_OLD;
            }
            forgetLowest();
            position--;
        }
        for (int p = count; p > position; p--) {
            int to = slot(p);
            int from = slot(p - 1);
            lows[to] = lows[from];
            highs[to] = highs[from];
        }
        int slot = slot(position);
        lows[slot] = packetNumber;
        highs[slot] = packetNumber;
        count++;
        return ADDED;
    }

    private void removeAt(int position) {
        for (int p = position; p < count - 1; p++) {
            int to = slot(p);
            int from = slot(p + 1);
            lows[to] = lows[from];
            highs[to] = highs[from];
        }
        count--;
    }

    private void forgetLowest() {
        floor = highs[head] + 1;
        head = slot(1);
        count--;
    }

    /** Whether {@code packetNumber} is recorded. */
    public boolean contains(long packetNumber) {
        if (packetNumber < floor || count == 0) {
            return false;
        }
        int position = positionAtOrBelow(packetNumber);
        return position >= 0 && packetNumber <= highs[slot(position)];
    }

    /** How many disjoint ranges are recorded. */
    public int rangeCount() {
        return count;
    }

    /**
     * The lowest number of a range, inclusive.
     *
     * @param index 0 for the highest range, up to {@code rangeCount() - 1} for the lowest
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #rangeCount()}
     */
    public long rangeLow(int index) {
        return lows[slotOfIndex(index)];
    }

    /**
     * The highest number of a range, inclusive.
     *
     * @param index 0 for the highest range, up to {@code rangeCount() - 1} for the lowest
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #rangeCount()}
     */
    public long rangeHigh(int index) {
        return highs[slotOfIndex(index)];
    }

    /** The highest number recorded, or {@code -1} when nothing is. */
    public long largest() {
        return count == 0 ? -1 : highs[slot(count - 1)];
    }

    /**
     * Forgets every number below {@code packetNumber} and raises the floor to it; later arrivals
     * below it are {@link #TOO_OLD}. Does nothing if the floor is already at or above it.
     *
     * @throws IllegalArgumentException if {@code packetNumber} is negative
     */
    public void dropBelow(long packetNumber) {
        requireNonNegative(packetNumber);
        if (packetNumber <= floor) {
            return;
        }
        floor = packetNumber;
        while (count > 0 && highs[head] < packetNumber) {
            head = slot(1);
            count--;
        }
        if (count > 0 && lows[head] < packetNumber) {
            lows[head] = packetNumber;
        }
    }

    /** The lowest packet number still accepted: 0 initially, raised by {@link #dropBelow} and by overflow. */
    public long floor() {
        return floor;
    }

    /** The most ranges ever recorded at once. */
    public int maxRanges() {
        return lows.length;
    }

    /** Forgets everything and lowers the floor back to 0. */
    public void clear() {
        head = 0;
        count = 0;
        floor = 0;
    }

    /** Position (0 = lowest range) of the highest range whose low end is at or below {@code packetNumber}, or -1. */
    private int positionAtOrBelow(long packetNumber) {
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (lows[slot(mid)] <= packetNumber) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private int slotOfIndex(int index) {
        Objects.checkIndex(index, count);
        return slot(count - 1 - index);
    }

    /** Array slot of the range at {@code position}, counting from the lowest. */
    private int slot(int position) {
        int slot = head + position;
        return slot >= lows.length ? slot - lows.length : slot;
    }

    private static void requireNonNegative(long packetNumber) {
        if (packetNumber < 0) {
            throw new IllegalArgumentException("packet numbers are never negative: " + packetNumber);
        }
    }
}
