package dev.skirmish.transport;

import static dev.skirmish.transport.SimulatedPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.transport.sim.LinkConditions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport's promises, checked over many seeded scenarios in virtual time: random loss (0-30 %),
 * burst loss, delay and jitter, reordering, duplication, corruption and bandwidth caps, with
 * messages of random sizes (fragmented ones included) on every channel in both directions.
 *
 * <p>For each scenario: every reliable message arrives exactly once and intact, the ordered channel
 * in order; the sequenced channel never goes backwards; the unreliable channel never duplicates;
 * receive buffers stay within their bounds; the connection survives.
 *
 * <p>A failure names its seed and parameters. Re-run one scenario alone with
 * {@code mvn -pl protocol test -Dtest=TransportSimulationTest -Dskirmish.seed=SEED}; run more with
 * {@code -Dskirmish.scenarios=N}.
 */
class TransportSimulationTest {
    private static final int CHANNELS = 4;
    private static final long MAX_VIRTUAL_NANOS = 120_000 * MS;

    static LongStream seeds() {
        String single = System.getProperty("skirmish.seed");
        if (single != null) {
            return LongStream.of(Long.parseLong(single));
        }
        int count = Integer.getInteger("skirmish.scenarios", 1000);
        return LongStream.range(1, count + 1);
    }

