package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Found by {@link EndpointFuzzTest}: a connection that enters DRAINING (its peer's CLOSE arrived)
 * while it still has something queued to send (a path challenge, a PONG, an ACK...) never sends it
 * (nothing is sent while draining) and never clears it, so {@code nextTimeoutNanos()} keeps
 * returning "now": a driver spins until the drain timer ends the connection, and the simulated
 * network, whose clock cannot move past a node that is always due, gives up.
 */
@Timeout(10)
class DrainingConnectionSpinTest {

    @Test
    void aConnectionClosedByItsPeerWithAPathChallengePendingLetsTimeMoveOn() {
        ForgeryBench bench = new ForgeryBench(TransportConfig.internet());
        // Both land at the same instant, before the server's next poll: a packet from a new address
        // (the server queues a path challenge to it), then the peer's CLOSE.
        bench.forgeNow(ForgeryBench.STRANGER, 1_000_000, ForgeryBench.ping());
        bench.forgeNow(ForgeryBench.CLIENT, 1_000_001, ForgeryBench.close());

        assertDoesNotThrow(() -> bench.runFor(1_000 * ForgeryBench.MS));
        assertEquals(Connection.State.CLOSED, bench.serverConnection.state());
    }

    @Test
    void aConnectionClosedByItsPeerWithAPongPendingLetsTimeMoveOn() {
        ForgeryBench bench = new ForgeryBench(TransportConfig.internet());
        // A PING (the server owes a PONG) and the peer's CLOSE, landing together.
        bench.forgeNow(ForgeryBench.CLIENT, 1_000_000, ForgeryBench.ping());
        bench.forgeNow(ForgeryBench.CLIENT, 1_000_001, ForgeryBench.close());

        assertDoesNotThrow(() -> bench.runFor(1_000 * ForgeryBench.MS));
        assertEquals(Connection.State.CLOSED, bench.serverConnection.state());
    }
}
