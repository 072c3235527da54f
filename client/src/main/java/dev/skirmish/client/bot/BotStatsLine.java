package dev.skirmish.client.bot;

import dev.skirmish.client.ClientStats;
import java.util.List;

/**
 * One row of a bot report, for one bot or for all of them, in the units the report prints.
 *
 * @param label                  bot name, or "total"
 * @param playerId               the bot's player id (-1 for none or for the total row)
 * @param rttMillis              smoothed round-trip time; the mean over bots with a sample in the total row
 * @param lossPercent            packets declared lost, percent; the mean in the total row
 * @param snapshotsPerSecond     snapshots received per second of play; the sum in the total row
 * @param kilobitsPerSecondDown  received kbit/s (1000 bits); the sum in the total row
 * @param kilobitsPerSecondUp    sent kbit/s; the sum in the total row
 * @param corrections            prediction corrections; the sum in the total row
 * @param largestCorrectionUnits largest correction in world units; the maximum in the total row
 * @param kills                  kills; the sum in the total row
 * @param deaths                 deaths; the sum in the total row
 * @param failure                why the bot's session failed ("" if it did not); in the total row, how many failed
 */
public record BotStatsLine(String label, int playerId, double rttMillis, double lossPercent, double snapshotsPerSecond,
                           double kilobitsPerSecondDown, double kilobitsPerSecondUp, long corrections,
                           double largestCorrectionUnits, long kills, long deaths, String failure) {

    /** The row of one bot. */
    public static BotStatsLine of(BotResult bot) {
        ClientStats s = bot.stats();
        return new BotStatsLine(bot.name(), bot.playerId(), s.rttMillis(), s.lossPercent(), s.snapshotsPerSecond(),
                s.kilobitsPerSecondDown(), s.kilobitsPerSecondUp(), s.corrections(), s.largestCorrectionUnits(),
                s.kills(), s.deaths(), bot.failure() == null ? "" : bot.failure().describe());
    }

    /** The row of totals over {@code bots}. */
    public static BotStatsLine total(List<BotResult> bots) {
        double rttSum = 0;
        int rttSamples = 0;
        double lossSum = 0;
        double snapshots = 0;
        double down = 0;
        double up = 0;
        long corrections = 0;
        double largest = 0;
        long kills = 0;
        long deaths = 0;
        long failed = 0;
        for (BotResult bot : bots) {
            ClientStats s = bot.stats();
            if (s.smoothedRttMicros() > 0) {
                rttSum += s.rttMillis();
                rttSamples++;
            }
            lossSum += s.lossPercent();
            snapshots += s.snapshotsPerSecond();
            down += s.kilobitsPerSecondDown();
            up += s.kilobitsPerSecondUp();
            corrections += s.corrections();
            largest = Math.max(largest, s.largestCorrectionUnits());
            kills += s.kills();
            deaths += s.deaths();
            failed += bot.failure() == null ? 0 : 1;
        }
        return new BotStatsLine("total", -1, rttSamples == 0 ? 0 : rttSum / rttSamples,
                bots.isEmpty() ? 0 : lossSum / bots.size(), snapshots, down, up, corrections, largest, kills, deaths,
                failed == 0 ? "" : failed + " failed");
    }
}
