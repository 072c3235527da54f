/** The quantized world model sent to each client and its bit-packed, baseline-delta codec. */
package dev.skirmish.game.snapshot;
