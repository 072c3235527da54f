package dev.skirmish.server;

import dev.skirmish.server.world.PlayerStanding;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Standings of players who left, kept by name for a grace period: a player who joins again under the
 * same name within it gets their score, kills, deaths and (if free) their id back. Names are the only
 * identity the game has, so this is a convenience, not a security boundary. Cleared when a match ends,
 * since scores reset then. Not thread-safe.
 */
final class ReconnectGrace {

    /** A departed player's standing and the tick until which it may be claimed. */
    record Departed(PlayerStanding standing, int expiresAtTick) {
    }

    private final int graceTicks;
    private final Map<String, Departed> byName = new HashMap<>();

    ReconnectGrace(int graceTicks) {
        this.graceTicks = graceTicks;
    }

    void remember(PlayerStanding standing, int tick) {
        if (graceTicks > 0) {
            byName.put(standing.name(), new Departed(standing, tick + graceTicks));
        }
    }

    /** The standing left under {@code name} if still within its grace period, removed; else null. */
    PlayerStanding claim(String name, int tick) {
        Departed departed = byName.remove(name);
        return departed != null && tick - departed.expiresAtTick() <= 0 ? departed.standing() : null;
    }

    void expire(int tick) {
        for (Iterator<Departed> it = byName.values().iterator(); it.hasNext(); ) {
            if (tick - it.next().expiresAtTick() > 0) {
                it.remove();
            }
        }
    }

    void clear() {
        byName.clear();
    }

    int size() {
        return byName.size();
    }
}
