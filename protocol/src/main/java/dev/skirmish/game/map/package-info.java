/** Maps: the immutable {@link dev.skirmish.game.map.GameMap}, its text format and the maps shipped in {@code /maps}. */
package dev.skirmish.game.map;
