package dev.skirmish.transport.sim;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Small {@link NetworkNode}s with scripted behaviour, for testing the simulated network. */
final class FakeNodes {

    private FakeNodes() {
    }

    static InetSocketAddress address(int lastOctet, int port) {
        return new InetSocketAddress("10.0.0." + lastOctet, port);
    }

    /** The bytes of datagram {@code index}: the index (big-endian int), then a pattern derived from it. */
    static byte[] payload(int index, int sizeBytes) {
        ByteBuffer b = ByteBuffer.allocate(sizeBytes);
        fillPayload(b, index);
        return b.array();
    }

    private static void fillPayload(ByteBuffer b, int index) {
        b.putInt(index);
        while (b.hasRemaining()) {
            b.put((byte) (index * 31 + b.position()));
        }
    }

    /** One datagram as a node received it. */
    record Arrival(long atNanos, InetSocketAddress from, byte[] bytes) {
        int index() {
            return ByteBuffer.wrap(bytes).getInt();
        }
    }

    /** Records what it receives; sends what the test queues with {@link #send}; runs an optional timer. */
    static class RecordingNode implements NetworkNode {
        final List<Arrival> arrivals = new ArrayList<>();
        final List<Long> timeouts = new ArrayList<>();
        long timerNanos = NO_DEADLINE;
        private final String name;
        private final ArrayDeque<Arrival> outbox = new ArrayDeque<>();
        private long sendDueNanos = NO_DEADLINE;

        RecordingNode(String name) {
            this.name = name;
        }

        /** What the application does: queue a datagram, which makes the node due at {@code nowNanos}. */
        void send(long nowNanos, InetSocketAddress to, byte[] bytes) {
            outbox.add(new Arrival(nowNanos, to, bytes));
            sendDueNanos = nowNanos;
        }

        @Override
        public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
            byte[] copy = new byte[datagram.remaining()];
            datagram.get(copy);
            arrivals.add(new Arrival(nowNanos, from, copy));
            onReceive(nowNanos, from, copy);
        }

        void onReceive(long nowNanos, InetSocketAddress from, byte[] bytes) {
        }

        @Override
        public void handleTimeout(long nowNanos) {
            if (timerNanos != NO_DEADLINE && timerNanos - nowNanos <= 0) {
                timeouts.add(nowNanos);
                timerNanos = NO_DEADLINE;
            }
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
            while (!outbox.isEmpty()) {
                Arrival out = outbox.poll();
                sink.send(out.from(), ByteBuffer.wrap(out.bytes()));
            }
            sendDueNanos = NO_DEADLINE;
        }

        @Override
        public long nextTimeoutNanos() {
            return Math.min(timerNanos, sendDueNanos);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Sends every datagram it receives straight back to its source. */
    static final class EchoNode extends RecordingNode {
        EchoNode(String name) {
            super(name);
        }

        @Override
        void onReceive(long nowNanos, InetSocketAddress from, byte[] bytes) {
            send(nowNanos, from, bytes);
        }
    }

    /**
     * Sends {@code count} datagrams of {@link #payload} to a peer, one every {@code intervalNanos}
     * from {@code startNanos}, all built in one reused buffer (so the network must copy on send).
     */
    static final class PacedSender extends RecordingNode {
        private final InetSocketAddress peer;
        private final int count;
        private final long startNanos;
        private final long intervalNanos;
        private final ByteBuffer buffer;
        private long nextSendNanos;
        private int sent;

        PacedSender(String name, InetSocketAddress peer, int count, int sizeBytes, long startNanos, long intervalNanos) {
            super(name);
            this.peer = peer;
            this.count = count;
            this.startNanos = startNanos;
            this.intervalNanos = intervalNanos;
            this.buffer = ByteBuffer.allocate(sizeBytes);
            this.nextSendNanos = startNanos;
        }

        /** When datagram {@code index} was sent. */
        long sendTimeNanos(int index) {
            return startNanos + index * intervalNanos;
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
            super.poll(nowNanos, sink);
            while (sent < count && nextSendNanos - nowNanos <= 0) {
                buffer.clear();
                fillPayload(buffer, sent);
                buffer.flip();
                sink.send(peer, buffer);
                sent++;
                nextSendNanos += intervalNanos;
            }
        }

        @Override
        public long nextTimeoutNanos() {
            return Math.min(super.nextTimeoutNanos(), sent < count ? nextSendNanos : NO_DEADLINE);
        }
    }

    /** Logs the order of the calls it gets, to check the wake-up contract. */
    static final class CallLogNode extends RecordingNode {
        final List<String> calls = new ArrayList<>();

        CallLogNode(String name) {
            super(name);
        }

        @Override
        public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
            calls.add("receive@" + nowNanos);
            super.receive(nowNanos, from, datagram);
        }

        @Override
        public void handleTimeout(long nowNanos) {
            calls.add("timeout@" + nowNanos);
            super.handleTimeout(nowNanos);
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
            calls.add("poll@" + nowNanos);
            super.poll(nowNanos, sink);
        }
    }

    /** A broken node: always due at the same instant, whatever it is told. */
    static final class StuckNode extends RecordingNode {
        private final long deadlineNanos;

        StuckNode(String name, long deadlineNanos) {
            super(name);
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public long nextTimeoutNanos() {
            return deadlineNanos;
        }
    }
}
