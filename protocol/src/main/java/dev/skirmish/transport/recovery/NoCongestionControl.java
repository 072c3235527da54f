package dev.skirmish.transport.recovery;

/**
 * The LAN profile's congestion controller: an unlimited window, every report ignored. Only
 * the receiver's flow control and the send queues' bounds limit a connection that uses it.
 * Meant for dedicated LAN play, where the game's own traffic is far below the link rate and
 * any window would only add latency after a stray loss. Stateless and thread-safe.
 */
public final class NoCongestionControl implements CongestionController {

    /** Always {@link Long#MAX_VALUE}. */
    @Override
    public long congestionWindowBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public void onPacketSent(long nowNanos, int bytes) {
        // Nothing to track: the window never changes.
    }

    @Override
    public void onPacketAcked(long nowNanos, long sentTimeNanos, int bytes, boolean applicationLimited) {
        // Nothing to track: the window never changes.
    }

    @Override
    public void onCongestionEvent(long nowNanos, long sentTimeNanos) {
        // Losses are repaired by retransmission alone; the window never shrinks.
    }

    @Override
    public void onPersistentCongestion() {
        // Losses are repaired by retransmission alone; the window never shrinks.
    }

    /** Always {@code false}: there is no window to grow. */
    @Override
    public boolean inSlowStart() {
        return false;
    }

    /** Always {@link Long#MAX_VALUE}. */
    @Override
    public long slowStartThresholdBytes() {
        return Long.MAX_VALUE;
    }
}
