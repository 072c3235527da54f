package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.EndpointStats;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.PacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * An {@link Endpoint} as the simulated network sees it, with every call watched:
 *
 * <ul>
 *   <li>an exception escaping any call is recorded (with the datagram, its sender and the strategy
 *       that made it) instead of stopping the run, so one run reports every distinct escape;</li>
 *   <li>a datagram whose checksum fails by this class's own CRC32C (or whose length rules it out)
 *       must be counted as exactly the drop reason that predicts and change no other endpoint counter,
 *       nor (checked for one in four) any connection's received packets;</li>
 *   <li>after every call a server endpoint holds at most maxConnections connections, and each poll sends at
 *       most maxPendingReplies handshake replies;</li>
 *   <li>an endpoint that is woken {@value #IDLE_WAKES_MEANING_SPIN} times at one instant without
 *       receiving or sending anything, and still says its deadline is due, is spinning: that is
 *       recorded, and its deadline is then reported {@value #SPIN_NUDGE_NANOS} ns later to the
 *       network, so virtual time can go on and the run can find more;</li>
 *   <li>bytes received from and sent to each address outside {@code trusted} are tallied, to check
 *       that the endpoint never amplifies toward an address that never answered.</li>
 * </ul>
 */
final class GuardedEndpoint implements NetworkNode {
    private static final HexFormat HEX = HexFormat.of();
    private static final int HEX_BYTES_SHOWN = 96;
    private static final int IDLE_WAKES_MEANING_SPIN = 3;
    private static final long SPIN_NUDGE_NANOS = 1_000_000;

    private final String name;
    private final boolean acceptsConnections;
    private final Endpoint endpoint;
    private final TransportConfig config;
    private final FuzzFindings findings;
    private final HostileLabels labels;
    private final Set<InetSocketAddress> trusted;
    private final Map<InetSocketAddress, long[]> untrustedTraffic = new HashMap<>();
    private final CRC32C crc = new CRC32C();
    private final RepliesCountingSink countingSink = new RepliesCountingSink();
    private long hostileReceived;
    private long damagedChecked;
    private int mostRepliesInOnePoll;
    private int mostDatagramsInOnePoll;
    private boolean receivedSincePoll;
    private long idleInstantNanos;
    private int idleWakesAtInstant;
    private boolean spinning;
    private long spinInstants;
    private long nudgedDeadlineNanos = NO_DEADLINE;

    /**
     * @param acceptsConnections whether this is a server endpoint, bound by maxConnections
     * @param labels  strategy names of the hostile datagrams in flight
     * @param trusted addresses of the simulated peers, whose traffic is not tallied for amplification
     */
    GuardedEndpoint(String name, Endpoint endpoint, boolean acceptsConnections, FuzzFindings findings,
                    HostileLabels labels, Set<InetSocketAddress> trusted) {
        this.name = name;
        this.acceptsConnections = acceptsConnections;
        this.endpoint = endpoint;
        this.config = endpoint.config();
        this.findings = findings;
        this.labels = labels;
        this.trusted = trusted;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        receivedSincePoll = true;
        String label = labels.take(datagram);
        if (label != null) {
            hostileReceived++;
        }
        if (!trusted.contains(from)) {
            untrustedTraffic.computeIfAbsent(from, unused -> new long[2])[0] += datagram.remaining();
        }
        DropReason predicted = predictEarlyDrop(datagram);
        EndpointStats before = predicted == null ? null : endpoint.stats();
        // Asking every connection for its statistics is the costly part: one damaged datagram in four.
        boolean checkConnections = predicted != null && (damagedChecked & 3) == 0;
        long packetsBefore = checkConnections ? packetsReceivedByConnections() : 0;
        int length = datagram.remaining();
        byte[] copyForReport = predicted == null ? null : bytesOf(datagram);
        try {
            endpoint.receive(nowNanos, from, datagram);
        } catch (RuntimeException | Error escaped) {
            findings.recordEscape(name + ".receive", describe(label, from, datagram), escaped);
            return;
        }
        if (predicted != null) {
            damagedChecked++;
            checkOnlyDropped(predicted, before, checkConnections, packetsBefore, length, label, from, copyForReport);
        }
        checkConnectionLimit();
    }

    @Override
    public void handleTimeout(long nowNanos) {
        try {
            endpoint.handleTimeout(nowNanos);
        } catch (RuntimeException | Error escaped) {
            findings.recordEscape(name + ".handleTimeout", "at " + nowNanos + " ns", escaped);
        }
        checkConnectionLimit();
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        countingSink.start(sink);
        try {
            endpoint.poll(nowNanos, countingSink);
        } catch (RuntimeException | Error escaped) {
            findings.recordEscape(name + ".poll", "at " + nowNanos + " ns", escaped);
        }
        mostRepliesInOnePoll = Math.max(mostRepliesInOnePoll, countingSink.replies);
        mostDatagramsInOnePoll = Math.max(mostDatagramsInOnePoll, countingSink.datagrams);
        if (countingSink.replies > config.maxPendingReplies()) {
            findings.record(FuzzFindings.Invariant.REPLY_QUEUE_BOUND, name + " sent " + countingSink.replies
                    + " handshake replies in one poll; maxPendingReplies is " + config.maxPendingReplies());
        }
        checkConnectionLimit();
        watchForSpinning(nowNanos, countingSink.datagrams);
    }

    @Override
    public long nextTimeoutNanos() {
        long deadline;
        try {
            deadline = endpoint.nextTimeoutNanos();
        } catch (RuntimeException | Error escaped) {
            findings.recordEscape(name + ".nextTimeoutNanos", "", escaped);
            return NO_DEADLINE;
        }
        if (nudgedDeadlineNanos != NO_DEADLINE && deadline != NO_DEADLINE && deadline - nudgedDeadlineNanos < 0) {
            return nudgedDeadlineNanos;
        }
        return deadline;
    }

    /** After a poll: a wake that neither received nor sent and leaves the deadline due will repeat forever. */
    private void watchForSpinning(long nowNanos, int sent) {
        boolean idle = sent == 0 && !receivedSincePoll;
        receivedSincePoll = false;
        nudgedDeadlineNanos = NO_DEADLINE;
        long deadline = nextTimeoutNanos();
        if (!idle || deadline == NO_DEADLINE || deadline - nowNanos > 0) {
            spinning = false;
            idleWakesAtInstant = 0;
            return;
        }
        if (idleWakesAtInstant == 0 || idleInstantNanos != nowNanos) {
            idleInstantNanos = nowNanos;
            idleWakesAtInstant = 0;
        }
        if (++idleWakesAtInstant < IDLE_WAKES_MEANING_SPIN) {
            return;
        }
        spinInstants++;
        if (!spinning) {
            spinning = true;
            findings.record(FuzzFindings.Invariant.ENDPOINT_SPINS, name + " at " + nowNanos + " ns: woken "
                    + idleWakesAtInstant + " times without input or output, deadline still " + deadline
                    + " ns; connections " + endpoint.connections());
        }
        nudgedDeadlineNanos = nowNanos + SPIN_NUDGE_NANOS;
    }

    /** Instants at which the endpoint was found spinning. */
    long spinInstants() {
        return spinInstants;
    }

    long hostileReceived() {
        return hostileReceived;
    }

    long damagedChecked() {
        return damagedChecked;
    }

    int mostRepliesInOnePoll() {
        return mostRepliesInOnePoll;
    }

    int mostDatagramsInOnePoll() {
        return mostDatagramsInOnePoll;
    }

    /** Bytes received from ([0]) and sent to ([1]) each address outside the trusted set. */
    Map<InetSocketAddress, long[]> untrustedTraffic() {
        return untrustedTraffic;
    }

    /** The drop a datagram must get before anything else is looked at, or null if it may go further. */
    private DropReason predictEarlyDrop(ByteBuffer datagram) {
        int length = datagram.remaining();
        if (length < PacketType.MIN_DATAGRAM_LENGTH) {
            return DropReason.TRUNCATED;
        }
        if (length > config.maxDatagramBytes()) {
            return DropReason.OVERSIZED;
        }
        int start = datagram.position();
        crc.reset();
        crc.update(datagram.duplicate().limit(start + length - DatagramChecksum.LENGTH));
        return (int) crc.getValue() == datagram.getInt(start + length - DatagramChecksum.LENGTH)
                ? null : DropReason.BAD_CHECKSUM;
    }

    private void checkOnlyDropped(DropReason predicted, EndpointStats before, boolean checkConnections,
                                  long packetsBefore, int length, String label, InetSocketAddress from, byte[] datagram) {
        EndpointStats after = endpoint.stats();
        StringBuilder wrong = new StringBuilder();
        for (DropReason reason : DropReason.values()) {
            long expected = before.drops(reason) + (reason == predicted ? 1 : 0);
            if (after.drops(reason) != expected) {
                wrong.append(" drops(").append(reason).append(") ").append(before.drops(reason)).append(" -> ")
                        .append(after.drops(reason)).append(";");
            }
        }
        if (after.datagramsReceived() != before.datagramsReceived() + 1
                || after.bytesReceived() != before.bytesReceived() + length) {
            wrong.append(" receive counters;");
        }
        if (after.datagramsSent() != before.datagramsSent() || after.connectionsAccepted() != before.connectionsAccepted()
                || after.connectionsRejected() != before.connectionsRejected()
                || after.challengesSent() != before.challengesSent()) {
            wrong.append(" send or handshake counters;");
        }
        if (checkConnections && packetsReceivedByConnections() != packetsBefore) {
            wrong.append(" a connection processed it;");
        }
        if (wrong.length() > 0) {
            findings.record(FuzzFindings.Invariant.DAMAGED_DATAGRAM_CHANGED_STATE, name + " expected only a "
                    + predicted + " drop for " + describe(label, from, ByteBuffer.wrap(datagram)) + ", but:" + wrong);
        }
    }

    private long packetsReceivedByConnections() {
        long total = 0;
        for (Connection connection : endpoint.connections()) {
            total += connection.stats().packetsReceived();
        }
        return total;
    }

    private void checkConnectionLimit() {
        if (!acceptsConnections) {
            return;
        }
        int connections = endpoint.connections().size();
        if (connections > config.maxConnections()) {
            findings.record(FuzzFindings.Invariant.CONNECTION_LIMIT, name + " holds " + connections
                    + " connections; maxConnections is " + config.maxConnections());
        }
    }

    private static String describe(String label, InetSocketAddress from, ByteBuffer datagram) {
        byte[] bytes = bytesOf(datagram);
        String hex = HEX.formatHex(bytes, 0, Math.min(bytes.length, HEX_BYTES_SHOWN));
        return (label == null ? "genuine datagram" : "hostile datagram [" + label + "]") + " of " + bytes.length
                + " bytes from " + from + ": " + hex + (bytes.length > HEX_BYTES_SHOWN ? "..." : "");
    }

    private static byte[] bytesOf(ByteBuffer datagram) {
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(datagram.position(), bytes);
        return bytes;
    }

    /** Passes datagrams on, counting them and the handshake replies among them, and tallying untrusted destinations. */
    private final class RepliesCountingSink implements DatagramSink {
        private DatagramSink target;
        private int replies;
        private int datagrams;

        void start(DatagramSink sink) {
            target = sink;
            replies = 0;
            datagrams = 0;
        }

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            datagrams++;
            if (datagram.remaining() > PacketType.TYPE_OFFSET) {
                int type = datagram.get(datagram.position() + PacketType.TYPE_OFFSET) & 0xFF;
                if (type == PacketType.CHALLENGE || type == PacketType.REJECT) {
                    replies++;
                }
            }
            if (!trusted.contains(to)) {
                untrustedTraffic.computeIfAbsent(to, unused -> new long[2])[1] += datagram.remaining();
            }
            target.send(to, datagram);
        }
    }
}
