/** Player input commands and the packet codec that carries the last few of them in every client packet. */
package dev.skirmish.game.input;
