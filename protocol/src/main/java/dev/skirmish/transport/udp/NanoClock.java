package dev.skirmish.transport.udp;

/**
 * The one clock a {@link UdpHost} reads: monotonic nanoseconds from an origin of the caller's
 * choosing, never negative (the {@link dev.skirmish.transport.NetworkNode} contract). Injected so that
 * several hosts can share one origin, or a test can hold time still.
 */
@FunctionalInterface
public interface NanoClock {

    /** The current instant in nanoseconds since this clock's origin; non-negative and non-decreasing. */
    long nowNanos();

    /** A clock whose origin is the instant of this call: {@link System#nanoTime()} minus that instant. */
    static NanoClock startingNow() {
        long originNanos = System.nanoTime();
        return () -> System.nanoTime() - originNanos;
    }
}
