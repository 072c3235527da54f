/** Reliable-channel game messages (join, welcome, leave, chat, kill feed, score, map) and their Kryo registration. */
package dev.skirmish.game.message;
