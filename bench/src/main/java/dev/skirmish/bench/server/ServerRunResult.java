package dev.skirmish.bench.server;

import dev.skirmish.bench.json.JsonLine;
import java.util.Locale;

/**
 * What one server run measured, over the window after every bot joined and the warm-up passed. Tick
 * times are the server's own tick-work histogram (server thread CPU time) over that window; {@code cpuPerTickMicros} is
 * the server thread's total CPU time (tick work plus networking) in the window divided by the ticks
 * run; the GC pause total covers the whole process (server and bots). Down and up rates are UDP
 * payload per client as the server counted it. Targets are the where it states one, else null.
 */
public record ServerRunResult(int bots, int tickRateHz, double windowSeconds, long ticksRun, long ticksSkipped,
                              long tickP50Micros, long tickP99Micros, long tickMaxMicros, double cpuPerTickMicros,
                              long snapshotsSent, double meanSnapshotBytes, double downKilobitsPerClient,
                              double upKilobitsPerClient, double botDownKilobits, double botUpKilobits,
                              long gcPauseMillis, long disconnects, Double targetDownKilobits,
                              Long targetTickP99Micros) {

    /** The result as one JSON object. */
    public JsonLine toJson() {
        return new JsonLine()
                .put("bots", bots)
                .put("tick_hz", tickRateHz)
                .put("elapsed_s", windowSeconds, 3)
                .put("ticks", ticksRun)
                .put("ticks_skipped", ticksSkipped)
                .put("tick_p50_us", tickP50Micros)
                .put("tick_p99_us", tickP99Micros)
                .put("tick_max_us", tickMaxMicros)
                .put("cpu_per_tick_us", cpuPerTickMicros, 1)
                .put("snapshots", snapshotsSent)
                .put("snapshot_bytes_mean", meanSnapshotBytes, 1)
                .put("down_kbps_per_client", downKilobitsPerClient, 2)
                .put("up_kbps_per_client", upKilobitsPerClient, 2)
                .put("bot_down_kbps", botDownKilobits, 2)
                .put("bot_up_kbps", botUpKilobits, 2)
                .put("gc_pause_ms", gcPauseMillis)
                .put("disconnects", disconnects)
                .put("target_down_kbps_per_client", targetDownKilobits == null ? Double.NaN : targetDownKilobits, 1)
                .put("target_tick_p99_us", targetTickP99Micros);
    }

    /** A few lines for a person, each figure beside its target where there is one. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "server bench: %d bots at %d Hz, %.1f s measured, %d ticks (%d skipped)%n",
                bots, tickRateHz, windowSeconds, ticksRun, ticksSkipped));
        text.append(String.format(Locale.ROOT, "  tick work   p50 %d us, p99 %d us%s, max %d us; CPU per tick %.1f us%n",
                tickP50Micros, tickP99Micros, targetTickP99Micros == null ? "" : " (target <= " + targetTickP99Micros + ")",
                tickMaxMicros, cpuPerTickMicros));
        text.append(String.format(Locale.ROOT, "  per client  down %.1f kbit/s%s, up %.1f kbit/s (bots saw %.1f down, %.1f up)%n",
                downKilobitsPerClient, targetDownKilobits == null ? "" : String.format(Locale.ROOT, " (target <= %.0f)", targetDownKilobits),
                upKilobitsPerClient, botDownKilobits, botUpKilobits));
        text.append(String.format(Locale.ROOT, "  snapshots   %d, %.1f B mean; GC pauses %d ms; disconnects %d%n",
                snapshotsSent, meanSnapshotBytes, gcPauseMillis, disconnects));
        return text.toString();
    }
}
