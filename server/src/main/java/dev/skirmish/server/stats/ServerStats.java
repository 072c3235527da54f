package dev.skirmish.server.stats;

import dev.skirmish.server.input.InputRejection;
import java.util.Locale;
import java.util.Map;

/**
 * A server's figures at one instant: rates cover the window since the previous report (the status
 * interval), totals cover the whole run.
 *
 * @param elapsedNanos           time since the server started
 * @param tick                   the last tick run
 * @param tickRateHz             configured tick rate
 * @param players                players in the game
 * @param connections            transport connections (joined or not)
 * @param matchNumber            the match in progress, from 1
 * @param matchSecondsLeft       time left in it
 * @param ticksRun               ticks simulated in total
 * @param ticksSkipped           ticks dropped because the driver fell too far behind
 * @param tickP50Micros          median tick work in the window
 * @param tickP99Micros          99th percentile tick work in the window
 * @param tickMaxMicros          longest tick work in the window
 * @param bytesInPerSecond       UDP payload received per second in the window
 * @param bytesOutPerSecond      UDP payload sent per second in the window
 * @param bytesOutPerSecondPerPlayer {@code bytesOutPerSecond} shared among the players (0 with none)
 * @param snapshotBytesPerSecond snapshot payload sent per second in the window
 * @param snapshotsSent          snapshots sent in total
 * @param fullSnapshots          of which full (no usable baseline)
 * @param snapshotBytes          snapshot payload in total
 * @param snapshotsRefused       snapshots the transport refused (a client's send buffer full), in total
 * @param commandsApplied        input commands applied in total
 * @param commandsLost           command numbers skipped because they never arrived in time
 * @param commandsRedundant      redundant copies ignored (normal: every update repeats a few)
 * @param rejections             rejections and clamps by reason, in total
 * @param transportDrops         datagrams the endpoint dropped (malformed, unknown peer, ...), in total
 */
public record ServerStats(
        long elapsedNanos, int tick, int tickRateHz, int players, int connections, int matchNumber,
        int matchSecondsLeft, long ticksRun, long ticksSkipped,
        long tickP50Micros, long tickP99Micros, long tickMaxMicros,
        double bytesInPerSecond, double bytesOutPerSecond, double bytesOutPerSecondPerPlayer,
        double snapshotBytesPerSecond, long snapshotsSent, long fullSnapshots, long snapshotBytes,
        long snapshotsRefused, long commandsApplied, long commandsLost, long commandsRedundant,
        Map<InputRejection, Long> rejections, long transportDrops) {

    public ServerStats {
        rejections = Map.copyOf(rejections);
    }

    /** All rejections and clamps together. */
    public long totalRejections() {
        long total = 0;
        for (long count : rejections.values()) {
            total += count;
        }
        return total;
    }

    /** Mean snapshot size in bytes (0 before the first). */
    public double meanSnapshotBytes() {
        return snapshotsSent == 0 ? 0 : (double) snapshotBytes / snapshotsSent;
    }

    /** One line for a log or console. */
    public String statusLine() {
        return String.format(Locale.ROOT,
                "tick %d | %d players | match %d, %ds left | tick work p50 %dus p99 %dus max %dus"
                        + " | in %.1f kB/s, out %.1f kB/s (%.1f kbit/s per player) | snapshots %.0f B avg"
                        + " | rejected %d | skipped ticks %d",
                tick, players, matchNumber, matchSecondsLeft, tickP50Micros, tickP99Micros, tickMaxMicros,
                bytesInPerSecond / 1000, bytesOutPerSecond / 1000, bytesOutPerSecondPerPlayer * 8 / 1000,
                meanSnapshotBytes(), totalRejections(), ticksSkipped);
    }
}
