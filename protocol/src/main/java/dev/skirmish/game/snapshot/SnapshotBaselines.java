package dev.skirmish.game.snapshot;

/**
 * The sender's side of the snapshot baseline rule, for one recipient: the snapshots sent to it (the
 * baselines its acknowledgements can name) and the newest one it acknowledged. The game server keeps
 * one per client; demo playback keeps one for its replay client, so both encode by the same rule.
 *
 * <p>The rule: each snapshot is a delta against the newest snapshot the recipient acknowledged, if it
 * is still held and younger than both the ring and {@link SnapshotEncoder#MAX_BASELINE_AGE_TICKS};
 * otherwise it goes in full. An acknowledgement counts only if it names a snapshot that was sent and is
 * newer than the one acknowledged before. Never allocates after construction; not thread-safe.
 */
public final class SnapshotBaselines {

    /** Acknowledged tick before any acknowledgement (the value {@code ClientUpdate.NO_SNAPSHOT} carries). */
    public static final int NONE = -1;

    /** What an acknowledgement did. */
    public enum Ack {
        /** None, or not newer than the one already acknowledged: nothing changes. */
        IGNORED,
        /** Names a snapshot sent and still held: it is the baseline from now on. */
        ACCEPTED,
        /** Names a tick never sent, or one recent enough that it should still be held: a lying client. */
        INVALID
    }

    /** Fewest snapshots a recipient's ring keeps, however low the tick rate. */
    static final int MIN_CAPACITY = 32;

    private final SnapshotRing sent;
    private int ackedTick = NONE;

    /**
     * The ring capacity the game uses at {@code tickRateHz}: about a second of snapshots (at least
     * {@value #MIN_CAPACITY}), never more than {@link SnapshotEncoder#MAX_BASELINE_AGE_TICKS}, since an
     * older baseline cannot be encoded. Acknowledgements older than that fall back to a full snapshot.
     */
    public static int capacityFor(int tickRateHz) {
        if (tickRateHz <= 0) {
            throw new IllegalArgumentException("tickRateHz must be > 0, got " + tickRateHz);
        }
        return Math.min(SnapshotEncoder.MAX_BASELINE_AGE_TICKS, Math.max(MIN_CAPACITY, tickRateHz));
    }

    /** Baselines for a recipient, keeping the last {@code capacity} snapshots sent (1 or more). */
    public SnapshotBaselines(int capacity) {
        sent = new SnapshotRing(capacity);
    }

    /**
     * Encodes {@code world} (whose tick must be newer than every snapshot sent before) for this
     * recipient with {@code lastProcessedCommand}, against its baseline, into {@code encoder}; keeps a
     * copy as a future baseline. Returns the encoded length in {@link SnapshotEncoder#buffer()}.
     */
    public int encodeNext(Snapshot world, int lastProcessedCommand, SnapshotEncoder encoder) {
        // Looked up before the ring takes the new tick, which may reuse the slot of an old baseline.
        Snapshot baseline = baselineFor(world.tick());
        Snapshot copy = sent.put(world);
        copy.setLastProcessedCommand(lastProcessedCommand);
        return encoder.encode(copy, baseline);
    }

    /**
     * The snapshot to encode tick {@code tick} against: the newest one acknowledged, if still held and
     * young enough for the encoder; null for a full snapshot.
     */
    public Snapshot baselineFor(int tick) {
        if (ackedTick == NONE) {
            return null;
        }
        int age = tick - ackedTick;
        if (age <= 0 || age >= sent.capacity() || age > SnapshotEncoder.MAX_BASELINE_AGE_TICKS) {
            return null;
        }
        return sent.get(ackedTick);
    }

    /**
     * Takes {@code tick} as acknowledged, if it is newer than the current one and a snapshot that was
     * sent; {@code currentTick} is the sender's tick now, against which a claim is judged.
     */
    public Ack acknowledge(int tick, int currentTick) {
        if (tick == NONE || tick <= ackedTick) {
            return Ack.IGNORED;
        }
        if (tick > currentTick) {
            return Ack.INVALID;
        }
        if (sent.get(tick) != null) {
            ackedTick = tick;
            return Ack.ACCEPTED;
        }
        // Evicted long ago is plausible (a slow client); missing while it should still be held is not.
        return currentTick - tick < sent.capacity() ? Ack.INVALID : Ack.IGNORED;
    }

    /** The newest acknowledged tick, or {@link #NONE}. */
    public int ackedTick() {
        return ackedTick;
    }

    /** Snapshots sent that are kept as baselines. */
    public int capacity() {
        return sent.capacity();
    }
}
