/**
 * Server figures as data: {@link dev.skirmish.server.stats.ServerStats} each status interval,
 * {@link dev.skirmish.server.stats.ServerSummary} at the end, and the tick-work histogram behind them.
 */
package dev.skirmish.server.stats;
