package dev.skirmish.bench.transport;

import dev.skirmish.transport.TransportConfig;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs one transport benchmark: both ends in this process on 127.0.0.1, the sender on the calling
 * thread, the receiver on its own. After sending, waits for the last messages: until all arrived on
 * a reliable transport (at most {@link #DRAIN_LIMIT_NANOS}), or until none arrived for
 * {@link #QUIET_NANOS} on UDP.
 *
 * <p>Both workloads start with the warm-up, which is not measured. A throughput run sends flat out
 * during it too, so that the JIT has compiled the hot paths before the clock starts: on a small
 * machine the compiler competes with the sending and receiving threads for the cores for seconds,
 * longer for a transport with more code than a bare socket, and a short run would otherwise measure
 * mostly compilation.
 */
public final class TransportRun {
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int BURST = 64;
    /** Duplicate-filter sizing for an unbounded throughput run; the filter grows if needed. */
    private static final int DEFAULT_EXPECTED = 1 << 20;

    private TransportRun() {
    }

    /** Runs {@code settings} and returns what was measured. */
    public static TransportRunResult run(TransportRunSettings settings) throws IOException {
        // A throughput run's warm-up ends at a sequence number found only then (measureFrom).
        long warmupMessages = settings.workload() == Workload.LATENCY
                ? settings.warmup().toNanos() * settings.ratePerSecond() / 1_000_000_000L : Long.MAX_VALUE;
        DeliveryCheck check = new DeliveryCheck(warmupMessages, expectedMessages(settings));
        SplittableRandom random = new SplittableRandom(settings.seed());
        byte[] message = new byte[settings.sizeBytes()];
        random.nextBytes(message);
        LinkUnderTest link = create(settings, random.nextLong());
        long startNanos;
        long firstMeasured;
        long sent;
        try {
            link.open(check);
            if (settings.workload() == Workload.THROUGHPUT) {
                long warmupEndNanos = System.nanoTime() + settings.warmup().toNanos();
                firstMeasured = sendFlatOut(link, message, 0, Integer.MAX_VALUE, warmupEndNanos);
                check.measureFrom(firstMeasured);
                startNanos = System.nanoTime();
                long limit = settings.count() > 0 ? firstMeasured + settings.count() : Integer.MAX_VALUE;
                sent = sendFlatOut(link, message, firstMeasured, limit, startNanos + settings.duration().toNanos())
                        - firstMeasured;
            } else {
                firstMeasured = 0;
                startNanos = System.nanoTime();
                sent = sendPaced(link, settings, message, startNanos);
            }
            drain(link, check, firstMeasured + sent);
        } finally {
            link.close();
        }
        long endNanos = check.delivered() > 0 ? check.lastDeliveryNanos() : System.nanoTime();
        LatencyHistogram latency = check.latency();
        return new TransportRunResult(settings, sent, check.deliveredFrom(firstMeasured), check.misordered(),
                check.duplicates(), (endNanos - startNanos) / 1e9, latency.valueAtQuantile(0.50),
                latency.valueAtQuantile(0.99), latency.valueAtQuantile(0.999), latency.maxNanos(), link.retransmits(),
                link.wireBytes());
    }

    private static LinkUnderTest create(TransportRunSettings settings, long seed) {
        return switch (settings.transport()) {
            case SKIRMISH -> new SkirmishLink(TransportConfig.lan(), settings.lossRate(), seed);
            case TCP -> new TcpLink();
            case UDP -> new UdpLink(settings.lossRate(), seed);
        };
    }

    private static int expectedMessages(TransportRunSettings settings) {
        if (settings.workload() == Workload.LATENCY) {
            long total = (settings.warmup().toNanos() + settings.duration().toNanos()) / 1_000_000_000L
                    * settings.ratePerSecond();
            return (int) Math.min(Integer.MAX_VALUE - 64, total + 64);
        }
        return settings.count() > 0 ? (int) settings.count() : DEFAULT_EXPECTED;
    }

    /**
     * Sends sequence numbers from {@code sequence} up to {@code limit} (exclusive) until {@code endNanos},
     * as fast as the link accepts; returns the next sequence number, i.e. how far it got.
     */
    private static long sendFlatOut(LinkUnderTest link, byte[] message, long sequence, long limit, long endNanos)
            throws IOException {
        while (sequence < limit && System.nanoTime() - endNanos < 0) {
            for (int i = 0; i < BURST && sequence < limit; i++) {
                MessageStamp.write(message, sequence, System.nanoTime());
                if (!link.trySend(message)) {
                    link.idle(IDLE_NANOS);
                    break;
                }
                sequence++;
            }
            link.flush();
        }
        return sequence;
    }

    /**
     * Sends {@code rate} messages per second on a fixed schedule for warm-up plus duration. A message
     * is stamped when it is actually handed to the link, so a late sender does not count as latency.
     */
    private static long sendPaced(LinkUnderTest link, TransportRunSettings settings, byte[] message,
                                  long startNanos) throws IOException {
        long totalNanos = settings.warmup().toNanos() + settings.duration().toNanos();
        long total = totalNanos * settings.ratePerSecond() / 1_000_000_000L;
        for (long sequence = 0; sequence < total; sequence++) {
            long dueNanos = startNanos + sequence * 1_000_000_000L / settings.ratePerSecond();
            for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
                link.idle(wait);
            }
            MessageStamp.write(message, sequence, System.nanoTime());
            while (!link.trySend(message)) {
                link.idle(IDLE_NANOS);
                MessageStamp.write(message, sequence, System.nanoTime());
            }
            link.flush();
        }
        return total;
    }

    private static void drain(LinkUnderTest link, DeliveryCheck check, long sent) throws IOException {
        long sendEndNanos = System.nanoTime();
        while (check.delivered() < sent) {
            long now = System.nanoTime();
            if (link.reliable() && now - sendEndNanos > DRAIN_LIMIT_NANOS) {
                return;
            }
            long lastActivity = check.delivered() > 0 && check.lastDeliveryNanos() - sendEndNanos > 0
                    ? check.lastDeliveryNanos() : sendEndNanos;
            if (!link.reliable() && now - lastActivity > QUIET_NANOS) {
                return;
            }
            link.idle(IDLE_NANOS);
        }
    }
}
