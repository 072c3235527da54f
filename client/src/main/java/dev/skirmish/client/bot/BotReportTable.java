package dev.skirmish.client.bot;

import java.util.Locale;

/** The bot report as a plain-text table: one row per bot, then the totals, then any failures. */
public final class BotReportTable {

    private static final String HEADER_FORMAT = "%-24s %3s %8s %7s %8s %10s %9s %11s %10s %6s %6s%n";
    private static final String ROW_FORMAT = "%-24s %3s %8.1f %7.2f %8.1f %10.1f %9.1f %11d %10.2f %6d %6d%n";

    private BotReportTable() {
    }

    public static String render(BotReport report) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "bots on %s:%d (seed %d)%n", report.server().getHostString(),
                report.server().getPort(), report.seed()));
        table.append(String.format(Locale.ROOT, HEADER_FORMAT, "bot", "id", "rtt ms", "loss %", "snap/s",
                "kbps down", "kbps up", "corrections", "max error", "kills", "deaths"));
        for (BotStatsLine line : report.lines()) {
            row(table, line, line.playerId() < 0 ? "-" : Integer.toString(line.playerId()));
        }
        row(table, report.total(), "");
        for (BotStatsLine line : report.lines()) {
            if (!line.failure().isEmpty()) {
                table.append(line.label()).append(": ").append(line.failure()).append(System.lineSeparator());
            }
        }
        return table.toString();
    }

    private static void row(StringBuilder table, BotStatsLine line, String id) {
        table.append(String.format(Locale.ROOT, ROW_FORMAT, line.label(), id, line.rttMillis(), line.lossPercent(),
                line.snapshotsPerSecond(), line.kilobitsPerSecondDown(), line.kilobitsPerSecondUp(), line.corrections(),
                line.largestCorrectionUnits(), line.kills(), line.deaths()));
    }
}
