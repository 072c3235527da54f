package dev.skirmish.bench.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * One transport run. Both workloads start with {@code warmup}, which is not measured. {@code count}
 * (0 = no limit) and {@code duration} bound the measured part of a throughput run, whichever comes
 * first; a latency run sends {@code ratePerSecond} messages per second for {@code warmup} plus
 * {@code duration}. {@code lossRate} (0..1) drops that share of
 * datagrams in each direction at the socket; TCP does not support it (use the README's namespace).
 */
public record TransportRunSettings(TransportKind transport, Workload workload, int sizeBytes, long count,
                                   Duration duration, int ratePerSecond, Duration warmup, double lossRate,
                                   long seed) {
    /** Largest message: fits one UDP datagram and one Skirmish datagram's worth of fragments. */
    public static final int MAX_SIZE_BYTES = 60_000;

    public TransportRunSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        if (sizeBytes < MessageStamp.LENGTH || sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("size must be " + MessageStamp.LENGTH + ".." + MAX_SIZE_BYTES
                    + " bytes (the stamp takes " + MessageStamp.LENGTH + "), got " + sizeBytes);
        }
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be 0 (no limit) .. " + Integer.MAX_VALUE + ", got " + count);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
        }
        if (ratePerSecond < 1 || ratePerSecond > 1_000_000) {
            throw new IllegalArgumentException("rate must be 1..1000000 messages per second, got " + ratePerSecond);
        }
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1), got " + lossRate);
        }
        if (lossRate > 0 && transport == TransportKind.TCP) {
            throw new IllegalArgumentException("--loss applies to skirmish and udp only; for tcp drop packets in "
                    + "a network namespace (see bench/README.md)");
        }
    }
}
