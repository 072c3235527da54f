package dev.skirmish.game.map;

/** A place where the server may put a player at spawn: the centre of a free tile, in world units. */
public record SpawnPoint(double x, double y) {
}
