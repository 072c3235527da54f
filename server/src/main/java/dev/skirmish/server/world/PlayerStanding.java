package dev.skirmish.server.world;

/** One player's line on the scoreboard: score (kills minus suicides), kills and deaths. */
public record PlayerStanding(int playerId, String name, int score, int kills, int deaths) {
}