    /** One scenario's randomly drawn parameters (printed on failure). */
    record Scenario(long seed, LinkConditions up, LinkConditions down, CongestionControl congestion,
                    int messagesPerChannel, int largestMessageBytes, long sendSpreadNanos) {

        static Scenario draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed).split();
            return new Scenario(seed, link(random), link(random),
                    random.nextBoolean() ? CongestionControl.NEW_RENO : CongestionControl.NONE,
                    5 + random.nextInt(40),
                    random.nextInt(10) == 0 ? 30_000 : 3_000,
                    random.nextLong(2_000 * MS));
        }

        private static LinkConditions link(SplittableRandom random) {
            LinkConditions.Builder link = LinkConditions.builder()
                    .delayMicros(1_000 + random.nextLong(50_000))
                    .jitterMicros(random.nextLong(10_000));
            if (random.nextInt(5) == 0) {
                link.burstLoss(0.02 + random.nextDouble() * 0.1, 0.25 + random.nextDouble() * 0.5);
            } else {
                link.lossRate(random.nextDouble() * 0.30);
            }
            if (random.nextBoolean()) {
                link.reorder(random.nextDouble() * 0.05, 5_000 + random.nextLong(30_000));
            }
            if (random.nextBoolean()) {
                link.duplicateRate(random.nextDouble() * 0.05);
            }
            if (random.nextBoolean()) {
                link.corrupt(random.nextDouble() * 0.03, 1 + random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                link.bandwidth(250_000 + random.nextLong(2_000_000), 64_000);
            }
            return link.build();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reliableDeliveryHoldsUnderImpairment(long seed) {
        Scenario scenario = Scenario.draw(seed);
        try {
            run(scenario);
        } catch (AssertionError | RuntimeException e) {
            fail("scenario failed: " + scenario + "\nre-run: -Dtest=TransportSimulationTest -Dskirmish.seed=" + seed
                    + "\n" + e, e);
        }
    }

    private static void run(Scenario scenario) {
        TransportConfig config = TransportConfig.builder()
                .congestionControl(scenario.congestion())
                .connectTimeoutMillis(60_000)
                .idleTimeoutMillis(30_000)
                .maxMessageBytes(64 * 1024)
                .build();
        SimulatedPair pair = new SimulatedPair(scenario.seed(), config);
        pair.setLinks(scenario.up(), scenario.down());
        assertTrue(pair.connect(60_000 * MS), () -> "no connection: " + pair.describe());

        SplittableRandom workload = new SplittableRandom(scenario.seed());
        List<Planned> plan = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            for (int channel = 0; channel < CHANNELS; channel++) {
                for (int i = 0; i < scenario.messagesPerChannel(); i++) {
                    int size = workload.nextInt(8) == 0 ? 12 + workload.nextInt(scenario.largestMessageBytes())
                            : 12 + workload.nextInt(200);
                    long at = pair.network.nowNanos() + workload.nextLong(scenario.sendSpreadNanos() + 1);
                    plan.add(new Planned(side == 0, channel, size, at));
                }
            }
        }
        plan.sort((a, b) -> Long.compare(a.atNanos, b.atNanos));

        int next = 0;
        int[][] sentPerChannel = new int[2][CHANNELS];
        int expectedReliable = 2 * 2 * scenario.messagesPerChannel();
        long deadline = pair.network.nowNanos() + MAX_VIRTUAL_NANOS;
        int steps = 0;
        while (true) {
            long now = pair.network.nowNanos();
            while (next < plan.size() && plan.get(next).atNanos <= now) {
                Planned message = plan.get(next++);
                Connection from = message.fromClient ? pair.clientConnection : pair.serverConnection;
                int sequence = sentPerChannel[message.fromClient ? 0 : 1][message.channel]++;
                assertTrue(from.send(message.channel, SimulatedPair.numbered(message.channel, sequence,
                        message.size)), "send refused");
            }
            pair.drain();
            if (++steps % 64 == 0) {
                checkBounds(pair, config);
            }
            if (next == plan.size() && reliableCount(pair.serverReceived) == expectedReliable / 2
                    && reliableCount(pair.clientReceived) == expectedReliable / 2) {
                break;
            }
            assertTrue(now < deadline, () -> "reliable messages still missing: " + pair.describe());
            // A planned send falling between two network events goes out at the next one.
            if (!pair.network.step()) {
                fail("network went quiet with messages missing: " + pair.describe());
            }
        }
        pair.runFor(500 * MS);
        checkDelivery(pair.serverReceived, scenario);
        checkDelivery(pair.clientReceived, scenario);
        checkBounds(pair, config);
        assertEquals(Connection.State.CONNECTED, pair.clientConnection.state(), pair.describe());
        assertEquals(Connection.State.CONNECTED, pair.serverConnection.state(), pair.describe());
        if (Boolean.getBoolean("skirmish.verbose")) {
            System.out.println(scenario + "\n  " + pair.describe() + "\n  received " + pair.serverReceived.size()
                    + "/" + pair.clientReceived.size());
        }
    }

    private record Planned(boolean fromClient, int channel, int size, long atNanos) {
    }

    private static long reliableCount(List<SimulatedPair.Received> received) {
        return received.stream().filter(r -> r.channel() <= 1).count();
    }

    private static void checkDelivery(List<SimulatedPair.Received> received, Scenario scenario) {
        List<Integer> ordered = new ArrayList<>();
        Set<Integer> unordered = new HashSet<>();
        Set<Integer> unreliable = new HashSet<>();
        int newestSequenced = -1;
        for (SimulatedPair.Received message : received) {
            byte[] payload = message.payload();
            assertTrue(SimulatedPair.intact(payload), "corrupted payload delivered");
            assertEquals(message.channel(), SimulatedPair.channelOf(payload), "message on the wrong channel");
            int sequence = SimulatedPair.sequenceOf(payload);
            switch (message.channel()) {
                case 0 -> ordered.add(sequence);
                case 1 -> assertTrue(unordered.add(sequence), "reliable-unordered duplicate " + sequence);
                case 2 -> {
                    assertTrue(sequence > newestSequenced, "sequenced went backwards: " + sequence + " after "
                            + newestSequenced);
                    newestSequenced = sequence;
                }
                default -> assertTrue(unreliable.add(sequence), "unreliable duplicate " + sequence);
            }
        }
        for (int i = 0; i < scenario.messagesPerChannel(); i++) {
            assertEquals(i, ordered.get(i), "reliable-ordered out of order at " + i + ": " + ordered);
            assertTrue(unordered.contains(i), "reliable-unordered lost " + i);
        }
        assertEquals(scenario.messagesPerChannel(), ordered.size(), "reliable-ordered count");
    }

    private static void checkBounds(SimulatedPair pair, TransportConfig config) {
        for (Connection connection : List.of(pair.clientConnection, pair.serverConnection)) {
            ConnectionStats stats = connection.stats();
            assertTrue(stats.receiveBufferedBytes() <= (long) config.receiveWindowBytes()
                    + config.unreliableReceiveBufferBytes(), "receive buffers over their bound: " + stats);
            assertTrue(stats.queuedBytes() <= 4L * config.sendBufferBytes(), "send queues over their bound");
        }
    }
}
