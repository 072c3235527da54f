package dev.skirmish.client;

import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client acknowledges what it received, and the server's deltas against those acks all decode. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotAckTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void acksFollowReceivedSnapshotsAndEveryDeltaDecodes(long seed) {
        SimulatedGame game = new SimulatedGame(seed, TestWorlds.openRoom());
        game.setLinks(LinkConditions.builder().delayMicros(30_000).lossRate(0.10).build());
        GameClient walker = game.addClient("walker", new PredictionReconciliationTest.LoopWalker());
        GameClient watcher = game.addClient("watcher", InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(3 * SECOND), game.describe());
        game.runFor(5 * SECOND);
        String context = game.describe();

        for (GameClient client : List.of(walker, watcher)) {
            StandInServer.Player player = game.server.player(client.localPlayerId());
            List<Integer> acks = player.acks();
            assertTrue(acks.size() > 250, "updates received: " + acks.size() + "; " + context);
            int previous = ClientUpdate.NO_SNAPSHOT;
            for (int ack : acks) {
                assertTrue(ack >= previous, "acks never go back: " + ack + " after " + previous + "; " + context);
                assertTrue(ack == ClientUpdate.NO_SNAPSHOT || game.server.sentSnapshot(client.localPlayerId(), ack),
                        "acked tick " + ack + " was sent to this client; " + context);
                previous = ack;
            }
            assertEquals(client.ackedSnapshotTick(), client.view().newestSnapshotTick(), context);
            assertTrue(game.server.tick() - client.ackedSnapshotTick() <= 10,
                    "acking a recent tick: " + client.ackedSnapshotTick() + " at " + game.server.tick());
            ClientStats stats = client.stats(game.nowNanos());
            assertEquals(0, stats.snapshotsDropped(), "every delta found its baseline; " + stats + "; " + context);
            assertTrue(stats.snapshotsReceived() > 250, stats + "; " + context);
        }
        long total = game.server.deltaSnapshots() + game.server.fullSnapshots();
        assertTrue(game.server.deltaSnapshots() > 0.95 * total, "deltas " + game.server.deltaSnapshots() + " of " + total);
    }
}
