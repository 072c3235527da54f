package dev.skirmish.replay.run;

import java.util.List;

/**
 * The outcome of one replay: the capture, the transport profile and the impairments it ran with, the virtual time it took, and
 * per-direction and per-channel results. Deterministic: the same capture, options and seed give an
 * equal report (wall-clock speed is deliberately not part of it; {@link ReplayRun#wallNanos()} has it).
 */
public record ReplayReport(String capture, String transportProfile, String conditions, long seed, int connections, long messages,
                           long recordedDurationMicros, long virtualDurationMicros,
                           List<DirectionResult> directions, List<ChannelResult> channels) {

    /** Whether every reliable message arrived exactly once and in order (per its channel's promise). */
    public boolean reliableExact() {
        return channels.stream().filter(c -> c.mode().startsWith("reliable")).allMatch(ChannelResult::exact);
    }
}
