package dev.skirmish.client;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.game.snapshot.ProjectileSnapshot;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.wire.Quantization;

/**
 * A bounded, tick-ordered buffer of recent snapshots from which other players are drawn as they were
 * at a render time a little in the past, moving smoothly between the snapshots around it.
 *
 * <h2>Use, once per frame or tick</h2>
 * <pre>
 *   buffer.insert(snapshot);                 // as snapshots arrive (any order; copies)
 *   buffer.seek(renderTick);                 // pick the snapshots around the render time
 *   buffer.samplePlayers(localId, view);     // others, interpolated
 *   buffer.sampleProjectiles(rateHz, view);  // rockets, flown to the render time
 * </pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Interpolate</b> between the newest snapshot at or before the render time ({@code from}) and
 *       the oldest after it ({@code to}), linearly in position and along the shorter arc in aim. A gap
 *       left by lost snapshots simply widens the interval. Players are taken from {@code from}; one
 *       missing from {@code to} (left), respawned in between (spawn serial changed) or dead at either end
 *       is held at {@code from} rather than slid across the map.</li>
 *   <li><b>Underrun</b>: a render time past the newest snapshot is counted. Players are then extrapolated
 *       along their last velocity for at most {@code maxExtrapolationTicks}, then held.</li>
 *   <li>A render time before the oldest snapshot holds the oldest.</li>
 *   <li><b>Bounded</b>: the oldest snapshot makes room for a new one; a snapshot older than everything in
 *       a full buffer, or a tick already held, is refused and counted. Out-of-order inserts take their
 *       place by tick.</li>
 * </ul>
 * Snapshot copies are preallocated; inserting and sampling never allocate. Not thread-safe.
 */
public final class InterpolationBuffer {

    private static final double TWO_PI = 2 * Math.PI;

    private final Snapshot[] entries;
    private final double maxExtrapolationTicks;
    private int count;
    private long underruns;
    private long refused;
    private long outOfOrderInserts;
    private Snapshot base;
    private Snapshot partner;
    private double weight;
    private double sampleTick;

