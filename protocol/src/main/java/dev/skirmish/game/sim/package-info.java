/** The deterministic game rules run by both server and client prediction: movement, fire rate, rifle, rockets. */
package dev.skirmish.game.sim;
