/**
 * Headless bots: a {@link dev.skirmish.client.bot.BotBrain} per {@link dev.skirmish.client.GameClient},
 * run in this process over UDP by a {@link dev.skirmish.client.bot.BotFleet}, and the {@code skirmish bot}
 * command ({@link dev.skirmish.client.bot.BotCommand}) that reports what they measured.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Bots play through the real client</b>: the same prediction, interpolation and network code a
 *       human's client runs, so their statistics describe what players get.</li>
 *   <li><b>Paths are made of tile centres</b> with four neighbours per tile (never diagonals): on any valid
 *       map this keeps a bot off every wall without a collision query per step.</li>
 *   <li><b>Seeded decisions, unseeded connection ids</b>: bot {@code i} decides with seed {@code seed + i};
 *       connection ids come from {@code SecureRandom} because they must not collide across processes.</li>
 *   <li><b>One socket and one thread per bot</b> (at most 64): each bot's timing is its own, as for real
 *       players, and a slow bot cannot delay another's input.</li>
 * </ul>
 */
package dev.skirmish.client.bot;
