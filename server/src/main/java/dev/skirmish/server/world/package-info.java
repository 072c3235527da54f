/**
 * The game world the server simulates: {@link dev.skirmish.server.world.World} (players, rockets,
 * damage, death, respawn, score, the match clock) and its lag compensation over a per-tick position
 * history. Knows nothing of connections; deterministic and allocation-free per tick.
 */
package dev.skirmish.server.world;
