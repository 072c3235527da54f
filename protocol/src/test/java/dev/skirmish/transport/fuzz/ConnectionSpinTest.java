package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Found by {@link EndpointFuzzTest}: a connection that says it has something to send now, but
 * sends nothing when polled and keeps saying so. {@code nextTimeoutNanos()} then returns "now"
 * for ever: a real driver spins, and the simulated network, whose clock cannot move past a node
 * that is always due, gives up. Two ways in:
 *
 * <ul>
 *   <li>the connection enters DRAINING (its peer's CLOSE arrived) while something is still queued
 *       (a path challenge, a PONG, an ACK...): nothing is sent while draining, and nothing clears it;</li>
 *   <li>a packet's own ACK frame lets the connection forget every received packet number up to and
 *       including the packet's own, which then is not recorded, yet it still asks for an immediate
 *       acknowledgement: {@code ackNow} stays set with no range to acknowledge.</li>
 * </ul>
 */
@Timeout(10)
class ConnectionSpinTest {

    @Test
    void aConnectionClosedByItsPeerWithAPathChallengePendingLetsTimeMoveOn() {
        // A packet from a new address: the server queues a path challenge to it.
        assertClosedByPeerWithoutSpinning(ForgeryBench.STRANGER);
    }

    @Test
    void anAcknowledgementThatMakesTheConnectionForgetItsOwnPacketLetsTimeMoveOn() {
        ForgeryBench bench = new ForgeryBench(TransportConfig.internet());
        long next = bench.lastClientPacketNumber() + 1;
        // A packet far ahead: the server's acknowledgements now report next + 1000 as the largest.
        bench.forgeNow(ForgeryBench.CLIENT, next + 1_000, ForgeryBench.ping());
        bench.runFor(ForgeryBench.MS);
        // An ack-eliciting server packet that carries that acknowledgement.
        bench.serverConnection.send(3, ForgeryBench.message(3, 0, 20));
        bench.runFor(ForgeryBench.MS);
        long carrier = bench.lastServerPacketNumber();
        // An ack-eliciting packet from inside the gap acknowledging the carrier: the server forgets
        // everything up to next + 1000, this packet's own number included, and still owes an immediate ACK.
        bench.forgeNow(ForgeryBench.CLIENT, next + 500,
                FrameMutation.splice(ForgeryBench.ack(carrier), 0, 0, ForgeryBench.ping()));

        assertDoesNotThrow(() -> bench.runFor(100 * ForgeryBench.MS));
    }

    @Test
    void aConnectionClosedByItsPeerWithAPongPendingLetsTimeMoveOn() {
        // A PING from the peer: the server owes it a PONG.
        assertClosedByPeerWithoutSpinning(ForgeryBench.CLIENT);
    }

    /**
     * A PING from {@code pingFrom} and the peer's CLOSE land at the same instant, before the server's
     * next poll; the server must then drain and close, with time moving on.
     */
    private static void assertClosedByPeerWithoutSpinning(InetSocketAddress pingFrom) {
        ForgeryBench bench = new ForgeryBench(TransportConfig.internet());
        bench.forgeNow(pingFrom, 1_000_000, ForgeryBench.ping());
        bench.forgeNow(ForgeryBench.CLIENT, 1_000_001, ForgeryBench.close());

        assertDoesNotThrow(() -> bench.runFor(1_000 * ForgeryBench.MS));
        assertEquals(Connection.State.CLOSED, bench.serverConnection.state());
    }
}
