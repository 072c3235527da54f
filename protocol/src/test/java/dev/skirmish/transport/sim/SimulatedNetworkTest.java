package dev.skirmish.transport.sim;

import static dev.skirmish.transport.sim.FakeNodes.address;
import static dev.skirmish.transport.sim.FakeNodes.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.sim.FakeNodes.Arrival;
import dev.skirmish.transport.sim.FakeNodes.CallLogNode;
import dev.skirmish.transport.sim.FakeNodes.EchoNode;
import dev.skirmish.transport.sim.FakeNodes.PacedSender;
import dev.skirmish.transport.sim.FakeNodes.RecordingNode;
import dev.skirmish.transport.sim.FakeNodes.StuckNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A separate thread, so that a regression that spins in virtual time fails instead of hanging the build.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SimulatedNetworkTest {

    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;
    private static final InetSocketAddress A = address(1, 5000);
    private static final InetSocketAddress B = address(2, 6000);
    private static final InetSocketAddress C = address(3, 7000);
    private static final InetSocketAddress NOWHERE = address(99, 9999);

    /** A paced sender at {@link #A}, a recorder at {@link #B}, and the network between them. */
    private record OneWay(SimulatedNetwork net, PacedSender sender, RecordingNode receiver) {
        LinkStats stats() {
            return net.stats(A, B);
        }

        String context() {
            return "seed " + net.seed() + ", " + net.linkConditions(A, B) + ", " + stats();
        }
    }

    /** Sends {@code count} datagrams from A to B over {@code conditions} and runs until nothing is left to do. */
    private static OneWay oneWay(long seed, LinkConditions conditions, int count, int sizeBytes, long intervalNanos) {
        SimulatedNetwork net = new SimulatedNetwork(seed);
        PacedSender sender = new PacedSender("sender", B, count, sizeBytes, 0, intervalNanos);
        RecordingNode receiver = new RecordingNode("receiver");
        net.attach(A, sender);
        net.attach(B, receiver);
        net.setLink(A, B, conditions);
        runToCompletion(net);
        return new OneWay(net, sender, receiver);
    }

    private static void runToCompletion(SimulatedNetwork net) {
        while (net.step()) {
            // each step processes one instant
        }
    }

    private static List<Integer> indices(List<Arrival> arrivals) {
        return arrivals.stream().map(Arrival::index).collect(Collectors.toList());
    }

    @Test
    void deliversAfterTheFixedDelay() {
        OneWay run = oneWay(1, LinkConditions.builder().delayMicros(20_000).build(), 3, 100, 5 * MS);

        List<Arrival> arrivals = run.receiver().arrivals;
        assertEquals(3, arrivals.size(), run.context());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, arrivals.get(i).index());
            assertEquals(run.sender().sendTimeNanos(i) + 20 * MS, arrivals.get(i).atNanos());
            assertEquals(A, arrivals.get(i).from());
        }
        assertEquals(3, run.stats().datagrams(LinkCounter.DELIVERED));
        assertEquals(300, run.stats().bytes(LinkCounter.DELIVERED));
    }

    @Test
    void jitterKeepsEachDelayWithinItsBoundsAndSpreadsOverThem() {
        long seed = 2;
        OneWay run = oneWay(seed, LinkConditions.builder().delayMicros(10_000).jitterMicros(5_000).build(),
                2_000, 16, MS);

        long minDelay = Long.MAX_VALUE;
        long maxDelay = Long.MIN_VALUE;
        for (Arrival a : run.receiver().arrivals) {
            long delay = a.atNanos() - run.sender().sendTimeNanos(a.index());
            minDelay = Math.min(minDelay, delay);
            maxDelay = Math.max(maxDelay, delay);
        }
        assertEquals(2_000, run.receiver().arrivals.size(), run.context());
        assertTrue(minDelay >= 10 * MS && maxDelay <= 15 * MS, "delays " + minDelay + ".." + maxDelay + ", seed " + seed);
        assertTrue(minDelay < 10 * MS + 50 * US && maxDelay > 15 * MS - 50 * US,
                "jitter should cover its range: " + minDelay + ".." + maxDelay + ", seed " + seed);
    }

    @Test
    void losesTheConfiguredShareOfDatagrams() {
        int count = 100_000;
        OneWay run = oneWay(3, LinkConditions.builder().lossRate(0.1).build(), count, 8, 10 * US);

        LinkStats stats = run.stats();
        long lost = stats.datagrams(LinkCounter.LOST);
        // Binomial(100000, 0.1): standard deviation ~95, so 5 deviations is ~475.
        assertTrue(Math.abs(lost - 10_000) < 475, "lost " + lost + ", " + run.context());
        assertEquals(count, stats.datagrams(LinkCounter.SENT));
        assertEquals(count - lost, stats.datagrams(LinkCounter.DELIVERED));
        assertEquals(count - lost, run.receiver().arrivals.size());
    }

    @Test
    void burstLossLosesInRunsOfMeanLengthOneOverBadToGood() {
        double goodToBad = 0.02;
        double badToGood = 0.25;
        OneWay burst = oneWay(4, LinkConditions.builder().burstLoss(goodToBad, badToGood).build(), 100_000, 8, 10 * US);

        double meanRun = meanLossRunLength(burst);
        // Runs are geometric with mean 4 and deviation ~3.5; ~1900 runs put the mean within +-0.4 at 5 deviations.
        assertEquals(1 / badToGood, meanRun, 0.4, burst.context());
        double lossShare = burst.stats().datagrams(LinkCounter.LOST) / 100_000.0;
        assertEquals(goodToBad / (goodToBad + badToGood), lossShare, 0.01, burst.context());

        OneWay independent = oneWay(4, LinkConditions.builder().lossRate(lossShare).build(), 100_000, 8, 10 * US);
        assertTrue(meanLossRunLength(independent) < 1.2, "independent loss at the same rate should not come in bursts");
    }

    /** Mean length of the runs of consecutive datagrams that did not arrive (the link keeps them in order). */
    private static double meanLossRunLength(OneWay run) {
        int expected = 0;
        long runs = 0;
        long lost = 0;
        for (Arrival a : run.receiver().arrivals) {
            if (a.index() > expected) {
                runs++;
                lost += a.index() - expected;
            }
            expected = a.index() + 1;
        }
        return (double) lost / runs;
    }

    @Test
    void reorderingHoldsBackAShareThatLaterDatagramsOvertake() {
        OneWay run = oneWay(5, LinkConditions.builder().delayMicros(10_000).reorder(0.1, 5_000).build(), 5_000, 16, MS);

        int heldBack = 0;
        int overtaken = 0;
        int highest = -1;
        for (Arrival a : run.receiver().arrivals) {
            long delay = a.atNanos() - run.sender().sendTimeNanos(a.index());
            assertTrue(delay == 10 * MS || delay == 15 * MS, "delay " + delay + ", " + run.context());
            if (delay == 15 * MS) {
                heldBack++;
            }
            if (a.index() < highest) {
                overtaken++;
                assertEquals(15 * MS, delay, "only held-back datagrams are overtaken");
            }
            highest = Math.max(highest, a.index());
        }
        assertEquals(run.stats().datagrams(LinkCounter.REORDERED), heldBack, run.context());
        assertEquals(500, heldBack, 100, run.context());
        // A held-back datagram escapes being overtaken only if the next four are held back too.
        assertTrue(overtaken >= heldBack * 0.9, overtaken + " of " + heldBack + " overtaken, " + run.context());
        assertEquals(5_000, run.receiver().arrivals.size());
    }

    @Test
    void keepsOrderWithoutReorderingOrJitter() {
        OneWay run = oneWay(5, LinkConditions.builder().delayMicros(10_000).lossRate(0.2).build(), 1_000, 16, 100 * US);

        List<Integer> indices = indices(run.receiver().arrivals);
        assertEquals(indices.stream().sorted().collect(Collectors.toList()), indices);
    }

    @Test
    void duplicationDeliversExtraCopiesOfTheSameBytes() {
        int count = 10_000;
        OneWay run = oneWay(6, LinkConditions.builder().duplicateRate(0.2).build(), count, 32, 100 * US);

        long duplicated = run.stats().datagrams(LinkCounter.DUPLICATED);
        // Binomial(10000, 0.2): deviation 40.
        assertEquals(2_000, duplicated, 200, run.context());
        assertEquals(count + duplicated, run.receiver().arrivals.size());
        int[] copies = new int[count];
        for (Arrival a : run.receiver().arrivals) {
            copies[a.index()]++;
            assertArrayEquals(payload(a.index(), 32), a.bytes());
        }
        for (int i = 0; i < count; i++) {
            assertTrue(copies[i] == 1 || copies[i] == 2, "datagram " + i + " arrived " + copies[i] + " times");
        }
    }

    @Test
    void corruptionFlipsOneToMaxBitsButKeepsTheLength() {
        int count = 3_000;
        OneWay run = oneWay(7, LinkConditions.builder().corrupt(1.0, 3).build(), count, 64, 100 * US);

        int[] byFlips = new int[4];
        List<Arrival> arrivals = run.receiver().arrivals;
        assertEquals(count, arrivals.size());
        for (int i = 0; i < count; i++) {
            byte[] sent = payload(i, 64);
            byte[] got = arrivals.get(i).bytes();
            assertEquals(sent.length, got.length);
            int flipped = 0;
            for (int j = 0; j < sent.length; j++) {
                flipped += Integer.bitCount((sent[j] ^ got[j]) & 0xff);
            }
            assertTrue(flipped >= 1 && flipped <= 3, "datagram " + i + " has " + flipped + " bits flipped");
            byFlips[flipped]++;
        }
        assertTrue(byFlips[1] > 0 && byFlips[2] > 0 && byFlips[3] > 0, "flips 1..3 all occur");
        assertEquals(count, run.stats().datagrams(LinkCounter.CORRUPTED));
    }

    @Test
    void corruptionFlipsDistinctBitsSoItNeverCancelsItself() {
        // 4-byte datagrams with up to 32 flips: random positions would collide constantly.
        OneWay run = oneWay(7, LinkConditions.builder().corrupt(1.0, 32).build(), 1_000, 4, 100 * US);

        int mostFlipped = 0;
        List<Arrival> arrivals = run.receiver().arrivals;
        for (int i = 0; i < arrivals.size(); i++) {
            int flipped = Integer.bitCount(ByteBuffer.wrap(arrivals.get(i).bytes()).getInt() ^ i);
            assertTrue(flipped >= 1, "datagram " + i + " arrived intact though counted as corrupted");
            mostFlipped = Math.max(mostFlipped, flipped);
        }
        assertEquals(32, mostFlipped, "some datagrams should have all 32 bits flipped, " + run.context());
    }

    @Test
    void bandwidthSpacesDeliveriesBySerializationTime() {
        // 1000-byte datagrams at 100 kB/s take 10 ms each; all five are offered at once.
        OneWay run = oneWay(8, LinkConditions.builder().delayMicros(5_000).bandwidth(100_000, 10_000).build(), 5, 1_000, 0);

        List<Long> times = run.receiver().arrivals.stream().map(Arrival::atNanos).collect(Collectors.toList());
        assertEquals(List.of(15 * MS, 25 * MS, 35 * MS, 45 * MS, 55 * MS), times, run.context());
        assertEquals(List.of(0, 1, 2, 3, 4), indices(run.receiver().arrivals));
    }

    @Test
    void fullBottleneckQueueDropsTheTail() {
        OneWay run = oneWay(9, LinkConditions.builder().bandwidth(100_000, 3_000).build(), 5, 1_000, 0);

        assertEquals(List.of(0, 1, 2), indices(run.receiver().arrivals), run.context());
        assertEquals(2, run.stats().datagrams(LinkCounter.QUEUE_DROPPED));
        assertEquals(2_000, run.stats().bytes(LinkCounter.QUEUE_DROPPED));
    }

    @Test
    void drainedBottleneckQueueAcceptsAgain() {
        // One every 5 ms into a 10 ms-per-datagram bottleneck with room for two: the queue fills, then every other one fits.
        OneWay run = oneWay(9, LinkConditions.builder().bandwidth(100_000, 2_000).build(), 8, 1_000, 5 * MS);

        assertEquals(List.of(0, 1, 2, 4, 6), indices(run.receiver().arrivals), run.context());
        List<Long> times = run.receiver().arrivals.stream().map(Arrival::atNanos).collect(Collectors.toList());
        assertEquals(List.of(10 * MS, 20 * MS, 30 * MS, 40 * MS, 50 * MS), times);
        assertEquals(3, run.stats().datagrams(LinkCounter.QUEUE_DROPPED));
    }

    /** Two echo exchanges over impaired links, logged by a tap: time, event, addresses and bytes. */
    private static List<String> impairedTrafficLog(long seed) {
        SimulatedNetwork net = new SimulatedNetwork(seed);
        List<String> log = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        net.setTap((now, event, from, to, datagram) -> {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            log.add(now + " " + event + " " + from + ">" + to + " " + hex.formatHex(bytes));
        });
        net.setDefaultLink(LinkConditions.builder().delayMicros(3_000).jitterMicros(2_000).lossRate(0.05)
                .burstLoss(0.01, 0.3).reorder(0.05, 4_000).duplicateRate(0.05).corrupt(0.05, 4)
                .bandwidth(200_000, 4_000).build());
        net.attach(A, new PacedSender("a", B, 500, 200, 0, 700 * US));
        net.attach(B, new EchoNode("b"));
        net.attach(C, new PacedSender("c", B, 500, 300, 100 * US, 900 * US));
        runToCompletion(net);
        return log;
    }

    @Test
    void sameSeedGivesIdenticalTraffic() {
        List<String> first = impairedTrafficLog(42);
        List<String> second = impairedTrafficLog(42);

        assertTrue(first.size() > 1_500, "the scenario should carry traffic, had " + first.size());
        assertEquals(first, second);
    }

    @Test
    void differentSeedGivesDifferentTraffic() {
        assertNotEquals(impairedTrafficLog(42), impairedTrafficLog(43));
    }

    @Test
    void eachDirectionHasItsOwnConditions() {
        SimulatedNetwork net = new SimulatedNetwork(10);
        PacedSender sender = new PacedSender("a", B, 1_000, 16, 0, 100 * US);
        net.attach(A, sender);
        net.attach(B, new EchoNode("b"));
        net.setLink(A, B, LinkConditions.builder().lossRate(0.3).delayMicros(1_000).build());
        net.setLink(B, A, LinkConditions.builder().delayMicros(7_000).build());
        runToCompletion(net);

        LinkStats forward = net.stats(A, B);
        LinkStats back = net.stats(B, A);
        assertEquals(300, forward.datagrams(LinkCounter.LOST), 75, "seed 10, " + forward);
        assertEquals(0, back.datagrams(LinkCounter.LOST));
        assertEquals(forward.datagrams(LinkCounter.DELIVERED), back.datagrams(LinkCounter.SENT));
        assertEquals(back.datagrams(LinkCounter.SENT), sender.arrivals.size());
        for (Arrival echo : sender.arrivals) {
            assertEquals(sender.sendTimeNanos(echo.index()) + 8 * MS, echo.atNanos());
        }
    }

    /** What B received from A (times and bytes) over a lossy, jittery link, with or without a second sender C. */
    private static List<String> arrivalsFromA(boolean withThirdNode) {
        SimulatedNetwork net = new SimulatedNetwork(11);
        LinkConditions lossy = LinkConditions.builder().lossRate(0.2).jitterMicros(3_000).duplicateRate(0.1).build();
        if (withThirdNode) {
            net.attach(C, new PacedSender("c", B, 400, 50, 0, 300 * US));
            net.setLink(C, B, lossy);
        }
        RecordingNode receiver = new EchoNode("b");
        net.attach(A, new PacedSender("a", B, 400, 20, 0, 500 * US));
        net.attach(B, receiver);
        net.setLink(A, B, lossy);
        runToCompletion(net);
        return receiver.arrivals.stream().filter(a -> a.from().equals(A))
                .map(a -> a.atNanos() + ":" + a.index()).collect(Collectors.toList());
    }

    @Test
    void addingANodeAndItsLinksDoesNotChangeAnotherLinksFate() {
        List<String> alone = arrivalsFromA(false);
        List<String> withNeighbour = arrivalsFromA(true);

        assertTrue(alone.size() > 250 && alone.size() < 400, "A's link should both lose and duplicate: " + alone.size());
        assertEquals(alone, withNeighbour);
    }

    @Test
    void linksWithTheSameConditionsAndTrafficDrawDifferentFates() {
        SimulatedNetwork net = new SimulatedNetwork(11);
        RecordingNode receiver = new RecordingNode("b");
        net.attach(A, new PacedSender("a", B, 200, 8, 0, MS));
        net.attach(C, new PacedSender("c", B, 200, 8, 0, MS));
        net.attach(B, receiver);
        net.setDefaultLink(LinkConditions.builder().lossRate(0.5).build());
        runToCompletion(net);

        List<Integer> fromA = indices(receiver.arrivals.stream().filter(a -> a.from().equals(A)).collect(Collectors.toList()));
        List<Integer> fromC = indices(receiver.arrivals.stream().filter(a -> a.from().equals(C)).collect(Collectors.toList()));
        assertNotEquals(fromA, fromC, "each link's randomness is seeded by its own addresses");
    }

    @Test
    void movedNodeSendsFromItsNewAddressAndItsOldAddressStopsReceiving() {
        SimulatedNetwork net = new SimulatedNetwork(12);
        InetSocketAddress rebound = address(1, 41_000);
        PacedSender client = new PacedSender("client", B, 3, 16, 0, 10 * MS);
        EchoNode server = new EchoNode("server");
        net.attach(A, client);
        net.attach(B, server);
        net.setDefaultLink(LinkConditions.builder().delayMicros(5_000).build());

        net.runUntil(12 * MS);
        net.moveNode(A, rebound);
        runToCompletion(net);

        // Datagram 1 left from A before the move, so its echo goes to A, where nobody listens any more.
        assertEquals(List.of(A, A, rebound), server.arrivals.stream().map(Arrival::from).collect(Collectors.toList()));
        assertEquals(List.of(0, 2), indices(client.arrivals));
        assertEquals(List.of(10 * MS, 30 * MS), client.arrivals.stream().map(Arrival::atNanos).collect(Collectors.toList()));
        assertEquals(1, net.stats(B, A).datagrams(LinkCounter.UNDELIVERABLE));
        assertEquals(1, net.stats(B, rebound).datagrams(LinkCounter.DELIVERED));
        assertThrows(IllegalArgumentException.class, () -> net.moveNode(A, C), "A is vacant now");
        assertThrows(IllegalArgumentException.class, () -> net.moveNode(rebound, B), "B is taken");
    }

    @Test
    void injectedDatagramLandsAtTheChosenInstantFromTheSpoofedAddress() {
        SimulatedNetwork net = new SimulatedNetwork(13);
        RecordingNode victim = new RecordingNode("victim");
        net.attach(B, victim);
        InetSocketAddress spoofed = address(66, 666);
        byte[] hostile = {1, 2, 3};

        net.inject(5 * MS, spoofed, B, hostile);
        hostile[0] = 9;
        runToCompletion(net);

        assertEquals(1, victim.arrivals.size());
        Arrival arrival = victim.arrivals.get(0);
        assertEquals(5 * MS, arrival.atNanos());
        assertEquals(spoofed, arrival.from());
        assertArrayEquals(new byte[] {1, 2, 3}, arrival.bytes(), "inject copies the bytes");
        assertEquals(1, net.stats(spoofed, B).datagrams(LinkCounter.INJECTED));
        assertEquals(1, net.stats(spoofed, B).datagrams(LinkCounter.DELIVERED));
        assertEquals(0, net.stats(spoofed, B).datagrams(LinkCounter.SENT));
        assertThrows(IllegalArgumentException.class, () -> net.inject(4 * MS, spoofed, B, hostile));
    }

    /** A node at A whose only work is a timer at {@code timerNanos}. */
    private static RecordingNode timerNode(SimulatedNetwork net, long timerNanos) {
        RecordingNode node = new RecordingNode("timer");
        node.timerNanos = timerNanos;
        net.attach(A, node);
        return node;
    }

    @Test
    void wakesANodeExactlyAtItsDeadline() {
        SimulatedNetwork net = new SimulatedNetwork(14);
        RecordingNode node = timerNode(net, 7 * MS);

        assertTrue(net.step());
        assertEquals(7 * MS, net.nowNanos());
        assertEquals(List.of(7 * MS), node.timeouts);
        assertFalse(net.step(), "nothing is scheduled any more");
        assertEquals(7 * MS, net.nowNanos(), "an idle step does not move time");
    }

    @Test
    void runUntilAnInstantProcessesItAndStopsThere() {
        SimulatedNetwork net = new SimulatedNetwork(14);
        RecordingNode node = timerNode(net, 7 * MS);

        net.runUntil(6 * MS);
        assertEquals(List.of(), node.timeouts);
        net.runUntil(7 * MS);
        assertEquals(List.of(7 * MS), node.timeouts);
        net.runFor(3 * MS);
        assertEquals(10 * MS, net.nowNanos());
        assertThrows(IllegalArgumentException.class, () -> net.runUntil(9 * MS));
    }

    @Test
    void wakesANodeAtNowWhenTheApplicationMakesItDue() {
        SimulatedNetwork net = new SimulatedNetwork(15);
        RecordingNode sender = new RecordingNode("app");
        RecordingNode receiver = new RecordingNode("peer");
        net.attach(A, sender);
        net.attach(B, receiver);
        net.setLink(A, B, LinkConditions.builder().delayMicros(2_000).build());
        net.runFor(20 * MS);

        sender.send(net.nowNanos(), B, new byte[] {42});
        assertTrue(net.step());
        assertEquals(20 * MS, net.nowNanos(), "sent at once, without time passing");
        assertEquals(1, net.datagramsInFlight());
        runToCompletion(net);
        assertEquals(22 * MS, receiver.arrivals.get(0).atNanos());
    }

    @Test
    void wakeUpReceivesThenHandlesTheTimeoutThenPolls() {
        SimulatedNetwork net = new SimulatedNetwork(16);
        CallLogNode node = new CallLogNode("log");
        node.timerNanos = 10 * MS;
        net.attach(B, node);
        net.inject(10 * MS, A, B, new byte[] {1});
        net.inject(10 * MS, C, B, new byte[] {2});

        net.step();

        assertEquals(List.of("receive@" + 10 * MS, "receive@" + 10 * MS, "timeout@" + 10 * MS, "poll@" + 10 * MS), node.calls);
        assertEquals(List.of(A, C), node.arrivals.stream().map(Arrival::from).collect(Collectors.toList()),
                "simultaneous datagrams land in the order they were scheduled");
    }

    @Test
    void pollsANodeAfterItReceivesEvenWithoutADeadline() {
        SimulatedNetwork net = new SimulatedNetwork(16);
        CallLogNode node = new CallLogNode("log");
        net.attach(B, node);
        net.inject(3 * MS, A, B, new byte[] {1});

        runToCompletion(net);

        assertEquals(List.of("receive@" + 3 * MS, "poll@" + 3 * MS), node.calls, "no timeout when none is due");
    }

    @Test
    void zeroDelayExchangeCompletesWithinOneInstant() {
        SimulatedNetwork net = new SimulatedNetwork(17);
        RecordingNode client = new RecordingNode("client");
        net.attach(A, client);
        net.attach(B, new EchoNode("echo"));
        client.send(0, B, new byte[] {7});

        assertTrue(net.step());

        assertEquals(1, client.arrivals.size(), "the echo came back in the same step");
        assertEquals(0, client.arrivals.get(0).atNanos());
        assertFalse(net.step());
    }

    @Test
    void runUntilAConditionStopsWhenItHoldsOrAtTheLimit() {
        SimulatedNetwork net = new SimulatedNetwork(18);
        PacedSender sender = new PacedSender("a", B, 10, 8, 0, MS);
        RecordingNode receiver = new RecordingNode("b");
        net.attach(A, sender);
        net.attach(B, receiver);
        net.setLink(A, B, LinkConditions.builder().delayMicros(500).build());

        assertTrue(net.runUntil(() -> receiver.arrivals.size() == 3, 100 * MS));
        assertEquals(2 * MS + 500 * US, net.nowNanos());

        assertFalse(net.runUntil(() -> receiver.arrivals.size() == 50, 100 * MS));
        assertEquals(102 * MS + 500 * US, net.nowNanos(), "gave up exactly at the limit");
        assertEquals(10, receiver.arrivals.size());
    }

    @Test
    void nodeThatNeverMakesProgressIsNamedWithTheInstant() {
        SimulatedNetwork net = new SimulatedNetwork(19);
        net.attach(A, new StuckNode("stuck-node", 5 * MS));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.runFor(MS * 1_000));

        assertTrue(e.getMessage().contains("stuck-node") && e.getMessage().contains(A.toString())
                && e.getMessage().contains(5 * MS + " ns"), e.getMessage());
    }

    @Test
    void datagramsToAnAddressWithoutANodeAreCounted() {
        SimulatedNetwork net = new SimulatedNetwork(20);
        RecordingNode node = new RecordingNode("a");
        net.attach(A, node);
        node.send(0, NOWHERE, new byte[10]);
        node.send(0, NOWHERE, new byte[20]);

        runToCompletion(net);

        LinkStats stats = net.stats(A, NOWHERE);
        assertEquals(2, stats.datagrams(LinkCounter.UNDELIVERABLE));
        assertEquals(30, stats.bytes(LinkCounter.UNDELIVERABLE));
        assertEquals(0, stats.datagrams(LinkCounter.DELIVERED));
        assertEquals(stats, net.totalStats());
        assertEquals("LinkStats[sent=2/30B, undeliverable=2/30B]", stats.toString());
    }

    @Test
    void totalStatsAddUpEveryLink() {
        SimulatedNetwork net = new SimulatedNetwork(21);
        net.attach(A, new PacedSender("a", B, 10, 10, 0, MS));
        net.attach(C, new PacedSender("c", B, 5, 30, 0, MS));
        net.attach(B, new EchoNode("b"));
        runToCompletion(net);

        LinkStats total = net.totalStats();
        assertEquals(30, total.datagrams(LinkCounter.SENT));
        assertEquals(2 * (100 + 150), total.bytes(LinkCounter.DELIVERED));
    }

    @Test
    void tapSeesSendsAsSentAndDeliveriesAsDelivered() {
        SimulatedNetwork net = new SimulatedNetwork(22);
        List<String> seen = new ArrayList<>();
        net.setTap((now, event, from, to, datagram) -> seen.add(now + " " + event + " " + datagram.remaining()));
        net.attach(A, new PacedSender("a", B, 2, 12, 0, MS));
        net.attach(B, new RecordingNode("b"));
        net.setLink(A, B, LinkConditions.builder().delayMicros(3_000).build());

        runToCompletion(net);

        assertEquals(List.of("0 SENT 12", MS + " SENT 12", 3 * MS + " DELIVERED 12", 4 * MS + " DELIVERED 12"), seen);
    }

    @Test
    void copiesTheRemainingBytesOfTheSendersBufferAtSendTime() {
        SimulatedNetwork net = new SimulatedNetwork(27);
        RecordingNode receiver = new RecordingNode("b");
        ByteBuffer scratch = ByteBuffer.wrap(new byte[] {'x', 'x', 'A', 'B', 'C', 'y'});
        RecordingNode sender = new RecordingNode("a") {
            @Override
            public void poll(long nowNanos, DatagramSink sink) {
                scratch.position(2).limit(5);
                sink.send(B, scratch);
                scratch.clear().put(new byte[6]);
            }
        };
        sender.timerNanos = MS;
        net.attach(A, sender);
        net.attach(B, receiver);

        runToCompletion(net);

        assertArrayEquals(new byte[] {'A', 'B', 'C'}, receiver.arrivals.get(0).bytes());
    }

    @Test
    void rejectsAnAddressOrNodeAttachedTwice() {
        SimulatedNetwork net = new SimulatedNetwork(23);
        NetworkNode node = new RecordingNode("a");
        net.attach(A, node);

        assertThrows(IllegalArgumentException.class, () -> net.attach(A, new RecordingNode("other")));
        assertThrows(IllegalArgumentException.class, () -> net.attach(B, node));
    }

    @Test
    void detachedNodeIsNoLongerWokenAndItsTrafficIsUndeliverable() {
        SimulatedNetwork net = new SimulatedNetwork(24);
        net.attach(A, new PacedSender("a", B, 5, 8, 0, MS));
        RecordingNode receiver = new RecordingNode("b");
        net.attach(B, receiver);
        net.setLink(A, B, LinkConditions.builder().delayMicros(1_500).build());

        net.runUntil(2 * MS);
        net.detach(B);
        runToCompletion(net);

        assertEquals(1, receiver.arrivals.size());
        assertEquals(4, net.stats(A, B).datagrams(LinkCounter.UNDELIVERABLE));
    }

    @Test
    void nodesMayNotReenterTheNetwork() {
        SimulatedNetwork net = new SimulatedNetwork(25);
        RecordingNode reentrant = new RecordingNode("reentrant") {
            @Override
            public void handleTimeout(long nowNanos) {
                net.step();
            }
        };
        reentrant.timerNanos = MS;
        net.attach(A, reentrant);

        assertThrows(IllegalStateException.class, net::step);
    }

    @Test
    void rejectsADatagramLargerThanUdpAllows() {
        SimulatedNetwork net = new SimulatedNetwork(26);
        assertThrows(IllegalArgumentException.class,
                () -> net.inject(0, A, B, new byte[SimulatedNetwork.MAX_DATAGRAM_BYTES + 1]));
    }
}
