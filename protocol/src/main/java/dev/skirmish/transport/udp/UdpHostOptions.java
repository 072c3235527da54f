package dev.skirmish.transport.udp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link UdpHost}: immutable, built with {@link #builder()}, each value checked when
 * it is set so a bad one fails at its source with a message naming it.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code socketReceiveBufferBytes}</td><td>4 MiB</td><td>requested SO_RCVBUF; the kernel may grant less</td></tr>
 *   <tr><td>{@code socketSendBufferBytes}</td><td>4 MiB</td><td>requested SO_SNDBUF; the kernel may grant less</td></tr>
 *   <tr><td>{@code maxDatagramBytes}</td><td>65 536</td><td>largest datagram read; longer ones are dropped and counted</td></tr>
 *   <tr><td>{@code pendingSendCapacity}</td><td>256</td><td>datagrams held while the kernel's send buffer is full</td></tr>
 *   <tr><td>{@code receiveBatchLimit}</td><td>4 096</td><td>datagrams read per service call, so a flood cannot starve timers</td></tr>
 *   <tr><td>{@code closeTimeoutMillis}</td><td>1 000</td><td>how long {@link UdpHost#close()} waits for the network thread</td></tr>
 *   <tr><td>{@code inboundDropper}, {@code outboundDropper}</td><td>{@link DatagramDropper#NEVER}</td><td>simulated loss</td></tr>
 *   <tr><td>{@code clock}</td><td>none</td><td>when absent, each host uses {@link NanoClock#startingNow()} from its bind</td></tr>
 *   <tr><td>{@code connectedPeer}</td><td>none</td><td>the one address a client's socket is connected to (see {@link Builder#connectedPeer})</td></tr>
 * </table>
 */
public final class UdpHostOptions {

    /** The largest datagram a host can be asked to read: a UDP length field is 16 bits. */
    public static final int MAX_DATAGRAM_BYTES_LIMIT = 65_536;

    private static final int DEFAULT_SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int DEFAULT_PENDING_SEND_CAPACITY = 256;
    private static final int DEFAULT_RECEIVE_BATCH_LIMIT = 4_096;
    private static final long DEFAULT_CLOSE_TIMEOUT_MILLIS = 1_000;

    private final int socketReceiveBufferBytes;
    private final int socketSendBufferBytes;
    private final int maxDatagramBytes;
    private final int pendingSendCapacity;
    private final int receiveBatchLimit;
    private final long closeTimeoutMillis;
    private final DatagramDropper inboundDropper;
    private final DatagramDropper outboundDropper;
    private final NanoClock clock;
    private final InetSocketAddress connectedPeer;

    private UdpHostOptions(Builder builder) {
        this.socketReceiveBufferBytes = builder.socketReceiveBufferBytes;
        this.socketSendBufferBytes = builder.socketSendBufferBytes;
        this.maxDatagramBytes = builder.maxDatagramBytes;
        this.pendingSendCapacity = builder.pendingSendCapacity;
        this.receiveBatchLimit = builder.receiveBatchLimit;
        this.closeTimeoutMillis = builder.closeTimeoutMillis;
        this.inboundDropper = builder.inboundDropper;
        this.outboundDropper = builder.outboundDropper;
        this.clock = builder.clock;
        this.connectedPeer = builder.connectedPeer;
    }

    /** The defaults listed on this class. */
    public static UdpHostOptions defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.socketReceiveBufferBytes = socketReceiveBufferBytes;
        builder.socketSendBufferBytes = socketSendBufferBytes;
        builder.maxDatagramBytes = maxDatagramBytes;
        builder.pendingSendCapacity = pendingSendCapacity;
        builder.receiveBatchLimit = receiveBatchLimit;
        builder.closeTimeoutMillis = closeTimeoutMillis;
        builder.inboundDropper = inboundDropper;
        builder.outboundDropper = outboundDropper;
        builder.clock = clock;
        builder.connectedPeer = connectedPeer;
        return builder;
    }

    public int socketReceiveBufferBytes() {
        return socketReceiveBufferBytes;
    }

    public int socketSendBufferBytes() {
        return socketSendBufferBytes;
    }

    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    public int pendingSendCapacity() {
        return pendingSendCapacity;
    }

    public int receiveBatchLimit() {
        return receiveBatchLimit;
    }

    public long closeTimeoutMillis() {
        return closeTimeoutMillis;
    }

    public DatagramDropper inboundDropper() {
        return inboundDropper;
    }

    public DatagramDropper outboundDropper() {
        return outboundDropper;
    }

    /** The injected clock, or empty when each host should start its own at bind. */
    public Optional<NanoClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** The one peer the socket is connected to, or empty for a socket that talks to anyone. */
    public Optional<InetSocketAddress> connectedPeer() {
        return Optional.ofNullable(connectedPeer);
    }

    @Override
    public String toString() {
        return "UdpHostOptions[socketReceiveBufferBytes=" + socketReceiveBufferBytes
                + ", socketSendBufferBytes=" + socketSendBufferBytes
                + ", maxDatagramBytes=" + maxDatagramBytes
                + ", pendingSendCapacity=" + pendingSendCapacity
                + ", receiveBatchLimit=" + receiveBatchLimit
                + ", closeTimeoutMillis=" + closeTimeoutMillis
                + ", inboundDropper=" + inboundDropper
                + ", outboundDropper=" + outboundDropper
                + ", clock=" + (clock == null ? "host start" : clock)
                + ", connectedPeer=" + (connectedPeer == null ? "none" : connectedPeer) + "]";
    }

    /** Collects settings for {@link UdpHostOptions}; every setter rejects a bad value at once. */
    public static final class Builder {
        private int socketReceiveBufferBytes = DEFAULT_SOCKET_BUFFER_BYTES;
        private int socketSendBufferBytes = DEFAULT_SOCKET_BUFFER_BYTES;
        private int maxDatagramBytes = MAX_DATAGRAM_BYTES_LIMIT;
        private int pendingSendCapacity = DEFAULT_PENDING_SEND_CAPACITY;
        private int receiveBatchLimit = DEFAULT_RECEIVE_BATCH_LIMIT;
        private long closeTimeoutMillis = DEFAULT_CLOSE_TIMEOUT_MILLIS;
        private DatagramDropper inboundDropper = DatagramDropper.NEVER;
        private DatagramDropper outboundDropper = DatagramDropper.NEVER;
        private NanoClock clock;
        private InetSocketAddress connectedPeer;

        private Builder() {
        }

        /** Requested SO_RCVBUF, at least 1. */
        public Builder socketReceiveBufferBytes(int bytes) {
            this.socketReceiveBufferBytes = atLeast(1, bytes, "socketReceiveBufferBytes");
            return this;
        }

        /** Requested SO_SNDBUF, at least 1. */
        public Builder socketSendBufferBytes(int bytes) {
            this.socketSendBufferBytes = atLeast(1, bytes, "socketSendBufferBytes");
            return this;
        }

        /** Largest datagram read, in {@code [1, MAX_DATAGRAM_BYTES_LIMIT]}. */
        public Builder maxDatagramBytes(int bytes) {
            atLeast(1, bytes, "maxDatagramBytes");
            if (bytes > MAX_DATAGRAM_BYTES_LIMIT) {
                throw new IllegalArgumentException(
                        "maxDatagramBytes must be at most " + MAX_DATAGRAM_BYTES_LIMIT + ", got " + bytes);
            }
            this.maxDatagramBytes = bytes;
            return this;
        }

        /** Datagrams held while the kernel's send buffer is full, at least 0 (0: drop at once). */
        public Builder pendingSendCapacity(int datagrams) {
            this.pendingSendCapacity = atLeast(0, datagrams, "pendingSendCapacity");
            return this;
        }

        /** Datagrams read per service call, at least 1. */
        public Builder receiveBatchLimit(int datagrams) {
            this.receiveBatchLimit = atLeast(1, datagrams, "receiveBatchLimit");
            return this;
        }

        /** How long {@link UdpHost#close()} waits for the network thread to stop, at least 0. */
        public Builder closeTimeoutMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("closeTimeoutMillis must be at least 0, got " + millis);
            }
            this.closeTimeoutMillis = millis;
            return this;
        }

        /** Consulted for every datagram read from the socket. */
        public Builder inboundDropper(DatagramDropper dropper) {
            this.inboundDropper = Objects.requireNonNull(dropper, "inboundDropper");
            return this;
        }

        /** Consulted for every datagram the node sends. */
        public Builder outboundDropper(DatagramDropper dropper) {
            this.outboundDropper = Objects.requireNonNull(dropper, "outboundDropper");
            return this;
        }

        /** The clock every host built from these options reads, instead of one started at its bind. */
        public Builder clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Connects the socket to {@code peer}, for a host that talks to one peer only (a game client to
         * its server). The kernel then resolves the route once instead of for every datagram sent (on
         * Linux loopback, about 4 % of a bulk sender's time went to route lookups), and passes up only
         * datagrams from that address; sending to any other address is a counted send error. An ICMP
         * port-unreachable report (the peer was not listening yet) is counted in
         * {@link UdpHostStats#portUnreachable()} and loses nothing: the read goes on, and the send it
         * surfaced on is tried again. The client's own address may still change (its connection
         * migrates); the server's may not.
         *
         * @throws IllegalArgumentException if {@code peer} is unresolved
         */
        public Builder connectedPeer(InetSocketAddress peer) {
            Objects.requireNonNull(peer, "connectedPeer");
            if (peer.isUnresolved()) {
                throw new IllegalArgumentException("connectedPeer is unresolved: " + peer);
            }
            this.connectedPeer = peer;
            return this;
        }

        public UdpHostOptions build() {
            return new UdpHostOptions(this);
        }

        private static int atLeast(int minimum, int value, String name) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
            }
            return value;
        }
    }
}
