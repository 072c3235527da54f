package dev.skirmish.transport.udp;

import static dev.skirmish.transport.udp.Loopback.serviceUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link UdpHost} in polled mode over loopback sockets, driving small fake nodes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpHostTest {

    private static final int DATAGRAM_BYTES = 32;

    @Test
    void roundTripsDatagramsOverIpv4() throws IOException {
        roundTrip(Loopback.ipv4());
    }

    @Test
    void roundTripsDatagramsOverIpv6() throws IOException {
        roundTrip(Loopback.ipv6());
    }

    private static void roundTrip(InetSocketAddress loopback) throws IOException {
        int count = 20;
        EchoNode echo = new EchoNode();
        try (UdpHost server = UdpHost.bind(loopback, echo, UdpHostOptions.defaults())) {
            NumberedSenderNode sender = new NumberedSenderNode(server.localAddress(), DATAGRAM_BYTES).queue(count);
            try (UdpHost client = UdpHost.bind(loopback, sender, UdpHostOptions.defaults())) {
                assertNotEquals(0, server.localAddress().getPort(), "bound to an ephemeral port");
                assertEquals(loopback.getAddress(), client.localAddress().getAddress());

                serviceUntil(() -> sender.receivedNumbers().size() == count, "all echoes back", client, server);

                List<Integer> expected = IntStream.range(0, count).boxed().collect(Collectors.toList());
                assertEquals(expected, sender.receivedNumbers().stream().sorted().collect(Collectors.toList()));
                assertEquals(count, echo.received());
                for (UdpHostStats stats : List.of(client.stats(), server.stats())) {
                    assertEquals(count, stats.datagramsSent(), stats.toString());
                    assertEquals(count, stats.datagramsReceived(), stats.toString());
                    assertEquals((long) count * DATAGRAM_BYTES, stats.bytesSent(), stats.toString());
                    assertEquals((long) count * DATAGRAM_BYTES, stats.bytesReceived(), stats.toString());
                    assertEquals(0, stats.sendErrors() + stats.receiveErrors() + stats.nodeExceptions(), stats.toString());
                }
            }
        }
    }

    @Test
    void serviceReturnsTheNumberOfDatagramsHandedToTheNode() throws IOException {
        int count = 5;
        EchoNode echo = new EchoNode();
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), echo, UdpHostOptions.defaults());
             UdpHost client = UdpHost.bind(Loopback.ipv4(),
                     new NumberedSenderNode(server.localAddress(), DATAGRAM_BYTES).queue(count),
                     UdpHostOptions.defaults())) {
            assertEquals(0, client.service(0), "nothing has arrived at the client yet");
            int returned = 0;
            for (int round = 0; round < Loopback.MAX_ROUNDS && returned < count; round++) {
                returned += server.service(10);
            }
            assertEquals(count, returned);
            assertEquals(count, echo.received());
            assertEquals(count, server.stats().datagramsReceived());
            assertEquals(0, server.service(0), "nothing more to read");
        }
    }

    @Test
    void firesEveryTimerOnceDueAndNeverBefore() throws IOException {
        NanoClock clock = NanoClock.startingNow();
        long periodNanos = TimeUnit.MILLISECONDS.toNanos(2);
        PeriodicTimerNode timer = new PeriodicTimerNode(
                clock.nowNanos() + TimeUnit.MILLISECONDS.toNanos(5), periodNanos, 3);
        UdpHostOptions options = UdpHostOptions.builder().clock(clock).build();
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), timer, options)) {
            // Each call may wait a minute unless the deadline cuts it short: a host that ignored the
            // deadline would trip the test's timeout instead of finishing in a few calls.
            int calls = 0;
            while (!timer.isDone() && calls < 20) {
                host.service(TimeUnit.MINUTES.toMillis(1));
                calls++;
            }

            assertEquals(List.of(), timer.earlyWakeUps());
            assertEquals(3, timer.wakeUpsNanos().size(), "woken for every deadline in " + calls + " calls");
            for (int i = 0; i < 3; i++) {
                long deadline = timer.deadlinesNanos().get(i);
                long now = timer.wakeUpsNanos().get(i);
                assertTrue(deadline - now <= 0, "woken at " + now + " for deadline " + deadline);
            }
            assertEquals(0, host.stats().nodeExceptions());
        }
    }

    @Test
    void servesAnOverdueDeadlineWithoutWaiting() throws IOException {
        AtomicLong nowNanos = new AtomicLong(1_000);
        PeriodicTimerNode timer = new PeriodicTimerNode(400, 100, 2);
        UdpHostOptions options = UdpHostOptions.builder().clock(nowNanos::get).build();
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), timer, options)) {
            // The clock stands still, so only a host that selects without waiting returns from these.
            host.service(TimeUnit.MINUTES.toMillis(1));
            host.service(TimeUnit.MINUTES.toMillis(1));

            assertEquals(List.of(1_000L, 1_000L), timer.wakeUpsNanos());
            assertEquals(List.of(400L, 500L), timer.deadlinesNanos());
            assertEquals(List.of(), timer.earlyWakeUps());
        }
    }

    @Test
    void waitRunsToTheDeadlineCappedByTheCallersTimeout() {
        long never = NetworkNode.NO_DEADLINE;
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        assertEquals(50 * ms, UdpHost.waitNanos(50 * ms, never, 123));
        assertEquals(0, UdpHost.waitNanos(0, never, 123), "0 polls without waiting");
        assertEquals(0, UdpHost.waitNanos(0, 5 * ms, 0), "0 polls even with a deadline ahead");
        assertEquals(0, UdpHost.waitNanos(50 * ms, 1_000, 1_000), "due now");
        assertEquals(0, UdpHost.waitNanos(50 * ms, 1_000, 5_000), "overdue");
        assertEquals(300_000, UdpHost.waitNanos(50 * ms, 1_000 + 300_000, 1_000), "0.3 ms: exactly to the deadline");
        assertEquals(2 * ms + 1, UdpHost.waitNanos(50 * ms, 2 * ms + 1, 0), "not rounded to milliseconds");
        assertEquals(50 * ms, UdpHost.waitNanos(50 * ms, 10_000 * ms, 0), "the caller's timeout caps the wait");
        assertEquals(700_000, UdpHost.waitNanos(700_000, 10_000 * ms, 0), "a timeout finer than a millisecond");
        assertEquals(21, UdpHost.waitNanos(50 * ms, Long.MIN_VALUE + 10, Long.MAX_VALUE - 10),
                "compared wrap-safely: 21 ns ahead");
    }

    @Test
    void selectorSleepsWholeMillisecondsRoundedDownThenTheAlarmEndsTheLastStretch() {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        assertEquals(-1, UdpHost.selectMillis(300_000), "0.3 ms: up to 1 ms in the selector, the alarm ends it");
        assertEquals(-1, UdpHost.selectMillis(1));
        assertEquals(-1, UdpHost.selectMillis(ms));
        assertEquals(-2, UdpHost.selectMillis(ms + 1), "rounded up: the alarm, not the timeout, ends it");
        assertEquals(-2, UdpHost.selectMillis(2 * ms - 1));
        assertEquals(2, UdpHost.selectMillis(2 * ms), "from 2 ms on, no alarm");
        assertEquals(2, UdpHost.selectMillis(3 * ms - 1), "rounded down: never sleeps past the deadline");
        assertEquals(9_223_372_036_854L, UdpHost.selectMillis(Long.MAX_VALUE));
    }

    @Test
    void rejectsANegativeServiceTimeout() throws IOException {
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), UdpHostOptions.defaults())) {
            assertThrows(IllegalArgumentException.class, () -> host.service(-1));
        }
    }

    @Test
    void aConnectedSocketSendsToItsPeerOnly() throws IOException {
        EchoNode peer = new EchoNode();
        EchoNode stranger = new EchoNode();
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), peer, UdpHostOptions.defaults());
             UdpHost other = UdpHost.bind(Loopback.ipv4(), stranger, UdpHostOptions.defaults())) {
            UdpHostOptions connected = UdpHostOptions.builder().connectedPeer(server.localAddress()).build();
            try (UdpHost toPeer = UdpHost.bind(Loopback.ipv4(),
                         sendingOnce(server.localAddress(), List.of(new byte[4])), connected);
                 UdpHost toStranger = UdpHost.bind(Loopback.ipv4(),
                         sendingOnce(other.localAddress(), List.of(new byte[4])), connected)) {
                toPeer.service(0);
                toStranger.service(0);
                serviceUntil(() -> peer.received() >= 1, "the datagram to the peer arrives", server);

                assertEquals(1, toPeer.stats().datagramsSent());
                assertEquals(0, toStranger.stats().datagramsSent());
                assertEquals(1, toStranger.stats().sendErrors(), "refused and counted, not thrown");
                assertEquals(0, other.service(0), "nothing reached the other address");
                assertEquals(0, stranger.received());
            }
        }
    }

    @Test
    void aConnectedSocketRidesOutPortUnreachableWithoutLosingADatagram() throws IOException {
        InetSocketAddress closedPort;
        try (DatagramChannel gone = DatagramChannel.open()) {
            gone.bind(Loopback.ipv4());
            closedPort = (InetSocketAddress) gone.getLocalAddress();
        }
        AtomicLong polls = new AtomicLong();
        NetworkNode sender = new PollOnlyNode(sink -> {
            polls.incrementAndGet();
            sink.send(closedPort, ByteBuffer.wrap(new byte[DATAGRAM_BYTES]));
        });
        UdpHostOptions connected = UdpHostOptions.builder().connectedPeer(closedPort).build();
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), sender, connected)) {
            for (int i = 0; i < 6; i++) {
                host.service(0);
            }
            assertTrue(host.stats().portUnreachable() >= 1, host.stats().toString());
            assertEquals(polls.get(), host.stats().datagramsSent(), "every datagram went out: " + host.stats());
            assertEquals(0, host.stats().sendErrors(), host.stats().toString());
            assertEquals(0, host.stats().receiveErrors(), host.stats().toString());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInterruptedCallerReturnsInsteadOfWaitingOut() throws IOException {
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), UdpHostOptions.defaults())) {
            Thread.currentThread().interrupt();
            try {
                // Waiting out the minute instead (the selector spins while the flag is set) trips the @Timeout.
                host.service(TimeUnit.MINUTES.toMillis(1));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt stays set for the caller");
            }
        }
    }

    @Test
    void closingTheHostStopsItsAlarmThread() throws IOException, InterruptedException {
        NanoClock clock = NanoClock.startingNow();
        NetworkNode soonDue = new QuietNode() {
            private long deadlineNanos = NO_DEADLINE;

            @Override
            public long nextTimeoutNanos() {
                if (deadlineNanos == NO_DEADLINE) {
                    deadlineNanos = clock.nowNanos() + 300_000;
                }
                return deadlineNanos;
            }
        };
        Thread alarm;
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), soonDue, UdpHostOptions.builder().clock(clock).build())) {
            host.service(5);
            String name = "skirmish-alarm-" + host.localAddress().getPort();
            alarm = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("a sub-millisecond wait started no " + name + " thread"));
        }
        alarm.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!alarm.isAlive(), "the alarm thread outlived its host");
    }

    @Test
    void rejectsAnUnresolvedConnectedPeer() {
        assertThrows(IllegalArgumentException.class, () -> UdpHostOptions.builder()
                .connectedPeer(InetSocketAddress.createUnresolved("localhost", 9)));
    }

    @Test
    void rejectsAnUnresolvedLocalAddress() {
        assertThrows(IllegalArgumentException.class, () -> UdpHost.bind(
                InetSocketAddress.createUnresolved("localhost", 0), new EchoNode(), UdpHostOptions.defaults()));
    }

    @Test
    void outboundDropperDropsBeforeTheKernelAndCounts() throws IOException {
        EchoNode echo = new EchoNode();
        List<byte[]> datagrams = List.of(new byte[3], new byte[3], new byte[5]);
        UdpHostOptions dropThreeByteDatagrams = UdpHostOptions.builder()
                .outboundDropper((peer, lengthBytes) -> lengthBytes == 3).build();
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), echo, UdpHostOptions.defaults());
             UdpHost client = UdpHost.bind(Loopback.ipv4(),
                     sendingOnce(server.localAddress(), datagrams), dropThreeByteDatagrams)) {
            client.service(0);
            // Loopback keeps order: once the last datagram is in, the dropped ones would have been too.
            serviceUntil(() -> echo.received() >= 1, "the undropped datagram arrives", server);

            assertEquals(1, echo.received());
            assertEquals(2, client.stats().outboundDropped());
            assertEquals(1, client.stats().datagramsSent());
            assertEquals(5, client.stats().bytesSent());
        }
    }

    @Test
    void inboundDropperDropsAfterTheKernelAndCounts() throws IOException {
        EchoNode echo = new EchoNode();
        List<byte[]> datagrams = List.of(new byte[3], new byte[3], new byte[5]);
        UdpHostOptions dropThreeByteDatagrams = UdpHostOptions.builder()
                .inboundDropper((peer, lengthBytes) -> lengthBytes == 3).build();
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), echo, dropThreeByteDatagrams);
             UdpHost client = UdpHost.bind(Loopback.ipv4(),
                     sendingOnce(server.localAddress(), datagrams), UdpHostOptions.defaults())) {
            client.service(0);
            int returned = 0;
            for (int round = 0; round < Loopback.MAX_ROUNDS && echo.received() == 0; round++) {
                returned += server.service(10);
            }

            assertEquals(1, returned, "dropped datagrams are not counted as received");
            assertEquals(1, echo.received());
            assertEquals(2, server.stats().inboundDropped());
            assertEquals(1, server.stats().datagramsReceived());
            assertEquals(5, server.stats().bytesReceived());
            assertEquals(3, client.stats().datagramsSent());
        }
    }

    @Test
    void randomDropperAtFullRateSendsNothing() throws IOException {
        UdpHostOptions dropAll = UdpHostOptions.builder()
                .outboundDropper(new RandomDatagramDropper(1.0, 42)).build();
        InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        try (UdpHost client = UdpHost.bind(Loopback.ipv4(),
                new NumberedSenderNode(nowhere, DATAGRAM_BYTES).queue(50), dropAll)) {
            client.service(0);

            assertEquals(50, client.stats().outboundDropped());
            assertEquals(0, client.stats().datagramsSent());
        }
    }

    @Test
    void dropsAndCountsInboundDatagramsLongerThanTheLimit() throws IOException {
        EchoNode echo = new EchoNode();
        UdpHostOptions smallDatagrams = UdpHostOptions.builder().maxDatagramBytes(100).build();
        List<byte[]> datagrams = List.of(new byte[101], new byte[100]);
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), echo, smallDatagrams);
             UdpHost client = UdpHost.bind(Loopback.ipv4(),
                     sendingOnce(server.localAddress(), datagrams), UdpHostOptions.defaults())) {
            client.service(0);
            serviceUntil(() -> echo.received() >= 1, "the datagram within the limit arrives", server);

            assertEquals(1, echo.received());
            assertEquals(1, server.stats().oversizedDropped());
            assertEquals(100, server.stats().bytesReceived());
        }
    }

    @Test
    void countsFailedSendsInsteadOfThrowing() throws IOException {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("peer.invalid", 9);
        InetSocketAddress ipv6Peer = new InetSocketAddress(InetAddress.getByName("::1"), 9);
        InetSocketAddress reachable = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9);
        List<InetSocketAddress> destinations = List.of(unresolved, ipv6Peer, reachable);
        // 65 508 bytes is one more than an IPv4 UDP payload can carry.
        List<byte[]> datagrams = List.of(new byte[8], new byte[8], new byte[65_508]);
        try (UdpHost client = UdpHost.bind(Loopback.ipv4(),
                sendingOnce(destinations, datagrams), UdpHostOptions.defaults())) {
            client.service(0);

            assertEquals(3, client.stats().sendErrors(), client.stats().toString());
            assertEquals(0, client.stats().datagramsSent());
            assertEquals(0, client.stats().nodeExceptions());
        }
    }

    @Test
    void leavesTheSentBufferPositionAsTheNodeGaveIt() throws IOException {
        EchoNode echo = new EchoNode();
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), echo, UdpHostOptions.defaults())) {
            ByteBuffer shared = ByteBuffer.allocate(12);
            AtomicReference<String> positions = new AtomicReference<>();
            NetworkNode sendsOneBufferTwice = new PollOnlyNode(sink -> {
                sink.send(server.localAddress(), shared);
                int afterFirst = shared.position();
                sink.send(server.localAddress(), shared);
                positions.set(afterFirst + "," + shared.position());
            });
            try (UdpHost client = UdpHost.bind(Loopback.ipv4(), sendsOneBufferTwice, UdpHostOptions.defaults())) {
                client.service(0);
                serviceUntil(() -> echo.received() >= 2, "both copies arrive", server);

                assertEquals("0,0", positions.get());
                assertEquals(24, server.stats().bytesReceived(), "both datagrams whole");
            }
        }
    }

    @Test
    void carriesOnAfterTheNodeThrows() throws IOException {
        AtomicLong polls = new AtomicLong();
        NetworkNode alwaysThrows = new QuietNode() {
            @Override
            public void handleTimeout(long nowNanos) {
                throw new IllegalStateException("planted failure in handleTimeout");
            }

            @Override
            public void poll(long nowNanos, DatagramSink sink) {
                polls.incrementAndGet();
                throw new IllegalStateException("planted failure in poll");
            }

            @Override
            public long nextTimeoutNanos() {
                return 0;
            }
        };
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), alwaysThrows, UdpHostOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, host.service(0));
            }

            assertEquals(3, polls.get(), "polled on every call despite handleTimeout throwing");
            assertEquals(6, host.stats().nodeExceptions());
        }
    }

    @Test
    void runsQueuedTasksInTheNextServiceCall() throws IOException {
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), UdpHostOptions.defaults())) {
            List<String> ran = new ArrayList<>();
            Thread caller = Thread.currentThread();
            host.execute(() -> ran.add("first on " + (Thread.currentThread() == caller ? "caller" : "other")));
            host.execute(() -> {
                throw new IllegalStateException("planted failure in a task");
            });
            host.execute(() -> ran.add("third"));
            assertEquals(List.of(), ran, "nothing runs before service");

            // A queued task makes even a one-minute service call return at once.
            host.service(TimeUnit.MINUTES.toMillis(1));

            assertEquals(List.of("first on caller", "third"), ran);
            assertEquals(1, host.stats().taskExceptions());
        }
    }

    @Test
    void closeDuringServiceReleasesTheSocketWhenTheCallReturns() throws IOException {
        AtomicReference<UdpHost> self = new AtomicReference<>();
        AtomicBoolean closedInPoll = new AtomicBoolean();
        InetSocketAddress discard = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        NetworkNode closesItsHost = new PollOnlyNode(sink -> {
            self.get().close();
            closedInPoll.set(self.get().isClosed());
            sink.send(discard, ByteBuffer.allocate(4));
        });
        UdpHost host = UdpHost.bind(Loopback.ipv4(), closesItsHost, UdpHostOptions.defaults());
        self.set(host);

        host.service(0);

        assertTrue(closedInPoll.get());
        assertEquals(1, host.stats().datagramsSent(), "the socket stayed open until the call returned");
        assertEquals(0, host.stats().sendErrors() + host.stats().receiveErrors() + host.stats().nodeExceptions());
        assertThrows(IllegalStateException.class, () -> host.service(0));
        assertTrue(canBind(host.localAddress()), "socket released, so its port is free again");
        host.close();
    }

    static boolean canBind(InetSocketAddress address) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A fake node that sends {@code datagrams}, each to its destination, at its first poll only. */
    private static NetworkNode sendingOnce(List<InetSocketAddress> destinations, List<byte[]> datagrams) {
        AtomicBoolean sent = new AtomicBoolean();
        return new PollOnlyNode(sink -> {
            if (sent.getAndSet(true)) {
                return;
            }
            for (int i = 0; i < datagrams.size(); i++) {
                sink.send(destinations.get(i), ByteBuffer.wrap(datagrams.get(i)));
            }
        });
    }

    private static NetworkNode sendingOnce(InetSocketAddress to, List<byte[]> datagrams) {
        return sendingOnce(Collections.nCopies(datagrams.size(), to), datagrams);
    }

    /** A fake node whose only behaviour is what it does when polled. */
    private static final class PollOnlyNode extends QuietNode {
        private final Consumer<DatagramSink> onPoll;

        PollOnlyNode(Consumer<DatagramSink> onPoll) {
            this.onPoll = onPoll;
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
            onPoll.accept(sink);
        }
    }
}
