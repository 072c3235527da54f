package dev.skirmish.transport;

import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.HandshakePacket;
import java.util.List;

/**
 * Every tunable of the transport, validated once, immutable. Both peers must configure the same
 * channels, maximum message size and channel window (checked in the handshake); the other values
 * are each side's own, and the peers exchange what the other needs (datagram size, receive window,
 * ack delay) during the handshake.
 *
 * <p>Two starting points: {@link #internet()} (NewReno with pacing, the default) and {@link #lan()}
 * (no congestion control). Change single values with {@link #toBuilder()}.
 */
public final class TransportConfig {
    /** Bytes the ACK frame may take in a packet that also carries messages. */
    public static final int ACK_FRAME_BUDGET_BYTES = 96;

    private final int maxDatagramBytes;
    private final List<DeliveryMode> channels;
    private final int maxMessageBytes;
    private final int sendBufferBytes;
    private final int receiveWindowBytes;
    private final int unreliableReceiveBufferBytes;
    private final int channelWindowMessages;
    private final int maxPacketsInFlight;
    private final int ackRangeCount;
    private final long maxAckDelayMicros;
    private final int ackElicitingThreshold;
    private final long initialRttMicros;
    private final long probeTimeoutFloorMicros;
    private final long probeTimeoutCeilingMicros;
    private final long timerGranularityMicros;
    private final CongestionControl congestionControl;
    private final long keepaliveIntervalMillis;
    private final long idleTimeoutMillis;
    private final long connectTimeoutMillis;
    private final long handshakeResendMillis;
    private final int maxConnections;
    private final long cookieLifetimeMillis;
    private final long cookieSecretRotationMillis;
    private final long pathChallengeTimeoutMillis;
    private final int maxPendingReplies;

