package dev.skirmish.bench.transport;

import dev.skirmish.bench.json.JsonLine;

/**
 * What one transport run measured. Latencies are one-way, send to delivery, of the messages sent
 * after the warm-up (for throughput runs they include time queued in the sender's buffers). For a
 * throughput run, {@code sent}, {@code delivered} and {@code elapsed} cover the measured part only:
 * from the first send after the warm-up to the last delivery; for a latency run, the whole run from
 * the first send. {@code misordered} and {@code duplicates} always cover the whole run, warm-up included:
 * an order or duplicate fault is one whenever it happens. Null fields are unknown for that transport.
 */
public record TransportRunResult(TransportRunSettings settings, long sent, long delivered, long misordered,
                                 long duplicates, double elapsedSeconds, long p50Nanos, long p99Nanos,
                                 long p999Nanos, long maxNanos, Long retransmits, Long wireBytes) {

    /** Messages sent but never delivered. */
    public long lost() {
        return sent - delivered;
    }

    public long payloadBytes() {
        return delivered * settings.sizeBytes();
    }

    public double messagesPerSecond() {
        return elapsedSeconds > 0 ? delivered / elapsedSeconds : Double.NaN;
    }

    /** Payload megabytes (10^6 bytes) delivered per second. */
    public double megabytesPerSecond() {
        return elapsedSeconds > 0 ? payloadBytes() / 1e6 / elapsedSeconds : Double.NaN;
    }

    /** The result as one JSON object with the documented field names. */
    public JsonLine toJson() {
        return new JsonLine()
                .put("transport", settings.transport().label())
                .put("workload", settings.workload().label())
                .put("size", settings.sizeBytes())
                .put("loss", settings.lossRate(), 3)
                .put("sent", sent)
                .put("delivered", delivered)
                .put("lost", lost())
                .put("misordered", misordered)
                .put("duplicates", duplicates)
                .put("elapsed_s", elapsedSeconds, 3)
                .put("msgs_per_s", messagesPerSecond(), 0)
                .put("mb_per_s", megabytesPerSecond(), 3)
                .put("p50_us", p50Nanos / 1e3, 1)
                .put("p99_us", p99Nanos / 1e3, 1)
                .put("p999_us", p999Nanos / 1e3, 1)
                .put("max_us", maxNanos / 1e3, 1)
                .put("retransmits", retransmits)
                .put("wire_bytes", wireBytes)
                .put("payload_bytes", payloadBytes());
    }
}
