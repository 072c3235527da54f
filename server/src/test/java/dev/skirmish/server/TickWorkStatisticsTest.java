package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.transport.sim.SimulatedNetwork;
import dev.skirmish.transport.udp.NanoClock;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickWorkStatisticsTest {
    private static final long SECOND = 1_000_000_000L;

    /** A work clock under which every tick takes {@code workNanos}: start reads 0, end reads the work. */
    private static final class SteppingWorkClock implements NanoClock {
        long workNanos;
        private boolean atEnd;

        @Override
        public long nowNanos() {
            atEnd = !atEnd;
            return atEnd ? 0 : workNanos;
        }
    }

    @Test
    void restartingTickTimesForgetsTheWarmUp() {
        SteppingWorkClock work = new SteppingWorkClock();
        GameServer server = new GameServer(ServerConfig.defaults(), TestMaps.field(), new SplittableRandom(3), work);
        SimulatedNetwork network = new SimulatedNetwork(3);
        network.attach(new InetSocketAddress("10.0.0.1", 7777), server);

        work.workNanos = 3_000_000;
        network.runFor(SECOND);
        ServerSummary warm = server.summary();
        assertEquals(3_000, warm.tickP99Micros());

        server.restartTickTimes();
        work.workNanos = 120_000;
        network.runFor(SECOND);
        ServerSummary steady = server.summary();
        assertEquals(120, steady.tickP50Micros());
        assertEquals(120, steady.tickP99Micros());
        assertEquals(120, steady.tickMaxMicros());
    }
}
