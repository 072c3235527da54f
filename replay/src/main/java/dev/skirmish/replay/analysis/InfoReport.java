package dev.skirmish.replay.analysis;

import dev.skirmish.replay.pcapng.CaptureProblem;
import dev.skirmish.transport.DeliveryMode;
import java.util.Locale;
import java.util.Map;

/**
 * The text {@code skirmish replay info} prints for a {@link SessionTrace}: duration, and per connection
 * and direction the datagrams and bytes, DATA packet numbers missing at the capture point (loss seen
 * there), retransmissions, an RTT estimate and the channels used.
 *
 * <p>Retransmissions show differently at each end. Captured at the sender, a retransmitted frame is
 * seen twice ("repeated"). Captured at the receiver, the lost original never appears, but the
 * retransmission arrives after later messages of its channel ("late reliable"; reordering on the
 * path also counts there). A capture at one end shows the first for the direction it sends and the
 * second for the direction it receives.
 *
 * <p>The RTT estimate is taken where the capture was made: a packet's first appearance to the first
 * ACK naming it as largest, less the ack delay the ACK reports. Only the direction sent by the
 * capturing side yields round trips (the other yields only the capturer's ack delay), so the larger
 * of the two directions' medians is reported.
 */
public final class InfoReport {
    private InfoReport() {
    }

    public static String render(SessionTrace trace) {
        StringBuilder out = new StringBuilder();
        out.append("capture   ").append(trace.file()).append('\n');
        out.append(String.format(Locale.ROOT, "duration  %.3f s, %d Skirmish datagrams, %d connection(s)%n",
                trace.durationMicros() / 1e6, trace.skirmishDatagrams(), trace.connections().size()));
        if (trace.foreignDatagrams() > 0 || trace.otherPackets() > 0) {
            out.append(String.format(Locale.ROOT, "ignored   %d UDP datagram(s) of other programs, %d non-UDP packet(s)%n",
                    trace.foreignDatagrams(), trace.otherPackets()));
        }
        for (TracedConnection connection : trace.connections()) {
            out.append(String.format(Locale.ROOT, "%nconnection %d: client %s, server %s, %.3f s%s%n", connection.index(),
                    connection.client(), connection.server(),
                    (connection.lastMicros() - connection.firstMicros()) / 1e6,
                    connection.handshakeSeen() ? "" : " (no CONNECT captured: game channels assumed)"));
            long rtt = rttEstimateMicros(connection);
            out.append("  rtt estimate ").append(rtt < 0 ? "none (no acknowledged packets)"
                    : String.format(Locale.ROOT, "%.3f ms", rtt / 1e3)).append('\n');
            for (Direction direction : Direction.values()) {
                renderDirection(out, connection, direction);
            }
        }
        for (CaptureProblem problem : trace.problems()) {
            out.append("\nproblem: ").append(problem.message()).append('\n');
        }
        return out.toString();
    }

    private static void renderDirection(StringBuilder out, TracedConnection connection, Direction direction) {
        DirectionTrace trace = connection.trace(direction);
        double loss = trace.packetNumberSpan() == 0 ? 0 : 100.0 * trace.missingPacketNumbers() / trace.packetNumberSpan();
        out.append(String.format(Locale.ROOT,
                "  %-15s %7d datagrams %10d bytes | DATA %7d, missing packet numbers %d (%.2f%%) | message frames %d,"
                        + " retransmissions: %d repeated, %d late reliable%n",
                direction.label(), trace.datagrams(), trace.bytes(), trace.dataPackets(), trace.missingPacketNumbers(),
                loss, trace.messageFrames(), trace.repeatedFrames(), trace.lateReliableFrames()));
        for (Map.Entry<Integer, long[]> channel : trace.channels().entrySet()) {
            int index = channel.getKey();
            String mode = index < connection.channels().size() ? modeName(connection.channels().get(index)) : "unknown";
            out.append(String.format(Locale.ROOT, "    channel %d %-21s %7d messages %10d payload bytes%n",
                    index, mode, channel.getValue()[0], channel.getValue()[1]));
        }
        if (trace.incompleteMessages() > 0) {
            out.append("    ").append(trace.incompleteMessages()).append(" message(s) with fragments missing from the capture\n");
        }
    }

    static String modeName(DeliveryMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The larger of the two directions' median RTT samples, or -1 without samples. */
    public static long rttEstimateMicros(TracedConnection connection) {
        long best = -1;
        for (Direction direction : Direction.values()) {
            long[] samples = connection.trace(direction).rttSamplesMicros();
            if (samples.length > 0) {
                best = Math.max(best, samples[samples.length / 2]);
            }
        }
        return best;
    }
}
