package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.MS;
import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each client's snapshots are deltas against the newest snapshot it acknowledged, or full when it has none usable. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotBaselineTest {

    private static final long SEED = 4242L;
    private static final ScriptedClient.Script WALK = (c, command) -> command.setButtons(
            (command.commandNumber() / 30) % 2 == 0 ? InputCommand.MOVE_RIGHT : InputCommand.MOVE_LEFT);

    private static SimulatedGame game() {
        return new SimulatedGame(SEED, ServerConfig.defaults(), TestMaps.field())
                .links(LinkConditions.builder().delayMicros(30_000).build());
    }

    @Test
    void deltasNameOnlyTicksThisClientAcknowledgedAndAClientThatNeverAcknowledgesGetsFullSnapshots() {
        SimulatedGame game = game();
        ScriptedClient acking = game.addClient("acking", WALK);
        ScriptedClient silent = game.addClient("silent", WALK);
        silent.acknowledges = false;
        game.runFor(2 * SECOND);

        assertTrue(acking.arrivals.size() > 100, game.describe());
        assertEquals(SnapshotEncoder.NO_BASELINE, acking.arrivals.get(0).baselineTick(), "the first is full");
        Set<Integer> received = new HashSet<>();
        int deltas = 0;
        for (ScriptedClient.Arrival arrival : acking.arrivals) {
            if (arrival.baselineTick() != SnapshotEncoder.NO_BASELINE) {
                deltas++;
                assertTrue(received.contains(arrival.baselineTick()),
                        "tick " + arrival.tick() + " is a delta against " + arrival.baselineTick()
                                + ", which this client had received (and so could acknowledge)");
                int age = arrival.tick() - arrival.baselineTick();
                assertTrue(age >= 4 && age <= 6, "baseline about one round trip (60 ms = 3.6 ticks) old: " + age);
            }
            received.add(arrival.tick());
        }
        assertTrue(deltas > acking.arrivals.size() - 10, "all but the first few are deltas: " + deltas);
        assertEquals(0, acking.decodeFailures);

        assertTrue(silent.arrivals.size() > 100);
        assertTrue(silent.arrivals.stream().allMatch(a -> a.baselineTick() == SnapshotEncoder.NO_BASELINE),
                "never acknowledged: always full");
        assertEquals(0, silent.decodeFailures);

        ClientSession ackingSession = game.server.session(acking.playerId());
        ClientSession silentSession = game.server.session(silent.playerId());
        assertTrue(ackingSession.snapshotBytes < silentSession.snapshotBytes * 3 / 4,
                "deltas are much smaller: " + ackingSession.snapshotBytes + " vs " + silentSession.snapshotBytes);
        assertEquals(0, silentSession.deltaSnapshots);
        assertEquals(game.server.stats().fullSnapshots(), ackingSession.fullSnapshots + silentSession.fullSnapshots);
    }

    @Test
    void fallsBackToFullSnapshotsWhenTheAcknowledgedBaselineIsTooOld() {
        SimulatedGame game = game();
        ScriptedClient client = game.addClient("client", WALK);
        game.runFor(SECOND);
        client.acknowledges = false;
        // Updates already in flight still acknowledge; after a round trip the baseline stays put.
        game.runFor(100 * MS);
        int stoppedAt = client.arrivals.size();
        game.runFor(2 * SECOND);
        List<ScriptedClient.Arrival> after = client.arrivals.subList(stoppedAt, client.arrivals.size());
        ClientSession session = game.server.session(client.playerId());
        int lastAcked = session.baselines.ackedTick();
        assertEquals(lastAcked, after.get(0).baselineTick(), "still a delta right after acknowledgements stop");
        int capacity = session.baselines.capacity();
        for (ScriptedClient.Arrival arrival : after) {
            boolean tooOld = arrival.tick() - lastAcked >= capacity;
            assertEquals(tooOld ? SnapshotEncoder.NO_BASELINE : lastAcked, arrival.baselineTick(),
                    "tick " + arrival.tick() + " with the last acknowledgement at " + lastAcked);
        }
        assertTrue(after.get(after.size() - 1).baselineTick() == SnapshotEncoder.NO_BASELINE);
        assertEquals(0, client.decodeFailures);
        client.acknowledges = true;
        game.runFor(200 * MS);
        List<ScriptedClient.Arrival> all = client.arrivals;
        assertTrue(all.get(all.size() - 1).baselineTick() != SnapshotEncoder.NO_BASELINE, "deltas resume");
    }

    @Test
    void snapshotsCarryTheClientsLastAppliedCommand() {
        SimulatedGame game = game();
        ScriptedClient client = game.addClient("client", WALK);
        game.runFor(SECOND);
        int last = -1;
        for (ScriptedClient.Arrival arrival : client.arrivals) {
            assertTrue(arrival.lastProcessedCommand() >= last, "never goes back");
            last = arrival.lastProcessedCommand();
        }
        int sent = client.sent.size();
        assertTrue(last >= sent - 8 && last < sent, "about one round trip behind the " + sent + " sent: " + last);
    }

    @Test
    void withASnapshotIntervalSnapshotsGoOutOnItsMultiplesOnly() {
        ServerConfig config = ServerConfig.builder().snapshotIntervalTicks(3).build();
        SimulatedGame game = new SimulatedGame(SEED, config, TestMaps.field())
                .links(LinkConditions.builder().delayMicros(30_000).build());
        ScriptedClient client = game.addClient("client", WALK);
        game.runFor(2 * SECOND);
        assertTrue(client.arrivals.size() > 30, game.describe());
        for (ScriptedClient.Arrival arrival : client.arrivals) {
            assertEquals(0, arrival.tick() % 3, "tick " + arrival.tick());
            if (arrival.baselineTick() != SnapshotEncoder.NO_BASELINE) {
                assertEquals(0, arrival.baselineTick() % 3);
            }
        }
        assertEquals(0, client.decodeFailures);
    }
}
