package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.EndpointStats;
import dev.skirmish.transport.fuzz.FuzzFindings.Invariant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds at least {@value EndpointFuzzRun#HOSTILE_TARGET} random, damaged and forged datagrams to a
 * server endpoint with two live connections (see {@link EndpointFuzzRun} for the scenario), once, and
 * checks each invariant in its own test, so one broken invariant does not hide the others. The seed
 * is fixed (override with {@code -Dskirmish.fuzz.seed=...}) and every failure message starts with it.
 *
 * <p>What it found has a minimal, deterministic reproduction beside it:
 * {@link WrongVersionConnectTooShortToRejectTest}, {@link ConnectionSpinTest},
 * {@link FragmentLargerThanItsMessageTest} and {@link ForgedPacketStallTest}.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EndpointFuzzTest {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointFuzzTest.class);
    private static final long SEED = Long.getLong("skirmish.fuzz.seed", 0x5EED_F022L);

    private static EndpointFuzzRun run;

    @BeforeAll
    static void fuzz() {
        run = EndpointFuzzRun.execute(SEED, EndpointFuzzRun.HOSTILE_TARGET);
        LOG.info("endpoint fuzzing: {}", run.summary());
    }

    private static String failure(Invariant invariant) {
        return "seed " + SEED + ": " + run.findings.describe(invariant) + "\n" + run.summary();
    }

    @Test
    void controlRunWithoutHostileTrafficBreaksNoInvariantAndProvesBothConnections() {
        EndpointFuzzRun control = EndpointFuzzRun.execute(SEED, 0);
        for (Invariant invariant : Invariant.values()) {
            assertEquals(0, control.findings.count(invariant), "seed " + SEED + ", control run: "
                    + control.findings.describe(invariant) + "\n" + control.summary());
        }
        assertTrue(control.lastAProvedUsable() && control.aGenerations.size() == 1, control.summary());
        assertTrue(control.b.toServer.proofComplete() && control.b.toClient.proofComplete(), control.summary());
    }

    @Test
    void runsToTheEndWithoutTheNetworkGivingUp() {
        assertEquals(0, run.findings.count(Invariant.RUN_ABORTED), failure(Invariant.RUN_ABORTED));
    }

    @Test
    void feedsAtLeastOneHundredThousandHostileDatagrams() {
        assertTrue(run.totalInjected() >= EndpointFuzzRun.HOSTILE_TARGET, "seed " + SEED + ": " + run.summary());
        assertEquals(run.totalInjected(), run.injectedOnTheNetwork(), "seed " + SEED + ": " + run.summary());
        assertEquals(run.totalInjected(), run.hostileReceived(), "seed " + SEED + ": " + run.summary());
    }

    @Test
    void noExceptionEscapesAnyEndpoint() {
        assertEquals(0, run.findings.count(Invariant.EXCEPTION_ESCAPED), failure(Invariant.EXCEPTION_ESCAPED));
    }

    @Test
    void noEndpointSpinsWithoutProgress() {
        assertEquals(0, run.findings.count(Invariant.ENDPOINT_SPINS), failure(Invariant.ENDPOINT_SPINS));
    }

    @Test
    void damagedDatagramsAreDroppedForTheirChecksumOrLengthAndChangeNothing() {
        assertEquals(0, run.findings.count(Invariant.DAMAGED_DATAGRAM_CHANGED_STATE),
                failure(Invariant.DAMAGED_DATAGRAM_CHANGED_STATE));
        assertTrue(run.server.damagedChecked() > 10_000, "seed " + SEED + ": " + run.summary());
    }

    @Test
    void witnessConnectionDeliversEveryReliableMessageExactlyOnceInOrderAndIntact() {
        assertEquals(0, run.findings.count(Invariant.WITNESS_DELIVERY), failure(Invariant.WITNESS_DELIVERY));
        assertTrue(run.b.toServer.proofComplete() && run.b.toClient.proofComplete(), "seed " + SEED + ": " + run.summary());
    }

    @Test
    void fuzzedConnectionEndsUsableOrCleanlyClosed() {
        assertEquals(0, run.findings.count(Invariant.FUZZED_CONNECTION_LIVENESS),
                failure(Invariant.FUZZED_CONNECTION_LIVENESS));
    }

    @Test
    void memoryStaysBounded() {
        for (Invariant bound : new Invariant[] {Invariant.CONNECTION_LIMIT, Invariant.REPLY_QUEUE_BOUND,
            Invariant.RECEIVE_BUFFER_BOUND, Invariant.SEND_QUEUE_BOUND, Invariant.HELD_MESSAGES_BOUND}) {
            assertEquals(0, run.findings.count(bound), failure(bound));
        }
        assertTrue(run.server.endpoint().stats().drops(DropReason.REPLY_QUEUE_FULL) > 0,
                "seed " + SEED + ": the reply queue bound was never reached, so it was not tested; " + run.summary());
    }

    @Test
    void serverNeverSendsAnUnvalidatedAddressMoreThanThreeTimesWhatItReceived() {
        assertEquals(0, run.findings.count(Invariant.AMPLIFICATION), failure(Invariant.AMPLIFICATION));
    }

    @Test
    void dropsAreCountedPerReasonAndTheMutationsReachEveryParser() {
        EndpointStats stats = run.server.endpoint().stats();
        for (DropReason reason : new DropReason[] {DropReason.BAD_CHECKSUM, DropReason.TRUNCATED, DropReason.OVERSIZED,
            DropReason.MALFORMED_FRAME, DropReason.UNKNOWN_CONNECTION, DropReason.WRONG_VERSION,
            DropReason.UNKNOWN_PACKET_TYPE, DropReason.DUPLICATE_PACKET, DropReason.INVALID_COOKIE,
            DropReason.UNVALIDATED_PATH}) {
            assertTrue(stats.drops(reason) > 0, "seed " + SEED + ": no " + reason + " drop; " + run.summary());
        }
        // A frame-level violation from the validated peer closes the connection, so which of these a run
        // reaches first varies; together they prove the forgeries reach the frame parser and the channels.
        long frameViolations = stats.drops(DropReason.INVALID_ACK) + stats.drops(DropReason.UNKNOWN_CHANNEL)
                + stats.drops(DropReason.MESSAGE_TOO_LARGE) + stats.drops(DropReason.BEYOND_CHANNEL_WINDOW)
                + stats.drops(DropReason.FLOW_CONTROL_VIOLATION);
        assertTrue(frameViolations > 0, "seed " + SEED + ": no frame-level violation reached; " + run.summary());
    }
}
