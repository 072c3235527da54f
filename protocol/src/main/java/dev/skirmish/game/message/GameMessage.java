package dev.skirmish.game.message;

/**
 * A message of the game's reliable channel (joins, chat, kill feed, scores, the map). Every
 * implementation is an immutable record that validates its fields on construction, registered
 * with a fixed Kryo id by {@link GameMessages#register}.
 */
public sealed interface GameMessage
        permits Join, Welcome, PlayerJoined, Leave, Chat, KillFeed, ScoreUpdate, MapInfo {
}
