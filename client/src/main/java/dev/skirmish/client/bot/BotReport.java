package dev.skirmish.client.bot;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a {@link BotFleet} measured: one {@link BotResult} per bot, in bot order, and their totals.
 *
 * @param server the server the bots played on
 * @param seed   the fleet's seed
 * @param bots   per-bot results
 */
public record BotReport(InetSocketAddress server, long seed, List<BotResult> bots) {

    /** Copies the list. */
    public BotReport {
        bots = List.copyOf(bots);
    }

    /** One line per bot, in bot order. */
    public List<BotStatsLine> lines() {
        return bots.stream().map(BotStatsLine::of).toList();
    }

    /** The line of totals over every bot. */
    public BotStatsLine total() {
        return BotStatsLine.total(bots);
    }

    /** Bots whose session failed. */
    public long failures() {
        return bots.stream().filter(bot -> bot.failure() != null).count();
    }
}
