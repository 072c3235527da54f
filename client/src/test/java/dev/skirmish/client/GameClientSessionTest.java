package dev.skirmish.client;

import static dev.skirmish.client.SimulatedGame.MS;
import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client's session against the stand-in server: join, play, views, close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GameClientSessionTest {

    private static final long SEED = 0x5EED_0001L;

    @Test
    void joinsAndPlaysWithSnapshotsEveryTick() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        game.setLinks(LinkConditions.builder().delayMicros(20_000).build());
        GameClient client = game.addClient("alice", InputSource.IDLE);

        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        assertEquals(0, client.localPlayerId());
        assertEquals("alice", client.view().playerName(0));
        assertEquals("test", client.view().map().name());
        game.runFor(2 * SECOND);

        ClientStats stats = client.stats(game.nowNanos());
        assertTrue(stats.snapshotsPerSecond() > 55 && stats.snapshotsPerSecond() < 61, stats.toString());
        assertEquals(0, stats.snapshotsDropped(), stats.toString());
        assertTrue(stats.rttMillis() > 35 && stats.rttMillis() < 60, stats.toString());
        assertTrue(stats.kilobitsPerSecondDown() > 0 && stats.kilobitsPerSecondUp() > 0, stats.toString());
        assertTrue(game.server.deltaSnapshots() > 100, "server sent deltas: " + game.server.deltaSnapshots());
    }

    @Test
    void seesOtherPlayersAndTheirNames() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        GameClient alice = game.addClient("alice", InputSource.IDLE);
        GameClient bob = game.addClient("bob", InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        game.runFor(500 * MS);

        ClientView view = alice.view();
        assertEquals(1, view.otherCount());
        assertEquals(bob.localPlayerId(), view.other(0).id());
        assertEquals("bob", view.playerName(bob.localPlayerId()));
        assertEquals("alice", bob.view().playerName(alice.localPlayerId()));
    }

    @Test
    void closeLeavesGracefully() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        GameClient client = game.addClient("alice", InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());

        client.close(game.nowNanos());
        assertEquals(ClientPhase.CLOSING, client.phase());
        assertTrue(game.runUntil(() -> client.phase() == ClientPhase.CLOSED, 5 * SECOND), game.describe());
        assertNull(client.failure());
        assertTrue(game.runUntil(() -> game.server.endpoint().connections().isEmpty(), 5 * SECOND), game.describe());
    }

    @Test
    void closingWhileJoiningIgnoresALateWelcome() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        game.setLinks(LinkConditions.builder().delayMicros(50_000).build());
        GameClient client = game.addClient("hasty", InputSource.IDLE);
        assertTrue(game.runUntil(() -> client.phase() == ClientPhase.JOINING, 2 * SECOND), game.describe());
        client.close(game.nowNanos());

        assertTrue(game.runUntil(() -> client.phase() == ClientPhase.CLOSED, 5 * SECOND), game.describe());
        assertEquals(1, game.server.welcomesSent(), "the server did welcome the player: " + game.describe());
        assertEquals(-1, client.localPlayerId(), "the Welcome arrived while leaving and was ignored");
        assertEquals(-1, client.view().lastCommandNumber(), "no tick ever ran");
    }

    @Test
    void publishesFramesAfterEveryTick() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        GameClient client = game.addClient("alice", (view, command) -> command.setButtons(InputCommand.MOVE_RIGHT));
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        game.runFor(200 * MS);

        ClientView frame = client.frames().latest();
        assertEquals(ClientPhase.PLAYING, frame.phase());
        assertEquals(client.view().lastCommandNumber(), frame.lastCommandNumber());
        assertEquals(client.view().local().x(), frame.local().x());
        double heldX = frame.local().x();
        game.runFor(200 * MS);
        assertEquals(heldX, frame.local().x(), "a frame the reader holds never changes");
        assertTrue(client.frames().latest().local().x() > heldX, "the next frame is newer");
        assertNotNull(client.frames().latest().map());
    }
}