    private TransportConfig(Builder b) {
        this.maxDatagramBytes = require(b.maxDatagramBytes, HandshakePacket.MIN_CONNECT_LENGTH, 65_507, "maxDatagramBytes");
        if (b.channels.isEmpty() || b.channels.size() > HandshakePacket.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels: between 1 and " + HandshakePacket.MAX_CHANNELS
                    + " channels, got " + b.channels.size());
        }
        this.channels = List.copyOf(b.channels);
        this.maxMessageBytes = require(b.maxMessageBytes, 1, 64 << 20, "maxMessageBytes");
        this.sendBufferBytes = require(b.sendBufferBytes, maxMessageBytes, Integer.MAX_VALUE, "sendBufferBytes (>= maxMessageBytes)");
        this.receiveWindowBytes = require(b.receiveWindowBytes, (int) flowCost(maxMessageBytes), Integer.MAX_VALUE,
                "receiveWindowBytes (>= maxMessageBytes + " + MESSAGE_FLOW_OVERHEAD_BYTES + ")");
        this.unreliableReceiveBufferBytes = require(b.unreliableReceiveBufferBytes, maxMessageBytes, Integer.MAX_VALUE,
                "unreliableReceiveBufferBytes (>= maxMessageBytes)");
        this.channelWindowMessages = requirePowerOfTwo(b.channelWindowMessages, 16, 1 << 20, "channelWindowMessages");
        this.maxPacketsInFlight = requirePowerOfTwo(b.maxPacketsInFlight, 64, 1 << 20, "maxPacketsInFlight");
        this.ackRangeCount = require(b.ackRangeCount, 4, 1024, "ackRangeCount");
        this.maxAckDelayMicros = require(b.maxAckDelayMicros, 0, 1_000_000, "maxAckDelayMicros");
        this.ackElicitingThreshold = require(b.ackElicitingThreshold, 1, 255, "ackElicitingThreshold");
        this.initialRttMicros = require(b.initialRttMicros, 1, 10_000_000, "initialRttMicros");
        this.probeTimeoutFloorMicros = require(b.probeTimeoutFloorMicros, 1, 60_000_000, "probeTimeoutFloorMicros");
        this.probeTimeoutCeilingMicros = require(b.probeTimeoutCeilingMicros, probeTimeoutFloorMicros, 600_000_000,
                "probeTimeoutCeilingMicros (>= probeTimeoutFloorMicros)");
        this.timerGranularityMicros = require(b.timerGranularityMicros, 1, 100_000, "timerGranularityMicros");
        if (b.congestionControl == null) {
            throw new IllegalArgumentException("congestionControl must be set");
        }
        this.congestionControl = b.congestionControl;
        this.idleTimeoutMillis = require(b.idleTimeoutMillis, 100, 3_600_000, "idleTimeoutMillis");
        this.keepaliveIntervalMillis = require(b.keepaliveIntervalMillis, 10, idleTimeoutMillis / 2,
                "keepaliveIntervalMillis (<= idleTimeoutMillis / 2)");
        this.connectTimeoutMillis = require(b.connectTimeoutMillis, 100, 600_000, "connectTimeoutMillis");
        this.handshakeResendMillis = require(b.handshakeResendMillis, 1, connectTimeoutMillis, "handshakeResendMillis");
        this.maxConnections = require(b.maxConnections, 1, 1_000_000, "maxConnections");
        this.cookieLifetimeMillis = require(b.cookieLifetimeMillis, 100, 3_600_000, "cookieLifetimeMillis");
        this.cookieSecretRotationMillis = require(b.cookieSecretRotationMillis, cookieLifetimeMillis, 86_400_000,
                "cookieSecretRotationMillis (>= cookieLifetimeMillis)");
        this.pathChallengeTimeoutMillis = require(b.pathChallengeTimeoutMillis, 10, 600_000, "pathChallengeTimeoutMillis");
        this.maxPendingReplies = require(b.maxPendingReplies, 1, 1_000_000, "maxPendingReplies");
    }

    /**
     * What a reliable message costs against the peer's receive window: its payload plus a fixed
     * overhead, so that a flood of tiny messages is bounded in count as well as in bytes.
     */
    public static final int MESSAGE_FLOW_OVERHEAD_BYTES = 16;

    public static long flowCost(long messageLength) {
        return messageLength + MESSAGE_FLOW_OVERHEAD_BYTES;
    }

    private static int require(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    private static long require(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    private static int requirePowerOfTwo(int value, int min, int max, String name) {
        require(value, min, max, name);
        if (Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two, got " + value);
        }
        return value;
    }

    /** The default profile: NewReno congestion control with pacing. */
    public static TransportConfig internet() {
        return new Builder().build();
    }

    /** {@link #lan()}'s timer granularity, which is also its probe-timeout floor. */
    public static final long LAN_TIMER_GRANULARITY_MICROS = 200;

    /**
     * The LAN profile, for paths with an RTT of tens to hundreds of microseconds:
     * <ul>
     *   <li>no congestion window and no pacing (flow control still applies);</li>
     *   <li>acknowledgements without delay: they go at the next poll, i.e. right after the batch of
     *       datagrams that elicited them. On such a path a delayed ACK only delays loss recovery, and a
     *       bulk transfer still gets few ACKs, one per batch the receiver reads;</li>
     *   <li>timers at {@value #LAN_TIMER_GRANULARITY_MICROS} µs: the timer granularity and the probe-timeout
     *       floor, so a lost packet at the tail of a flight (in a game, every message sent alone is one) is
     *       probed about {@code srtt + 200 µs} after it was sent instead of at least a millisecond later.
     *       The price is a spurious probe whenever an acknowledgement is lost or held up that long: about
     *       twice the retransmissions of a millisecond floor at 5 % loss. {@code UdpHost} fires timers
     *       well within 0.1 ms of their deadline on an idle Linux machine.</li>
     * </ul>
     * In simulation (64-byte reliable messages at 1,000 per second, 25 µs each way, 5 % loss each way)
     * p99 delivery latency is 0.275 ms, against 1.075 ms with millisecond timers (docs/protocol.md,
     * section 6.5).
     */
    public static TransportConfig lan() {
        return new Builder().congestionControl(CongestionControl.NONE).maxAckDelayMicros(0)
                .timerGranularityMicros(LAN_TIMER_GRANULARITY_MICROS)
                .probeTimeoutFloorMicros(LAN_TIMER_GRANULARITY_MICROS)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Largest UDP payload this side sends or accepts; the peers use the smaller of their two values. */
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /** The channels, in id order: channel {@code i} has mode {@code channels().get(i)}. */
    public List<DeliveryMode> channels() {
        return channels;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Per channel: bytes of messages queued and not yet acknowledged (reliable) or sent (unreliable). */
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** Flow-control window: reliable bytes (by {@link #flowCost}) the peer may have outstanding toward us. */
    public int receiveWindowBytes() {
        return receiveWindowBytes;
    }

    /** Bytes of unreliable messages we hold (reassembling or awaiting the application) before dropping more. */
    public int unreliableReceiveBufferBytes() {
        return unreliableReceiveBufferBytes;
    }

    /** How far (in messages) a reliable channel may run ahead of its oldest unacknowledged message. */
    public int channelWindowMessages() {
        return channelWindowMessages;
    }

    /** Packet records kept for loss detection; bounds packets outstanding. */
    public int maxPacketsInFlight() {
        return maxPacketsInFlight;
    }

    /** Received packet-number ranges remembered for acknowledgements and duplicate detection. */
    public int ackRangeCount() {
        return ackRangeCount;
    }

    /** Longest we delay an acknowledgement hoping to piggyback it. */
    public long maxAckDelayMicros() {
        return maxAckDelayMicros;
    }

    /**
     * Ack-eliciting packets received in order before an acknowledgement goes out at once instead of
     * waiting up to {@link #maxAckDelayMicros()} to ride on a data packet (RFC 9000 §13.2.2 uses 2).
     * A game whose both sides send every tick raises it so acknowledgements always piggyback.
     */
    public int ackElicitingThreshold() {
        return ackElicitingThreshold;
    }

    /** RTT assumed before the first sample. */
    public long initialRttMicros() {
        return initialRttMicros;
    }

    public long probeTimeoutFloorMicros() {
        return probeTimeoutFloorMicros;
    }

    public long probeTimeoutCeilingMicros() {
        return probeTimeoutCeilingMicros;
    }

    /** How precisely the driver fires timers; loss and probe timers never run finer than this. */
    public long timerGranularityMicros() {
        return timerGranularityMicros;
    }

    public CongestionControl congestionControl() {
        return congestionControl;
    }

    /** A PING goes out when nothing else has been sent for this long. */
    public long keepaliveIntervalMillis() {
        return keepaliveIntervalMillis;
    }

    /** A connection that hears nothing from its peer for this long is dropped. */
    public long idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    public long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** First resend interval of a handshake packet; it doubles on each resend. */
    public long handshakeResendMillis() {
        return handshakeResendMillis;
    }

    /** A server refuses handshakes beyond this many connections. */
    public int maxConnections() {
        return maxConnections;
    }

    public long cookieLifetimeMillis() {
        return cookieLifetimeMillis;
    }

    public long cookieSecretRotationMillis() {
        return cookieSecretRotationMillis;
    }

    /** How long a path challenge (migration) waits for its answer. */
    public long pathChallengeTimeoutMillis() {
        return pathChallengeTimeoutMillis;
    }

    /** Handshake replies queued between {@code receive} and {@code poll}. */
    public int maxPendingReplies() {
        return maxPendingReplies;
    }

    /**
     * Largest MESSAGE frame payload that fits a packet beside a budgeted ACK frame; longer messages
     * are fragmented.
     */
    int unfragmentedPayloadBytes(int datagramBytes) {
        return datagramBytes - DataPacketHeader.OVERHEAD - ACK_FRAME_BUDGET_BYTES - MAX_MESSAGE_HEADER_BYTES;
    }

    /** Payload bytes of each fragment of a fragmented message. */
    int fragmentPayloadBytes(int datagramBytes) {
        return datagramBytes - DataPacketHeader.OVERHEAD - ACK_FRAME_BUDGET_BYTES - MAX_FRAGMENT_HEADER_BYTES;
    }

    private static final int MAX_MESSAGE_HEADER_BYTES = 2 + 8 + 4;
    private static final int MAX_FRAGMENT_HEADER_BYTES = 2 + 8 + 4 + 4 + 4;

    @Override
    public String toString() {
        return "TransportConfig{maxDatagramBytes=" + maxDatagramBytes + ", channels=" + channels
                + ", maxMessageBytes=" + maxMessageBytes + ", congestionControl=" + congestionControl
                + ", idleTimeoutMillis=" + idleTimeoutMillis + "}";
    }

    /** Mutable builder; {@link #build()} validates and says exactly which value is out of range. */
    public static final class Builder {
        private int maxDatagramBytes = 1200;
        private List<DeliveryMode> channels = List.of(DeliveryMode.RELIABLE_ORDERED, DeliveryMode.RELIABLE_UNORDERED,
                DeliveryMode.UNRELIABLE_SEQUENCED, DeliveryMode.UNRELIABLE);
        private int maxMessageBytes = 256 * 1024;
        private int sendBufferBytes = 1 << 20;
        private int receiveWindowBytes = 1 << 20;
        private int unreliableReceiveBufferBytes = 512 * 1024;
        private int channelWindowMessages = 16384;
        private int maxPacketsInFlight = 4096;
        private int ackRangeCount = 32;
        private long maxAckDelayMicros = 1_000;
        private int ackElicitingThreshold = 2;
        private long initialRttMicros = 100_000;
        private long probeTimeoutFloorMicros = 1_000;
        private long probeTimeoutCeilingMicros = 1_000_000;
        private long timerGranularityMicros = 1_000;
        private CongestionControl congestionControl = CongestionControl.NEW_RENO;
        private long keepaliveIntervalMillis = 1_000;
        private long idleTimeoutMillis = 10_000;
        private long connectTimeoutMillis = 5_000;
        private long handshakeResendMillis = 250;
        private int maxConnections = 64;
        private long cookieLifetimeMillis = 10_000;
        private long cookieSecretRotationMillis = 30_000;
        private long pathChallengeTimeoutMillis = 3_000;
        private int maxPendingReplies = 256;

        private Builder() {
        }

        private Builder(TransportConfig c) {
            maxDatagramBytes = c.maxDatagramBytes;
            channels = c.channels;
            maxMessageBytes = c.maxMessageBytes;
            sendBufferBytes = c.sendBufferBytes;
            receiveWindowBytes = c.receiveWindowBytes;
            unreliableReceiveBufferBytes = c.unreliableReceiveBufferBytes;
            channelWindowMessages = c.channelWindowMessages;
            maxPacketsInFlight = c.maxPacketsInFlight;
            ackRangeCount = c.ackRangeCount;
            maxAckDelayMicros = c.maxAckDelayMicros;
            ackElicitingThreshold = c.ackElicitingThreshold;
            initialRttMicros = c.initialRttMicros;
            probeTimeoutFloorMicros = c.probeTimeoutFloorMicros;
            probeTimeoutCeilingMicros = c.probeTimeoutCeilingMicros;
            timerGranularityMicros = c.timerGranularityMicros;
            congestionControl = c.congestionControl;
            keepaliveIntervalMillis = c.keepaliveIntervalMillis;
            idleTimeoutMillis = c.idleTimeoutMillis;
            connectTimeoutMillis = c.connectTimeoutMillis;
            handshakeResendMillis = c.handshakeResendMillis;
            maxConnections = c.maxConnections;
            cookieLifetimeMillis = c.cookieLifetimeMillis;
            cookieSecretRotationMillis = c.cookieSecretRotationMillis;
            pathChallengeTimeoutMillis = c.pathChallengeTimeoutMillis;
            maxPendingReplies = c.maxPendingReplies;
        }

        public Builder maxDatagramBytes(int v) { maxDatagramBytes = v; return this; }
        public Builder channels(List<DeliveryMode> v) { channels = List.copyOf(v); return this; }
        public Builder channels(DeliveryMode... v) { channels = List.of(v); return this; }
        public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }
        public Builder sendBufferBytes(int v) { sendBufferBytes = v; return this; }
        public Builder receiveWindowBytes(int v) { receiveWindowBytes = v; return this; }
        public Builder unreliableReceiveBufferBytes(int v) { unreliableReceiveBufferBytes = v; return this; }
        public Builder channelWindowMessages(int v) { channelWindowMessages = v; return this; }
        public Builder maxPacketsInFlight(int v) { maxPacketsInFlight = v; return this; }
        public Builder ackRangeCount(int v) { ackRangeCount = v; return this; }
        public Builder maxAckDelayMicros(long v) { maxAckDelayMicros = v; return this; }
        public Builder ackElicitingThreshold(int v) { ackElicitingThreshold = v; return this; }
        public Builder initialRttMicros(long v) { initialRttMicros = v; return this; }
        public Builder probeTimeoutFloorMicros(long v) { probeTimeoutFloorMicros = v; return this; }
        public Builder probeTimeoutCeilingMicros(long v) { probeTimeoutCeilingMicros = v; return this; }
        public Builder timerGranularityMicros(long v) { timerGranularityMicros = v; return this; }
        public Builder congestionControl(CongestionControl v) { congestionControl = v; return this; }
        public Builder keepaliveIntervalMillis(long v) { keepaliveIntervalMillis = v; return this; }
        public Builder idleTimeoutMillis(long v) { idleTimeoutMillis = v; return this; }
        public Builder connectTimeoutMillis(long v) { connectTimeoutMillis = v; return this; }
        public Builder handshakeResendMillis(long v) { handshakeResendMillis = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder cookieLifetimeMillis(long v) { cookieLifetimeMillis = v; return this; }
        public Builder cookieSecretRotationMillis(long v) { cookieSecretRotationMillis = v; return this; }
        public Builder pathChallengeTimeoutMillis(long v) { pathChallengeTimeoutMillis = v; return this; }
        public Builder maxPendingReplies(int v) { maxPendingReplies = v; return this; }

        public TransportConfig build() {
            return new TransportConfig(this);
        }
    }
}
