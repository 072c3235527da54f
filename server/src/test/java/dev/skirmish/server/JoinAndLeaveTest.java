package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.MapParser;
import dev.skirmish.game.message.Leave;
import dev.skirmish.game.message.MapInfo;
import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.game.message.ScoreUpdate;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.server.world.PlayerStanding;
import dev.skirmish.transport.ConnectionEvent;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.sim.LinkConditions;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinAndLeaveTest {

    private static SimulatedGame game(ServerConfig config) {
        return new SimulatedGame(99L, config, TestMaps.field()).links(LinkConditions.builder().delayMicros(10_000).build());
    }

    @Test
    void aJoiningClientIsWelcomedWithTheMapThePlayersAndTheirScores() throws Exception {
        SimulatedGame game = game(ServerConfig.builder().maxPlayers(8).build());
        ScriptedClient ann = game.addClient("ann", ScriptedClient.IDLE);
        assertTrue(game.runUntil(() -> ann.welcome != null, SECOND), game.describe());
        ScriptedClient bob = game.joinIdle("bob").get(0);
        game.runFor(SECOND / 10);

        Welcome welcome = assertInstanceOf(Welcome.class, bob.messages.get(0));
        assertEquals(1, welcome.playerId());
        assertEquals(60, welcome.tickRateHz());
        assertEquals(8, welcome.maxPlayers());
        assertTrue(welcome.serverTick() > 0 && welcome.serverTick() <= game.server.tick());
        MapInfo mapInfo = assertInstanceOf(MapInfo.class, bob.messages.get(1));
        assertEquals("Test Field", mapInfo.mapName());
        assertEquals(TestMaps.field().toText(), MapParser.parse("sent", mapInfo.mapText()).toText());
        assertEquals(List.of(new PlayerJoined(0, "ann"), new PlayerJoined(1, "bob")), bob.messagesOf(PlayerJoined.class));
        assertEquals(List.of(new ScoreUpdate(0, 0, 0, 0), new ScoreUpdate(1, 0, 0, 0)), bob.messagesOf(ScoreUpdate.class));

        assertEquals(List.of(new PlayerJoined(0, "ann"), new PlayerJoined(1, "bob")), ann.messagesOf(PlayerJoined.class),
                "the one already in hears of the newcomer");
        assertEquals(2, game.server.playerCount());
    }

    @Test
    void aNameAlreadyInPlayGetsASuffix() {
        SimulatedGame game = game(ServerConfig.defaults());
        game.addClient("ann", ScriptedClient.IDLE);
        game.addClient("ann", ScriptedClient.IDLE);
        assertTrue(game.runUntilAllJoined(SECOND), game.describe());
        assertEquals(List.of("ann", "ann (2)"), game.server.standings().stream().map(PlayerStanding::name).sorted().toList());
    }

    @Test
    void aLeavingPlayerIsAnnouncedAndRemoved() {
        SimulatedGame game = game(ServerConfig.defaults());
        List<ScriptedClient> joined = game.joinIdle("ann", "bob");
        ScriptedClient ann = joined.get(0);
        ScriptedClient bob = joined.get(1);
        bob.sendMessage(new Leave(0, "dinner"));
        bob.sendUpdate(ClientUpdate.NO_SNAPSHOT, new InputCommand().setCommandNumber(bob.sent.size() + 1));
        assertTrue(game.runUntil(() -> !ann.messagesOf(Leave.class).isEmpty(), SECOND), game.describe());
        assertEquals(new Leave(bob.playerId(), "left: dinner"), ann.messagesOf(Leave.class).get(0));
        assertEquals(1, game.server.playerCount());
        assertTrue(game.runUntil(() -> bob.ended() != null, SECOND), "the server closes the connection");
        assertEquals(DisconnectReason.PEER_CLOSED, bob.ended().reason());
        assertTrue(game.runUntil(() -> game.server.endpoint().connections().size() == 1, SECOND),
                "and forgets it after the closing handshake");
        assertEquals(0, game.server.rejections().total(), "inputs still in flight after leaving are not held against it");
    }

    @Test
    void aPlayerWhoReturnsUnderTheSameNameWithinTheGraceGetsTheirScoreBack() {
        SimulatedGame game = game(ServerConfig.builder().reconnectGraceSeconds(5).build());
        ScriptedClient ann = game.addClient("ann", ScriptedClient.IDLE);
        game.addClient("bob", ScriptedClient.IDLE);
        assertTrue(game.runUntilAllJoined(SECOND), game.describe());
        int annId = ann.playerId();
        game.server.world().player(annId).state().setScore(7);
        ann.sendMessage(new Leave(0, ""));
        assertTrue(game.runUntil(() -> game.server.playerCount() == 1, SECOND));
        game.runFor(2 * SECOND);

        ScriptedClient again = game.addClient("ann", ScriptedClient.IDLE);
        assertTrue(game.runUntil(() -> again.welcome != null, SECOND), game.describe());
        assertEquals(annId, again.playerId(), "the old id was free, so it comes back");
        assertTrue(again.messagesOf(ScoreUpdate.class).contains(new ScoreUpdate(annId, 7, 0, 0)));
        assertEquals(7, game.server.world().player(annId).score());
    }

    @Test
    void aPlayerWhoReturnsAfterTheGraceStartsFromZero() {
        SimulatedGame game = game(ServerConfig.builder().reconnectGraceSeconds(1).build());
        ScriptedClient ann = game.joinIdle("ann").get(0);
        game.server.world().player(ann.playerId()).state().setScore(7);
        ann.sendMessage(new Leave(0, ""));
        assertTrue(game.runUntil(() -> game.server.playerCount() == 0, SECOND));
        game.runFor(2 * SECOND);
        ScriptedClient again = game.addClient("ann", ScriptedClient.IDLE);
        assertTrue(game.runUntil(() -> again.welcome != null, SECOND), game.describe());
        assertEquals(0, game.server.world().player(again.playerId()).score());
    }

    @Test
    void aClientBeyondMaxPlayersIsRefusedByTheTransportAsServerFull() {
        SimulatedGame game = game(ServerConfig.builder().maxPlayers(2).build());
        game.addClient("ann", ScriptedClient.IDLE);
        game.addClient("bob", ScriptedClient.IDLE);
        assertTrue(game.runUntilAllJoined(SECOND), game.describe());
        ScriptedClient carl = game.addClient("carl", ScriptedClient.IDLE);
        assertTrue(game.runUntil(() -> carl.ended() != null, 2 * SECOND), game.describe());
        ConnectionEvent refusal = carl.ended();
        assertEquals(ConnectionEvent.Type.CONNECT_FAILED, refusal.type());
        assertEquals(DisconnectReason.SERVER_FULL, refusal.reason());
        assertTrue(refusal.detail().contains("full"), refusal.detail());
        assertEquals(2, game.server.playerCount());
    }

    @Test
    void aPlayerWhoseConnectionTimesOutLeavesTheGame() {
        SimulatedGame game = game(ServerConfig.defaults());
        List<ScriptedClient> joined = game.joinIdle("ann", "bob");
        ScriptedClient ann = joined.get(0);
        ScriptedClient bob = joined.get(1);
        game.unplug(bob);
        assertTrue(game.runUntil(() -> !ann.messagesOf(Leave.class).isEmpty(), 15 * SECOND), game.describe());
        Leave leave = ann.messagesOf(Leave.class).get(0);
        assertEquals(bob.playerId(), leave.playerId());
        assertEquals("timed out", leave.reason());
        assertNotNull(game.server.world().player(ann.playerId()));
    }

    @Test
    void aPlayerBackFromTheSameAddressBeforeTheOldConnectionTimedOutTakesItsPlaceAndScore() {
        SimulatedGame game = game(ServerConfig.defaults());
        List<ScriptedClient> joined = game.joinIdle("ann", "bob");
        ScriptedClient ann = joined.get(0);
        ScriptedClient bob = joined.get(1);
        int annId = ann.playerId();
        game.server.world().player(annId).state().setScore(4);
        InetSocketAddress oldAddress = game.addressOf(ann);
        game.unplug(ann);
        // The client restarts at once, from the same host on a new port; the old connection is still open.
        ScriptedClient back = game.addClient("ann", ScriptedClient.IDLE,
                new InetSocketAddress(oldAddress.getAddress(), oldAddress.getPort() + 1));
        assertTrue(game.runUntil(() -> back.welcome != null, SECOND), game.describe());
        assertEquals(annId, back.playerId());
        assertEquals(4, game.server.world().player(annId).score());
        assertEquals("ann", game.server.world().player(annId).name());
        assertEquals(2, game.server.playerCount());
        assertTrue(bob.messagesOf(Leave.class).contains(new Leave(annId, "reconnected")));
    }

    @Test
    void theSameNameFromAnotherAddressDoesNotDisplaceThePlayer() {
        SimulatedGame game = game(ServerConfig.defaults());
        ScriptedClient ann = game.joinIdle("ann").get(0);
        game.server.world().player(ann.playerId()).state().setScore(4);
        ScriptedClient impostor = game.addClient("ann", ScriptedClient.IDLE);
        assertTrue(game.runUntil(() -> impostor.welcome != null, SECOND), game.describe());
        assertEquals("ann (2)", game.server.world().player(impostor.playerId()).name());
        assertEquals(0, game.server.world().player(impostor.playerId()).score());
        assertEquals(4, game.server.world().player(ann.playerId()).score());
    }
}
