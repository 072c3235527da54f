package dev.skirmish.game.net;

import dev.skirmish.transport.DeliveryMode;
import dev.skirmish.transport.TransportConfig;

/**
 * How the game uses the transport's channels; server and client must agree, so it is defined once here.
 *
 * <pre>
 *  channel  mode                   direction         carries
 *  0        reliable-ordered       both              GameMessage (Kryo): Join, Welcome, MapInfo, PlayerJoined,
 *                                                    Leave, Chat, KillFeed, ScoreUpdate
 *  1        reliable-unordered     -                 reserved
 *  2        unreliable-sequenced   server -> client  one snapshot per tick (SnapshotEncoder), delta against the
 *                                                    newest snapshot the client acknowledged
 *  3        unreliable             client -> server  ClientUpdate: snapshot acknowledgement + the last few input
 *                                                    commands (redundant, so a lost datagram costs nothing)
 * </pre>
 *
 * Snapshots go sequenced because a late snapshot is worthless once a newer one arrived; inputs go
 * plainly unreliable because each update repeats the previous commands anyway, and the server applies
 * each command number once whatever order updates arrive in.
 */
public final class GameChannels {
    public static final int EVENTS = 0;
    public static final int RESERVED = 1;
    public static final int SNAPSHOTS = 2;
    public static final int INPUT = 3;

    private GameChannels() {
    }

    /** The transport configuration for the game: the four channels above, on the given profile. */
    public static TransportConfig transportConfig(TransportConfig profile) {
        return profile.toBuilder()
                .channels(DeliveryMode.RELIABLE_ORDERED, DeliveryMode.RELIABLE_UNORDERED,
                        DeliveryMode.UNRELIABLE_SEQUENCED, DeliveryMode.UNRELIABLE)
                .build();
    }

    /**
     * The game's transport configuration for a given tick rate. Both sides send a datagram every tick
     * (snapshots down, inputs up), so acknowledgements wait up to one tick and ride on those instead of
     * costing packets of their own: a standalone ack per input would add several kbit/s per client.
     * Out-of-order arrivals are still acknowledged at once.
     */
    public static TransportConfig transportConfig(TransportConfig profile, int tickRateHz) {
        if (tickRateHz <= 0) {
            throw new IllegalArgumentException("tickRateHz must be positive, got " + tickRateHz);
        }
        return transportConfig(profile).toBuilder()
                .maxAckDelayMicros(Math.min(1_000_000L, 1_000_000L / tickRateHz + 1_000))
                .ackElicitingThreshold(64)
                .build();
    }
}
