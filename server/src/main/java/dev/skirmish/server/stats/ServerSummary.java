package dev.skirmish.server.stats;

import dev.skirmish.server.input.InputRejection;
import dev.skirmish.server.world.MatchResult;
import dev.skirmish.server.world.PlayerStanding;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a server run came to, as data for a launcher or demo to print or check: the scores of the
 * match in progress, the matches completed, and network and timing totals over the whole run.
 *
 * @param elapsedNanos         time since the server started
 * @param ticksRun             ticks simulated
 * @param ticksSkipped         ticks dropped because the driver fell behind
 * @param tickRateHz           configured tick rate
 * @param mapName              the map played
 * @param matchNumber          the match in progress when the summary was taken
 * @param standings            its standings, best first
 * @param completedMatches     matches that ran to their end, oldest first (the most recent ones)
 * @param tickP50Micros        median tick work over the run (or since {@code GameServer.restartTickTimes})
 * @param tickP99Micros        99th percentile tick work, likewise
 * @param tickMaxMicros        longest tick work, likewise
 * @param datagramsIn          datagrams received
 * @param bytesIn              their bytes
 * @param datagramsOut         datagrams sent
 * @param bytesOut             their bytes
 * @param connectionsAccepted  handshakes completed
 * @param connectionsRejected  handshakes refused (for example server full)
 * @param snapshotsSent        snapshots sent
 * @param snapshotBytes        their payload bytes
 * @param commandsApplied      input commands applied
 * @param commandsLost         command numbers that never arrived in time
 * @param rejections           rejections and clamps by reason
 */
public record ServerSummary(
        long elapsedNanos, long ticksRun, long ticksSkipped, int tickRateHz, String mapName,
        int matchNumber, List<PlayerStanding> standings, List<MatchResult> completedMatches,
        long tickP50Micros, long tickP99Micros, long tickMaxMicros,
        long datagramsIn, long bytesIn, long datagramsOut, long bytesOut,
        long connectionsAccepted, long connectionsRejected,
        long snapshotsSent, long snapshotBytes, long commandsApplied, long commandsLost,
        Map<InputRejection, Long> rejections) {

    public ServerSummary {
        standings = List.copyOf(standings);
        completedMatches = List.copyOf(completedMatches);
        rejections = Map.copyOf(rejections);
    }

    /** A few lines of plain text: scores, then network and timing figures. */
    public String format() {
        StringBuilder text = new StringBuilder();
        double seconds = elapsedNanos / 1e9;
        text.append(String.format(Locale.ROOT, "server summary: %.1f s, %d ticks at %d Hz (%d skipped), map %s%n",
                seconds, ticksRun, tickRateHz, ticksSkipped, mapName));
        for (MatchResult match : completedMatches) {
            PlayerStanding winner = match.winner();
            text.append(String.format(Locale.ROOT, "  match %d: %s%n", match.matchNumber(),
                    winner == null ? "no players" : "won by " + winner.name() + " with " + winner.score()));
        }
        text.append(String.format(Locale.ROOT, "  match %d standings:%n", matchNumber));
        if (standings.isEmpty()) {
            text.append("    (no players)\n");
        }
        for (PlayerStanding s : standings) {
            text.append(String.format(Locale.ROOT, "    %-24s score %4d  kills %4d  deaths %4d%n",
                    s.name(), s.score(), s.kills(), s.deaths()));
        }
        text.append(String.format(Locale.ROOT,
                "  network: in %d datagrams / %d bytes, out %d datagrams / %d bytes (%.1f kB/s out)%n",
                datagramsIn, bytesIn, datagramsOut, bytesOut, seconds > 0 ? bytesOut / seconds / 1000 : 0.0));
        text.append(String.format(Locale.ROOT,
                "  connections: %d accepted, %d refused; snapshots: %d sent, %.0f B avg%n",
                connectionsAccepted, connectionsRejected, snapshotsSent,
                snapshotsSent == 0 ? 0.0 : (double) snapshotBytes / snapshotsSent));
        text.append(String.format(Locale.ROOT,
                "  tick work: p50 %d us, p99 %d us, max %d us; commands: %d applied, %d lost%n",
                tickP50Micros, tickP99Micros, tickMaxMicros, commandsApplied, commandsLost));
        long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
        text.append("  rejected input: ").append(rejected);
        if (rejected > 0) {
            text.append(" (");
            String separator = "";
            for (InputRejection reason : InputRejection.values()) {
                long count = rejections.getOrDefault(reason, 0L);
                if (count > 0) {
                    text.append(separator).append(reason.name().toLowerCase(Locale.ROOT)).append(' ').append(count);
                    separator = ", ";
                }
            }
            text.append(')');
        }
        return text.append('\n').toString();
    }
}
