package dev.skirmish.client;

/**
 * What one {@link GameClient} measured about its session, at one instant. Immutable.
 *
 * @param sessionNanos            time since {@code connect}
 * @param playingNanos            time since the server's Welcome (0 before it)
 * @param smoothedRttMicros       the transport's smoothed round-trip time (0 before the first sample)
 * @param lossRate                share of the client's ack-eliciting packets declared lost, 0..1
 * @param bytesSent               UDP payload bytes sent, handshake included
 * @param bytesReceived           UDP payload bytes received, handshake included
 * @param snapshotsReceived       snapshots decoded and applied
 * @param snapshotsDropped        snapshots dropped: malformed, or a delta whose baseline the client no longer held
 * @param commandsSent            input commands sampled and sent (each travels in several updates)
 * @param corrections             reconciliations where the server's position for a command differed from
 *                                the prediction for it by more than the correction epsilon
 * @param largestCorrectionUnits  largest such difference, in world units
 * @param interpolationUnderruns  client ticks whose render time lay past the newest snapshot
 * @param kills                   kills by this player, from the kill feed
 * @param deaths                  deaths of this player, from the kill feed
 */
public record ClientStats(
        long sessionNanos, long playingNanos, long smoothedRttMicros, double lossRate,
        long bytesSent, long bytesReceived, long snapshotsReceived, long snapshotsDropped, long commandsSent,
        long corrections, double largestCorrectionUnits, long interpolationUnderruns, int kills, int deaths) {

    /** Statistics of a client that has not started. */
    public static final ClientStats EMPTY = new ClientStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static final double NANOS_PER_SECOND = 1e9;

    /** Smoothed RTT in milliseconds. */
    public double rttMillis() {
        return smoothedRttMicros / 1000.0;
    }

    /** Loss in percent, 0..100. */
    public double lossPercent() {
        return lossRate * 100.0;
    }

    /** Snapshots received per second of play (0 before the Welcome). */
    public double snapshotsPerSecond() {
        return perSecond(snapshotsReceived, playingNanos);
    }

    /** Received kilobits (1000 bits) per second over the whole session. */
    public double kilobitsPerSecondDown() {
        return perSecond(bytesReceived * 8, sessionNanos) / 1000.0;
    }

    /** Sent kilobits (1000 bits) per second over the whole session. */
    public double kilobitsPerSecondUp() {
        return perSecond(bytesSent * 8, sessionNanos) / 1000.0;
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0.0 : count * NANOS_PER_SECOND / nanos;
    }
}
