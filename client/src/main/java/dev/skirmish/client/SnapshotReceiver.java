package dev.skirmish.client;

import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.snapshot.MissingBaselineException;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotDecoder;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.snapshot.SnapshotRing;
import dev.skirmish.game.wire.WireFormatException;

/**
 * The client's end of the snapshot stream: decodes each snapshot against the baseline it names, keeps
 * the decoded ones as future baselines, and knows which tick to acknowledge.
 *
 * <p>The server encodes against the newest snapshot the client acknowledged, and the client always
 * acknowledges the newest one it decoded; that one is always held, so deltas keep decoding as long as
 * fewer than {@link #DEFAULT_CAPACITY} snapshots arrive within one round trip (about a second at 60 Hz).
 * A snapshot that is malformed, older than the newest decoded, or a delta against a baseline no longer
 * held is dropped and counted; the acknowledged tick then stays put, so the server's next delta is
 * against a snapshot the client holds.
 *
 * <p>Never allocates after construction (decoding into a scratch snapshot, then copying into the ring,
 * so the ring slot being written is never the baseline being read). Not thread-safe.
 */
public final class SnapshotReceiver {

    /** Snapshots kept as baselines by default. */
    public static final int DEFAULT_CAPACITY = 64;

    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final SnapshotRing ring;
    private final Snapshot scratch = new Snapshot();
    private int ackedTick = ClientUpdate.NO_SNAPSHOT;
    private long accepted;
    private long malformed;
    private long missingBaseline;
    private long stale;

    /** A receiver keeping {@link #DEFAULT_CAPACITY} baselines. */
    public SnapshotReceiver() {
        this(DEFAULT_CAPACITY);
    }

    /** A receiver keeping {@code capacity} baselines (1 or more). */
    public SnapshotReceiver(int capacity) {
        ring = new SnapshotRing(capacity);
    }

    /**
     * Decodes one snapshot; returns it (owned by the receiver, valid until {@link #capacity()} newer ones
     * have been accepted) or null if it was dropped.
     */
    public Snapshot accept(byte[] data, int offset, int length) {
        try {
            int baselineTick = decoder.baselineTick(data, offset, length);
            Snapshot baseline = baselineTick == SnapshotEncoder.NO_BASELINE ? null : ring.get(baselineTick);
            decoder.decode(data, offset, length, baseline, scratch);
        } catch (MissingBaselineException e) {
            missingBaseline++;
            return null;
        } catch (WireFormatException e) {
            malformed++;
            return null;
        }
        if (scratch.tick() <= ackedTick) {
            stale++;
            return null;
        }
        ackedTick = scratch.tick();
        accepted++;
        return ring.put(scratch);
    }

    /** The tick to acknowledge: the newest decoded, or {@link ClientUpdate#NO_SNAPSHOT}. */
    public int ackedTick() {
        return ackedTick;
    }

    /** The snapshot of {@code tick} if still held, else null. */
    public Snapshot get(int tick) {
        return ring.get(tick);
    }

    /** Baselines kept. */
    public int capacity() {
        return ring.capacity();
    }

    /** Snapshots decoded and accepted. */
    public long accepted() {
        return accepted;
    }

    /** Snapshots dropped as malformed. */
    public long malformed() {
        return malformed;
    }

    /** Deltas dropped because their baseline was not held. */
    public long missingBaseline() {
        return missingBaseline;
    }

    /** Snapshots dropped as no newer than the newest accepted. */
    public long stale() {
        return stale;
    }

    /** All snapshots dropped, for whatever reason. */
    public long dropped() {
        return malformed + missingBaseline + stale;
    }
}
