package dev.skirmish.client.bot;

import dev.skirmish.client.ClientFailure;
import dev.skirmish.client.ClientStats;

/**
 * How one bot of a {@link BotFleet} did.
 *
 * @param name     its player name
 * @param playerId the id the server gave it, or -1 if it never joined
 * @param stats    its statistics at the end of the run (frozen at the failure if it failed)
 * @param failure  why its session failed, or null if it ran until stopped
 */
public record BotResult(String name, int playerId, ClientStats stats, ClientFailure failure) {
}
