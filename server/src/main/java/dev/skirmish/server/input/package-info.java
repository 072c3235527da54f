/**
 * What the server does with client input before the world sees it: the per-player
 * {@link dev.skirmish.server.input.CommandQueue} and the counted reasons input is refused or clamped.
 */
package dev.skirmish.server.input;
