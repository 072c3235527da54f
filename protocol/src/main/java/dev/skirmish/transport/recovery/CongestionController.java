package dev.skirmish.transport.recovery;

/**
 * Decides how many bytes a connection may have in flight: the congestion window.
 *
 * <p>Contract with the connection, which owns the bookkeeping of packets in flight:
 * <ul>
 *   <li>The connection sends only while its bytes in flight are below
 *       {@link #congestionWindowBytes()} (probe packets excepted, RFC 9002 §7.5).</li>
 *   <li>It reports every ack-eliciting packet it sends ({@link #onPacketSent}), every such
 *       packet newly acknowledged ({@link #onPacketAcked}), and, once per detection pass, the
 *       send time of the newest packet declared lost ({@link #onCongestionEvent}); then, if the
 *       losses amount to persistent congestion (RFC 9002 §7.6), {@link #onPersistentCongestion}.</li>
 *   <li>Instants are the driver's nanoseconds ({@link dev.skirmish.transport.NetworkNode});
 *       byte counts are whole datagrams as sent on the wire.</li>
 * </ul>
 * Implementations are not thread-safe and do not allocate; those that count bytes reject a
 * negative byte count with {@link IllegalArgumentException}.
 */
public interface CongestionController {

    /** How many bytes may be in flight; {@link Long#MAX_VALUE} when unlimited. */
    long congestionWindowBytes();

    /** A packet of {@code bytes} that counts towards bytes in flight was sent at {@code nowNanos}. */
    void onPacketSent(long nowNanos, int bytes);

    /**
     * A packet of {@code bytes}, sent at {@code sentTimeNanos}, was acknowledged for the first time.
     *
     * @param applicationLimited whether the sender was held back by the application (nothing to
     *                           send) rather than by this window when the packet went out; the
     *                           window then proved nothing about the path and must not grow
     */
    void onPacketAcked(long nowNanos, long sentTimeNanos, int bytes, boolean applicationLimited);

    /** Packets were declared lost; {@code sentTimeNanos} is when the newest of them was sent. */
    void onCongestionEvent(long nowNanos, long sentTimeNanos);

    /** The losses just reported span long enough to mean persistent congestion: fall back to the minimum window. */
    void onPersistentCongestion();

    /** Whether the window is still growing by the full number of bytes acknowledged. */
    boolean inSlowStart();

    /** The window at which slow start ends; {@link Long#MAX_VALUE} until the first congestion event. */
    long slowStartThresholdBytes();
}
