package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's steady state (inputs in, commands applied, snapshots encoded and sent, acknowledgements)
 * allocates next to nothing: only the server's own calls are metered, through a node that reads the
 * thread's allocation counter around each of them, while scripted clients (which allocate freely) play.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerAllocationTest {

    /** Passes every call through to the server, adding up what the calls allocate while metering is on. */
    private static final class MeteredNode implements NetworkNode {
        final NetworkNode inner;
        final com.sun.management.ThreadMXBean threads;
        boolean metering;
        long allocatedBytes;

        MeteredNode(NetworkNode inner, com.sun.management.ThreadMXBean threads) {
            this.inner = inner;
            this.threads = threads;
        }

        private long counter() {
            return metering ? threads.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
        }

        private void add(long before) {
            if (metering) {
                allocatedBytes += threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            }
        }

        @Override
        public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
            long before = counter();
            inner.receive(nowNanos, from, datagram);
            add(before);
        }

        @Override
        public void handleTimeout(long nowNanos) {
            long before = counter();
            inner.handleTimeout(nowNanos);
            add(before);
        }

        @Override
        public void poll(long nowNanos, DatagramSink sink) {
            // The simulated network's sink copies each datagram into its own (pooled) delivery: not the server's cost.
            long before = counter();
            inner.poll(nowNanos, sink);
            add(before);
        }

        @Override
        public long nextTimeoutNanos() {
            return inner.nextTimeoutNanos();
        }
    }

    @Test
    void steadyPlayAllocatesAlmostNothingPerTick() {
        com.sun.management.ThreadMXBean threads = threadBean();
        SimulatedNetwork network = new SimulatedNetwork(5);
        SplittableRandom random = new SplittableRandom(5);
        ServerConfig config = ServerConfig.builder().statusIntervalSeconds(3_600).build();
        GameServer server = new GameServer(config, TestMaps.field(), random.split(), () -> 0);
        MeteredNode metered = new MeteredNode(server, threads);
        network.attach(SimulatedGame.SERVER_ADDRESS, metered);
        int players = 8;
        for (int i = 0; i < players; i++) {
            InetSocketAddress address = new InetSocketAddress("10.0.1." + (i + 1), 50_000);
            int phase = i;
            ScriptedClient client = new ScriptedClient("p" + i, SimulatedGame.SERVER_ADDRESS, random.split(),
                    (c, command) -> command.setButtons(((command.commandNumber() + phase * 7) / 30) % 2 == 0
                            ? InputCommand.MOVE_RIGHT | InputCommand.MOVE_DOWN : InputCommand.MOVE_LEFT | InputCommand.MOVE_UP)
                            .setAimAngle(command.commandNumber() * 0.01));
            network.attach(address, client);
            network.setLinkBothWays(address, SimulatedGame.SERVER_ADDRESS, LinkConditions.builder().delayMicros(20_000).build());
        }
        network.runFor(3 * SECOND);
        assertEquals(players, server.playerCount());
        long ticksBefore = server.ticksRun();
        long snapshotsBefore = server.stats().snapshotsSent();
        metered.metering = true;
        network.runFor(5 * SECOND);
        metered.metering = false;
        long ticks = server.ticksRun() - ticksBefore;
        long snapshots = server.stats().snapshotsSent() - snapshotsBefore;
        assertEquals(300, ticks);
        assertEquals(players * ticks, snapshots);
        double perTick = (double) metered.allocatedBytes / ticks;
        assertTrue(perTick < 16, "the server allocated " + metered.allocatedBytes + " bytes in " + ticks
                + " ticks with " + players + " players (" + perTick + " per tick)");
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
