package dev.skirmish.client;

import static dev.skirmish.client.SimulatedGame.MS;
import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.transport.DeliveryMode;
import dev.skirmish.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every way a session can fail ends in {@link ClientPhase#FAILED} with the right reason. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GameClientFailureTest {

    private static final long SEED = 0xFA11L;

    private static ClientFailure awaitFailure(SimulatedGame game, GameClient client, long timeoutNanos) {
        assertTrue(game.runUntil(() -> client.phase() == ClientPhase.FAILED, timeoutNanos),
                "phase " + client.phase() + "; " + game.describe());
        assertEquals(ClientPhase.FAILED, client.view().phase());
        assertEquals(client.failure(), client.frames().latest().failure(), "the final phase is published");
        return client.failure();
    }

    @Test
    void anUnreachableServerTimesOut() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        GameClient client = new GameClient(GameClientConfig.builder("lost").build(), InputSource.IDLE,
                new SplittableRandom(SEED));
        InetSocketAddress nowhere = new InetSocketAddress("10.9.9.9", 7777);
        game.network.attach(new InetSocketAddress("10.0.1.1", 50_000), client);
        client.connect(game.nowNanos(), nowhere);

        ClientFailure failure = awaitFailure(game, client, 10 * SECOND);
        assertEquals(ClientFailure.Reason.CONNECT_TIMEOUT, failure.reason());
        long connectTimeoutNanos = client.config().transport().connectTimeoutMillis() * MS;
        assertTrue(game.nowNanos() >= connectTimeoutNanos, "not before the connect timeout");
        assertEquals(client.serverAddress(), nowhere);
    }

    @Test
    void aFullServerIsReportedAsSuch() {
        TestWorlds.World world = TestWorlds.openRoom();
        TransportConfig oneSlot = TransportConfig.lan().toBuilder().maxConnections(1).build();
        SimulatedGame game = new SimulatedGame(SEED,
                new StandInServer(SEED, oneSlot, world.map(), world.text(), GameConstants.DEFAULT_TICK_RATE_HZ));
        GameClient first = game.addClient("first", InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        GameClient second = game.addClient("second", InputSource.IDLE);

        assertEquals(ClientFailure.Reason.SERVER_FULL, awaitFailure(game, second, 5 * SECOND).reason());
        assertEquals(ClientPhase.PLAYING, first.phase());
    }

    @Test
    void anotherChannelLayoutIsAVersionMismatch() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        TransportConfig other = GameChannels.transportConfig(TransportConfig.internet()).toBuilder()
                .channels(DeliveryMode.RELIABLE_ORDERED, DeliveryMode.RELIABLE_UNORDERED,
                        DeliveryMode.UNRELIABLE_SEQUENCED, DeliveryMode.UNRELIABLE, DeliveryMode.UNRELIABLE)
                .build();
        GameClient client = game.addClient(GameClientConfig.builder("future").transport(other).build(), InputSource.IDLE);

        assertEquals(ClientFailure.Reason.VERSION_MISMATCH, awaitFailure(game, client, 5 * SECOND).reason());
    }

    @Test
    void aRefusedJoinCarriesTheServersReason() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        game.server.refuseJoinsWith("protocol version 0 is not supported");
        GameClient client = game.addClient("old", InputSource.IDLE);

        ClientFailure failure = awaitFailure(game, client, 5 * SECOND);
        assertEquals(ClientFailure.Reason.REFUSED, failure.reason());
        assertEquals("protocol version 0 is not supported", failure.detail());
    }

    @Test
    void aServerThatNeverWelcomesTimesOutTheJoin() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        game.server.ignoreJoins();
        GameClient client = game.addClient(GameClientConfig.builder("patient").joinTimeoutMillis(1_000).build(),
                InputSource.IDLE);

        assertEquals(ClientFailure.Reason.JOIN_TIMEOUT, awaitFailure(game, client, 5 * SECOND).reason());
        assertTrue(game.nowNanos() >= 1_000 * MS);
    }

    @Test
    void aMapThatDoesNotParseIsBadServerData() {
        TestWorlds.World world = TestWorlds.openRoom();
        SimulatedGame game = new SimulatedGame(SEED, new StandInServer(SEED, world.map(), "skirmish-map 1\nname broken\n"));
        GameClient client = game.addClient("alice", InputSource.IDLE);

        ClientFailure failure = awaitFailure(game, client, 5 * SECOND);
        assertEquals(ClientFailure.Reason.BAD_SERVER_DATA, failure.reason());
        assertTrue(failure.detail().contains("map"), failure.detail());
    }

    @Test
    void aKickDuringPlayIsAServerClose() {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        GameClient client = game.addClient("alice", InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        game.server.kick(client.localPlayerId());

        ClientFailure failure = awaitFailure(game, client, 5 * SECOND);
        assertEquals(ClientFailure.Reason.CLOSED_BY_SERVER, failure.reason());
        assertEquals("kicked", failure.detail());
        long frozen = client.stats(game.nowNanos()).sessionNanos();
        game.runFor(SECOND);
        assertEquals(frozen, client.stats(game.nowNanos()).sessionNanos(), "rates stop with the session");
    }
}