    /**
     * A buffer of {@code capacity} snapshots (2 or more) that extrapolates at most
     * {@code maxExtrapolationTicks} (0 or more) past the newest.
     */
    public InterpolationBuffer(int capacity, double maxExtrapolationTicks) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be >= 2, got " + capacity);
        }
        if (!(maxExtrapolationTicks >= 0) || Double.isInfinite(maxExtrapolationTicks)) {
            throw new IllegalArgumentException("max extrapolation must be finite and >= 0 ticks, got "
                    + maxExtrapolationTicks);
        }
        this.entries = new Snapshot[capacity];
        for (int i = 0; i < capacity; i++) {
            entries[i] = new Snapshot();
        }
        this.maxExtrapolationTicks = maxExtrapolationTicks;
    }

    /** Stores a copy of {@code snapshot} in tick order; false if its tick is held already or it is too old. */
    public boolean insert(Snapshot snapshot) {
        int tick = snapshot.tick();
        int position = count;
        while (position > 0 && entries[position - 1].tick() > tick) {
            position--;
        }
        if (position > 0 && entries[position - 1].tick() == tick) {
            refused++;
            return false;
        }
        Snapshot slot;
        if (count < entries.length) {
            slot = entries[count];
            System.arraycopy(entries, position, entries, position + 1, count - position);
            count++;
        } else if (position == 0) {
            refused++;
            return false;
        } else {
            slot = entries[0];
            System.arraycopy(entries, 1, entries, 0, position - 1);
            position--;
        }
        if (position < count - 1) {
            outOfOrderInserts++;
        }
        entries[position] = slot;
        slot.copyFrom(snapshot);
        base = null;
        return true;
    }

    /** Forgets every snapshot (for a new session). */
    public void clear() {
        count = 0;
        base = null;
    }

    /**
     * Picks the snapshots around {@code renderTick} for the sample calls that follow; counts an underrun
     * if it lies past the newest snapshot. Does nothing while the buffer is empty.
     */
    public void seek(double renderTick) {
        base = null;
        if (count == 0) {
            return;
        }
        Snapshot newest = entries[count - 1];
        if (renderTick > newest.tick()) {
            underruns++;
            seekPastNewest(renderTick);
            return;
        }
        int after = count - 1;
        while (after > 0 && entries[after - 1].tick() > renderTick) {
            after--;
        }
        if (after == 0 || entries[after].tick() == renderTick) {
            base = entries[after];
            partner = base;
            weight = 0;
            sampleTick = after == 0 ? Math.max(renderTick, entries[0].tick()) : renderTick;
            return;
        }
        base = entries[after - 1];
        partner = entries[after];
        weight = (renderTick - base.tick()) / (partner.tick() - base.tick());
        sampleTick = renderTick;
    }

    private void seekPastNewest(double renderTick) {
        base = entries[count - 1];
        double ahead = Math.min(renderTick - base.tick(), maxExtrapolationTicks);
        sampleTick = base.tick() + ahead;
        if (count == 1 || ahead == 0) {
            partner = base;
            weight = 0;
            return;
        }
        partner = entries[count - 2];
        weight = -ahead / (base.tick() - partner.tick());
    }

    /** Writes every player but {@code skipPlayerId} as at the sought render time into {@code view}'s others. */
    public void samplePlayers(int skipPlayerId, ClientView view) {
        view.clearOthers();
        if (base == null) {
            return;
        }
        for (int i = 0; i < base.playerCount(); i++) {
            PlayerSnapshot player = base.player(i);
            if (player.id() != skipPlayerId) {
                interpolate(player, view.addOther());
            }
        }
    }

    /** Writes player {@code id} as at the sought render time into {@code out}; false if not present. */
    public boolean samplePlayer(int id, PlayerView out) {
        PlayerSnapshot player = base == null ? null : base.findPlayer(id);
        if (player == null) {
            return false;
        }
        interpolate(player, out);
        return true;
    }

    /**
     * Writes the rockets of the sought snapshot into {@code view}, each flown (in closed form from its
     * launch) to the render time, for a server ticking at {@code tickRateHz}.
     */
    public void sampleProjectiles(int tickRateHz, ClientView view) {
        view.clearProjectiles();
        if (base == null) {
            return;
        }
        for (int i = 0; i < base.projectileCount(); i++) {
            ProjectileSnapshot rocket = base.projectile(i);
            double ageSeconds = Math.max(0, sampleTick - rocket.spawnTick()) / tickRateHz;
            if (ageSeconds > GameConstants.ROCKET_LIFETIME_SECONDS) {
                continue;
            }
            double angle = Quantization.angle(rocket.angleCode(), GameConstants.PROJECTILE_ANGLE_BITS);
            double travelled = GameConstants.ROCKET_SPEED_UNITS_PER_SECOND * ageSeconds;
            view.addProjectile().set(rocket.id(), rocket.ownerId(),
                    Quantization.position(rocket.originXCode()) + StrictMath.cos(angle) * travelled,
                    Quantization.position(rocket.originYCode()) + StrictMath.sin(angle) * travelled,
                    angle);
        }
    }

    private void interpolate(PlayerSnapshot from, PlayerView out) {
        out.set(from);
        if (weight == 0) {
            return;
        }
        PlayerSnapshot to = partner.findPlayer(from.id());
        if (to == null || to.spawnSerial() != from.spawnSerial() || !to.alive() || !from.alive()) {
            return;
        }
        double turn = to.aimAngle() - from.aimAngle();
        turn -= TWO_PI * Math.floor(turn / TWO_PI + 0.5);
        double aim = from.aimAngle() + turn * weight;
        aim -= TWO_PI * Math.floor(aim / TWO_PI);
        out.setPose(from.x() + (to.x() - from.x()) * weight, from.y() + (to.y() - from.y()) * weight, aim);
    }

    /** Snapshots held. */
    public int size() {
        return count;
    }

    /** Capacity in snapshots. */
    public int capacity() {
        return entries.length;
    }

    /** Tick of the newest snapshot held, or -1. */
    public int newestTick() {
        return count == 0 ? -1 : entries[count - 1].tick();
    }

    /** Tick of the oldest snapshot held, or -1. */
    public int oldestTick() {
        return count == 0 ? -1 : entries[0].tick();
    }

    /** Seeks whose render time lay past the newest snapshot. */
    public long underruns() {
        return underruns;
    }

    /** Inserts refused as duplicates or too old. */
    public long refused() {
        return refused;
    }

    /** Inserts that landed before a newer snapshot already held. */
    public long outOfOrderInserts() {
        return outOfOrderInserts;
    }
}
