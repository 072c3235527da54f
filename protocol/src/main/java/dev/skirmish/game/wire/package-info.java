/** Bit-level encoding shared by the game's wire formats, quantization of simulation values, and the decode failure type. */
package dev.skirmish.game.wire;
