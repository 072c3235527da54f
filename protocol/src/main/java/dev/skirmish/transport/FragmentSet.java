package dev.skirmish.transport;

/**
 * A set of fragment indexes as a bit array that grows to the largest message seen and is then
 * reused, so tracking fragments allocates nothing in steady state.
 */
final class FragmentSet {
    private long[] bits = new long[1];
    private int count;

    /** Empties the set and makes room for indexes below {@code capacity}. */
    void reset(int capacity) {
        int words = (capacity + 63) >>> 6;
        if (bits.length < words) {
            bits = new long[words];
        } else {
            java.util.Arrays.fill(bits, 0, words, 0L);
        }
        count = 0;
    }

    boolean contains(int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    /** Adds {@code index}; false if it was already present. */
    boolean add(int index) {
        long mask = 1L << index;
        int word = index >>> 6;
        if ((bits[word] & mask) != 0) {
            return false;
        }
        bits[word] |= mask;
        count++;
        return true;
    }

    /** Removes {@code index}; false if it was absent. */
    boolean remove(int index) {
        long mask = 1L << index;
        int word = index >>> 6;
        if ((bits[word] & mask) == 0) {
            return false;
        }
        bits[word] &= ~mask;
        count--;
        return true;
    }

    /** The smallest member at or above {@code from}, or -1. */
    int nextMember(int from, int limit) {
        for (int i = from; i < limit; i++) {
            if ((bits[i >>> 6] & (1L << i)) != 0) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return count;
    }
}
