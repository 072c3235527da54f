package dev.skirmish.replay.run;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReplayReport} as JSON (stable key order, integers only, so equal reports give
 * byte-identical text) or as a table for people.
 */
public final class ReplayReportFormat {
    private ReplayReportFormat() {
    }

    public static String json(ReplayReport report) {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        field(out, 1, "capture", report.capture()).append(",\n");
        field(out, 1, "transportProfile", report.transportProfile()).append(",\n");
        field(out, 1, "conditions", report.conditions()).append(",\n");
        field(out, 1, "seed", report.seed()).append(",\n");
        field(out, 1, "connections", report.connections()).append(",\n");
        field(out, 1, "messages", report.messages()).append(",\n");
        field(out, 1, "recordedDurationMicros", report.recordedDurationMicros()).append(",\n");
        field(out, 1, "virtualDurationMicros", report.virtualDurationMicros()).append(",\n");
        field(out, 1, "reliableExact", report.reliableExact()).append(",\n");
        out.append("  \"directions\": [\n");
        for (int i = 0; i < report.directions().size(); i++) {
            DirectionResult d = report.directions().get(i);
            out.append("    {");
            inline(out, "direction", d.direction()).append(", ");
            inline(out, "packetsSent", d.packetsSent()).append(", ");
            inline(out, "wireBytes", d.wireBytes()).append(", ");
            inline(out, "payloadBytes", d.payloadBytes()).append(", ");
            inline(out, "retransmittedFragments", d.retransmittedFragments()).append(", ");
            inline(out, "packetsLost", d.packetsLost()).append(", ");
            inline(out, "staleDropped", d.staleDropped());
            out.append(i + 1 < report.directions().size() ? "},\n" : "}\n");
        }
        out.append("  ],\n  \"channels\": [\n");
        for (int i = 0; i < report.channels().size(); i++) {
            ChannelResult c = report.channels().get(i);
            out.append("    {");
            inline(out, "direction", c.direction()).append(", ");
            inline(out, "channel", c.channel()).append(", ");
            inline(out, "mode", c.mode()).append(", ");
            inline(out, "messages", c.messages()).append(", ");
            inline(out, "payloadBytes", c.payloadBytes()).append(", ");
            inline(out, "deliveredOnce", c.deliveredOnce()).append(", ");
            inline(out, "notDelivered", c.notDelivered()).append(", ");
            inline(out, "duplicates", c.duplicates()).append(", ");
            inline(out, "outOfOrder", c.outOfOrder()).append(", ");
            inline(out, "foreign", c.foreign()).append(", ");
            inline(out, "frameBytes", c.frameBytes()).append(", ");
            inline(out, "retransmittedFragments", c.retransmittedFragments()).append(", ");
            inline(out, "staleDropped", c.staleDropped()).append(", ");
            inline(out, "latencyP50Micros", c.latencyP50Micros()).append(", ");
            inline(out, "latencyP99Micros", c.latencyP99Micros()).append(", ");
            inline(out, "latencyMaxMicros", c.latencyMaxMicros()).append(", ");
            list(out, "missing", c.missing()).append(", ");
            list(out, "outOfOrderMessages", c.outOfOrderMessages());
            out.append(i + 1 < report.channels().size() ? "},\n" : "}\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    /** A table: one line per direction, then one per channel. */
    public static String table(ReplayReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "replay of %s: %d connection(s), %d messages, seed %d%n",
                report.capture(), report.connections(), report.messages(), report.seed()));
        out.append("transport profile: ").append(report.transportProfile()).append('\n');
        out.append("conditions: ").append(report.conditions()).append('\n');
        out.append(String.format(Locale.ROOT, "recorded %.3f s, replayed in %.3f s of virtual time%n%n",
                report.recordedDurationMicros() / 1e6, report.virtualDurationMicros() / 1e6));
        out.append(String.format(Locale.ROOT, "%-15s %9s %12s %12s %6s %9s %8s %8s%n", "direction", "packets",
                "wire bytes", "payload", "wire/p", "retransm.", "lost", "stale"));
        for (DirectionResult d : report.directions()) {
            out.append(String.format(Locale.ROOT, "%-15s %9d %12d %12d %6.2f %9d %8d %8d%n", d.direction(),
                    d.packetsSent(), d.wireBytes(), d.payloadBytes(),
                    d.payloadBytes() == 0 ? 0.0 : (double) d.wireBytes() / d.payloadBytes(),
                    d.retransmittedFragments(), d.packetsLost(), d.staleDropped()));
        }
        out.append(String.format(Locale.ROOT, "%n%-15s %2s %-21s %8s %8s %8s %5s %5s %8s %9s %7s %10s %10s %10s%n", "direction", "ch",
                "mode", "messages", "once", "missing", "dup", "order", "frames/p", "retransm.", "stale", "p50 ms", "p99 ms",
                "max ms"));
        for (ChannelResult c : report.channels()) {
            out.append(String.format(Locale.ROOT, "%-15s %2d %-21s %8d %8d %8d %5d %5d %8.2f %9d %7d %10.3f %10.3f %10.3f%n",
                    c.direction(), c.channel(), c.mode(), c.messages(), c.deliveredOnce(), c.notDelivered(),
                    c.duplicates(), c.outOfOrder(), c.payloadBytes() == 0 ? 0.0 : (double) c.frameBytes() / c.payloadBytes(),
                    c.retransmittedFragments(), c.staleDropped(), c.latencyP50Micros() / 1e3, c.latencyP99Micros() / 1e3,
                    c.latencyMaxMicros() / 1e3));
            if (c.mode().startsWith("reliable") && !c.missing().isEmpty()) {
                out.append("    not delivered: ").append(String.join("; ", c.missing())).append('\n');
            }
            if (!c.outOfOrderMessages().isEmpty()) {
                out.append("    out of order: ").append(String.join("; ", c.outOfOrderMessages())).append('\n');
            }
        }
        out.append(report.reliableExact() ? "\nevery reliable message arrived exactly once, in order\n"
                : "\nSOME RELIABLE MESSAGES DID NOT ARRIVE EXACTLY ONCE IN ORDER (see above)\n");
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, int indent, String name, Object value) {
        out.append("  ".repeat(indent));
        return inline(out, name, value);
    }

    private static StringBuilder inline(StringBuilder out, String name, Object value) {
        out.append('"').append(name).append("\": ");
        if (value instanceof String text) {
            quote(out, text);
        } else {
            out.append(value);
        }
        return out;
    }

    private static StringBuilder list(StringBuilder out, String name, List<String> values) {
        out.append('"').append(name).append("\": [");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            quote(out, values.get(i));
        }
        return out.append(']');
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
