package dev.skirmish.game.snapshot;

import java.util.Arrays;

/**
 * The last few snapshots by tick, preallocated: the server keeps one per client (what it sent, to
 * encode against whichever the client acknowledges) and the client keeps one (what it decoded, to
 * look up the baseline each new snapshot names).
 *
 * <p>Snapshot of tick {@code t} lives in slot {@code t mod capacity}; claiming a tick overwrites the
 * slot's older snapshot, so a lookup of an evicted tick answers null and the server falls back to a
 * full snapshot. Never allocates after construction. Not thread-safe.
 */
public final class SnapshotRing {

    private final Snapshot[] slots;
    private final boolean[] valid;

    /** Creates a ring of {@code capacity} snapshots (1 or more). */
    public SnapshotRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        slots = new Snapshot[capacity];
        valid = new boolean[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Snapshot();
        }
    }

    /** Returns the slot for {@code tick} (0 or more), cleared to that tick, evicting what it held. */
    public Snapshot claim(int tick) {
        int slot = slotOf(tick);
        valid[slot] = true;
        return slots[slot].clear(tick);
    }

    /** Stores a copy of {@code snapshot} under its tick, evicting what that slot held; returns the copy. */
    public Snapshot put(Snapshot snapshot) {
        return claim(snapshot.tick()).copyFrom(snapshot);
    }

    /** The snapshot of {@code tick} if still held, else null (also for negative ticks). */
    public Snapshot get(int tick) {
        if (tick < 0) {
            return null;
        }
        int slot = slotOf(tick);
        return valid[slot] && slots[slot].tick() == tick ? slots[slot] : null;
    }

    /** Forgets every snapshot (for example when a client reconnects). */
    public void clear() {
        Arrays.fill(valid, false);
    }

    /** Number of snapshots the ring holds at most. */
    public int capacity() {
        return slots.length;
    }

    private int slotOf(int tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        return tick % slots.length;
    }
}
