package dev.skirmish.server.world;

import dev.skirmish.game.Weapon;
import dev.skirmish.server.input.InputRejection;

/**
 * What a {@link World} tells its owner as it happens, on the simulation thread, in simulation order.
 * The server turns these into reliable events for clients; tests record them. Every method does
 * nothing by default.
 */
public interface WorldListener {

    /** A player (re)appeared at a spawn point. */
    default void onSpawn(ServerPlayer player) {
    }

    /** {@code victim} died; {@code killer} is the victim itself for a suicide. Scores are already updated. */
    default void onKill(ServerPlayer killer, ServerPlayer victim, Weapon weapon) {
    }

    /** A shot's view time was clamped (counted by the caller). */
    default void onClamp(ServerPlayer shooter, InputRejection reason) {
    }

    /** The match ended; scores are still those of the match. */
    default void onMatchEnd(MatchResult result) {
    }

    /** A new match began with every score at zero and every player respawned. */
    default void onMatchStart(int matchNumber, int tick) {
    }
}
