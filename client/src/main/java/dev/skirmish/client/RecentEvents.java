package dev.skirmish.client;

/**
 * The last few events of one kind (kill feed lines, chat lines), newest first; older ones fall off.
 * Holds references to immutable records, so copying it copies references only.
 */
final class RecentEvents<T> {

    private final Object[] slots;
    private int newest = -1;
    private int size;

    RecentEvents(int capacity) {
        slots = new Object[capacity];
    }

    void add(T event) {
        newest = (newest + 1) % slots.length;
        slots[newest] = event;
        size = Math.min(size + 1, slots.length);
    }

    int size() {
        return size;
    }

    /** The {@code age}-th newest event, 0 being the newest. */
    @SuppressWarnings("unchecked")
    T get(int age) {
        if (age < 0 || age >= size) {
            throw new IndexOutOfBoundsException("event " + age + " of " + size);
        }
        return (T) slots[Math.floorMod(newest - age, slots.length)];
    }

    void copyFrom(RecentEvents<T> other) {
        System.arraycopy(other.slots, 0, slots, 0, slots.length);
        newest = other.newest;
        size = other.size;
    }
}
