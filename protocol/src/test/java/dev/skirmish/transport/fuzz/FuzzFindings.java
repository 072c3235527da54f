package dev.skirmish.transport.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fuzzing run found wrong, per broken invariant: how many times, and the first few cases in
 * full (enough to reproduce each, not so many that memory grows with the run).
 */
final class FuzzFindings {
    /** The invariants a run checks. */
    enum Invariant {
        /** An exception escaped an endpoint call (receive, handleTimeout, poll, nextTimeoutNanos). */
        EXCEPTION_ESCAPED,
        /**
         * An endpoint was woken again and again at one instant without receiving or sending anything,
         * its deadline still due: a busy loop under a real driver, a stuck clock in the simulation.
         */
        ENDPOINT_SPINS,
        /** A datagram with a broken checksum (or an impossible length) was not dropped as exactly that, or changed state. */
        DAMAGED_DATAGRAM_CHANGED_STATE,
        /** An endpoint held more connections than maxConnections. */
        CONNECTION_LIMIT,
        /** One poll sent more handshake replies than maxPendingReplies. */
        REPLY_QUEUE_BOUND,
        /** More bytes went to an address that never completed a handshake than three times what came from it. */
        AMPLIFICATION,
        /** A connection's receive side held more than receiveWindowBytes + unreliableReceiveBufferBytes. */
        RECEIVE_BUFFER_BOUND,
        /** A channel's send queue held more than sendBufferBytes. */
        SEND_QUEUE_BOUND,
        /** A connection held more partial or waiting messages than its channel windows allow. */
        HELD_MESSAGES_BOUND,
        /** The witness connection lost, duplicated, reordered or damaged a message, or stopped being connected. */
        WITNESS_DELIVERY,
        /** A fuzzed connection ended neither usable nor cleanly closed. */
        FUZZED_CONNECTION_LIVENESS,
        /** The run itself stopped early (the simulated network refused to go on). */
        RUN_ABORTED
    }

    private static final int EXAMPLES_KEPT = 8;

    private final Map<Invariant, Long> counts = new EnumMap<>(Invariant.class);
    private final Map<Invariant, List<String>> examples = new EnumMap<>(Invariant.class);
    private final Map<String, Long> exceptionKinds = new LinkedHashMap<>();

    /** Records one violation of {@code invariant}. */
    void record(Invariant invariant, String detail) {
        counts.merge(invariant, 1L, Long::sum);
        List<String> kept = examples.computeIfAbsent(invariant, unused -> new ArrayList<>());
        if (kept.size() < EXAMPLES_KEPT) {
            kept.add(detail);
        }
    }

    /** Records an exception that escaped, grouped by where it was thrown so distinct bugs stay distinct. */
    void recordEscape(String call, String context, Throwable escaped) {
        StackTraceElement[] stack = escaped.getStackTrace();
        String kind = escaped.getClass().getName() + (stack.length > 0 ? " at " + stack[0] : "");
        boolean firstOfKind = !exceptionKinds.containsKey(kind);
        exceptionKinds.merge(kind, 1L, Long::sum);
        counts.merge(Invariant.EXCEPTION_ESCAPED, 1L, Long::sum);
        List<String> kept = examples.computeIfAbsent(Invariant.EXCEPTION_ESCAPED, unused -> new ArrayList<>());
        if (firstOfKind && kept.size() < EXAMPLES_KEPT) {
            kept.add(call + " threw " + escaped + " (" + kind + ") on " + context);
        }
    }

    long count(Invariant invariant) {
        return counts.getOrDefault(invariant, 0L);
    }

    /** A readable account of the violations of {@code invariant}, or "none". */
    String describe(Invariant invariant) {
        long count = count(invariant);
        if (count == 0) {
            return "none";
        }
        StringBuilder text = new StringBuilder().append(count).append(" violation(s) of ").append(invariant);
        if (invariant == Invariant.EXCEPTION_ESCAPED) {
            text.append("; by kind: ").append(exceptionKinds);
        }
        for (String example : examples.get(invariant)) {
            text.append("\n  - ").append(example);
        }
        return text.toString();
    }
}
