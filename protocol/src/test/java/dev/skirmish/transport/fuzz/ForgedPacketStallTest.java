package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.transport.Connection;
import dev.skirmish.transport.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Found by {@link EndpointFuzzTest}: one forged packet with a valid checksum can leave a connection
 * established with a reliable-ordered channel stalled for good, a half state that neither
 * delivers nor ends. Forgeries can legitimately change data while nothing authenticates packets;
 * these tests ask only that the connection then ends (closed with a reason, e.g. a protocol
 * violation or a stall detected) rather than hang, within three idle timeouts.
 */
@Timeout(20)
class ForgedPacketStallTest {
    private static final TransportConfig CONFIG = TransportConfig.internet();
    private static final long PATIENCE_NANOS = 3 * CONFIG.idleTimeoutMillis() * ForgeryBench.MS;

    /**
     * The forgery takes the packet number of the genuine packet carrying message 0, which is then
     * dropped as a duplicate; the server acknowledges that packet number, so the client believes
     * message 0 delivered and never sends it again, and every later message waits behind it.
     */
    @Test
    void aGenuinePacketDisplacedByAForgeryDoesNotStallItsChannelForever() {
        ForgeryBench bench = new ForgeryBench(CONFIG);
        bench.raceNextClientPacket(packetNumber -> ForgeryBench.ping());
        bench.clientConnection.send(0, ForgeryBench.message(0, 0, 50));
        bench.runFor(50 * ForgeryBench.MS);
        for (int i = 1; i <= 5; i++) {
            bench.clientConnection.send(0, ForgeryBench.message(0, i, 50));
        }

        assertDeliveredOrEnded(bench, 6);
    }

    /**
     * A forged first fragment of a 5000-byte message 0 is held; the genuine 50-byte message 0 then
     * contradicts it and is refused as malformed each time it is retransmitted, with everything else
     * in its packets.
     */
    @Test
    void aConflictingForgedFragmentDoesNotStallItsChannelForever() {
        ForgeryBench bench = new ForgeryBench(CONFIG);
        bench.raceNextClientPacket(packetNumber -> ForgeryBench.fragment(0, 0, 5_000, 1_000, 0, 1_000));
        bench.clientConnection.send(3, ForgeryBench.message(3, 0, 20));
        bench.runFor(50 * ForgeryBench.MS);
        for (int i = 0; i <= 5; i++) {
            bench.clientConnection.send(0, ForgeryBench.message(0, i, 50));
        }

        assertDeliveredOrEnded(bench, 6);
    }

    private static void assertDeliveredOrEnded(ForgeryBench bench, int messages) {
        long step = 100 * ForgeryBench.MS;
        for (long waited = 0; waited < PATIENCE_NANOS; waited += step) {
            bench.runFor(step);
            if (delivered(bench) >= messages || ended(bench.serverConnection) || ended(bench.clientConnection)) {
                return;
            }
        }
        fail("after " + PATIENCE_NANOS / ForgeryBench.MS + " ms, " + delivered(bench) + " of " + messages
                + " messages delivered on channel 0 and the connection is still " + bench.serverConnection.state()
                + "/" + bench.clientConnection.state() + "; server " + bench.serverConnection.stats() + "; drops "
                + bench.server.stats().drops());
    }

    private static long delivered(ForgeryBench bench) {
        return bench.serverReceived.stream().filter(message -> (int) message[0] == 0).count();
    }

    private static boolean ended(Connection connection) {
        return connection.state() == Connection.State.CLOSED && connection.closeReason() != null;
    }
}
