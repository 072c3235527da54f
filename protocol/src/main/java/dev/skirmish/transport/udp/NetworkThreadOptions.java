package dev.skirmish.transport.udp;

import java.util.Objects;

/**
 * The settings of a {@link NetworkThread}: immutable, built with {@link #builder()}, each value checked
 * when it is set so a bad one fails at its source with a message naming it.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code threadName}</td><td>skirmish-network</td><td>name of the network thread</td></tr>
 *   <tr><td>{@code outboundQueueBytes}</td><td>1 MiB</td><td>per channel of each connection: messages the
 *       application sent and the connection has not accepted yet; must hold the largest message</td></tr>
 *   <tr><td>{@code inboundQueueBytes}</td><td>1 MiB</td><td>per connection: received messages the
 *       application has not polled yet; beyond it the transport's flow control holds the peer back</td></tr>
 *   <tr><td>{@code shutdownTimeoutMillis}</td><td>1 000</td><td>how long {@link NetworkThread#shutdown()}
 *       lets connections flush and close gracefully before closing them at once</td></tr>
 *   <tr><td>{@code hostOptions}</td><td>{@link UdpHostOptions#defaults()}</td><td>the socket's settings</td></tr>
 * </table>
 * Queue sizes count each message as its length plus the transport's per-message overhead
 * ({@link dev.skirmish.transport.TransportConfig#flowCost}).
 */
public final class NetworkThreadOptions {

    private static final String DEFAULT_THREAD_NAME = "skirmish-network";
    private static final long DEFAULT_QUEUE_BYTES = 1 << 20;
    private static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 1_000;

    private final String threadName;
    private final long outboundQueueBytes;
    private final long inboundQueueBytes;
    private final long shutdownTimeoutMillis;
    private final UdpHostOptions hostOptions;

    private NetworkThreadOptions(Builder builder) {
        this.threadName = builder.threadName;
        this.outboundQueueBytes = builder.outboundQueueBytes;
        this.inboundQueueBytes = builder.inboundQueueBytes;
        this.shutdownTimeoutMillis = builder.shutdownTimeoutMillis;
        this.hostOptions = builder.hostOptions;
    }

    /** The defaults listed on this class. */
    public static NetworkThreadOptions defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public String threadName() {
        return threadName;
    }

    public long outboundQueueBytes() {
        return outboundQueueBytes;
    }

    public long inboundQueueBytes() {
        return inboundQueueBytes;
    }

    public long shutdownTimeoutMillis() {
        return shutdownTimeoutMillis;
    }

    public UdpHostOptions hostOptions() {
        return hostOptions;
    }

    @Override
    public String toString() {
        return "NetworkThreadOptions[threadName=" + threadName
                + ", outboundQueueBytes=" + outboundQueueBytes
                + ", inboundQueueBytes=" + inboundQueueBytes
                + ", shutdownTimeoutMillis=" + shutdownTimeoutMillis
                + ", hostOptions=" + hostOptions + "]";
    }

    /** Collects settings for {@link NetworkThreadOptions}; every setter rejects a bad value at once. */
    public static final class Builder {
        private String threadName = DEFAULT_THREAD_NAME;
        private long outboundQueueBytes = DEFAULT_QUEUE_BYTES;
        private long inboundQueueBytes = DEFAULT_QUEUE_BYTES;
        private long shutdownTimeoutMillis = DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
        private UdpHostOptions hostOptions = UdpHostOptions.defaults();

        private Builder() {
        }

        /** The network thread's name, not blank. */
        public Builder threadName(String name) {
            Objects.requireNonNull(name, "threadName");
            if (name.isBlank()) {
                throw new IllegalArgumentException("threadName must not be blank");
            }
            this.threadName = name;
            return this;
        }

        /** Bytes queued per channel of each connection, at least 1 (and at least the largest message's cost at start). */
        public Builder outboundQueueBytes(long bytes) {
            this.outboundQueueBytes = atLeast(1, bytes, "outboundQueueBytes");
            return this;
        }

        /** Bytes of received messages held per connection for the application, at least 1. */
        public Builder inboundQueueBytes(long bytes) {
            this.inboundQueueBytes = atLeast(1, bytes, "inboundQueueBytes");
            return this;
        }

        /** How long a shutdown lets connections close gracefully, at least 0 (0: close them at once). */
        public Builder shutdownTimeoutMillis(long millis) {
            this.shutdownTimeoutMillis = atLeast(0, millis, "shutdownTimeoutMillis");
            return this;
        }

        /** The settings of the socket and its loop. */
        public Builder hostOptions(UdpHostOptions options) {
            this.hostOptions = Objects.requireNonNull(options, "hostOptions");
            return this;
        }

        public NetworkThreadOptions build() {
            return new NetworkThreadOptions(this);
        }

        private static long atLeast(long minimum, long value, String name) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
            }
            return value;
        }
    }
}
