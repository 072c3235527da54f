package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.MS;
import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.Chat;
import dev.skirmish.game.message.Join;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.server.input.InputRejection;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server does with what clients send: relays, refusals and clamps, each counted by reason. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputHandlingTest {

    private static SimulatedGame game() {
        return new SimulatedGame(7L, ServerConfig.defaults(), TestMaps.field())
                .links(LinkConditions.builder().delayMicros(10_000).build());
    }

    private static long count(SimulatedGame game, InputRejection reason) {
        return game.server.rejections().get(reason);
    }

    @Test
    void malformedUpdatesAndMessagesAreDroppedAndCounted() {
        SimulatedGame game = game();
        ScriptedClient client = game.joinIdle("ann").get(0);
        client.sendRaw(GameChannels.INPUT, new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF});
        client.sendRaw(GameChannels.INPUT, new byte[ClientUpdate.MAX_BYTES + 1]);
        client.sendRaw(GameChannels.EVENTS, new byte[] {99, 1, 2});
        client.sendRaw(GameChannels.SNAPSHOTS, new byte[] {1});
        client.sendRaw(GameChannels.RESERVED, new byte[] {1});
        game.runFor(200 * MS);
        assertEquals(2, count(game, InputRejection.MALFORMED_UPDATE), game.describe());
        assertEquals(1, count(game, InputRejection.MALFORMED_MESSAGE));
        assertEquals(2, count(game, InputRejection.WRONG_CHANNEL));
        assertEquals(1, game.server.playerCount(), "the sender plays on");
    }

    @Test
    void inputsBeforeJoiningAreRefused() {
        SimulatedGame game = game();
        ScriptedClient lurker = game.addClient("lurker", ScriptedClient.IDLE);
        lurker.joins = false;
        assertTrue(game.runUntil(() -> lurker.connection != null && !lurker.connectionEvents.isEmpty(), SECOND));
        lurker.sendUpdate(ClientUpdate.NO_SNAPSHOT, new InputCommand());
        lurker.sendMessage(new Chat(0, "hello?"));
        game.runFor(200 * MS);
        assertEquals(2, count(game, InputRejection.NOT_JOINED));
        assertEquals(0, game.server.playerCount());
    }

    @Test
    void serverOnlyMessagesAndASecondJoinAreUnexpected() {
        SimulatedGame game = game();
        ScriptedClient client = game.joinIdle("ann").get(0);
        client.sendMessage(new Welcome(3, 60, 0, 32));
        client.sendMessage(new Join("ann again", GameConstants.PROTOCOL_VERSION));
        game.runFor(200 * MS);
        assertEquals(2, count(game, InputRejection.UNEXPECTED_MESSAGE));
        assertEquals(1, game.server.playerCount());
    }

    @Test
    void aJoinFromOtherGameRulesIsRefusedAndTheConnectionClosed() {
        SimulatedGame game = game();
        ScriptedClient stranger = game.addClient("stranger", ScriptedClient.IDLE);
        stranger.joins = false;
        assertTrue(game.runUntil(() -> !stranger.connectionEvents.isEmpty(), SECOND));
        stranger.sendMessage(new Join("stranger", GameConstants.PROTOCOL_VERSION + 1));
        assertTrue(game.runUntil(() -> stranger.ended() != null, 2 * SECOND), game.describe());
        assertTrue(stranger.ended().detail().contains("game protocol mismatch"), stranger.ended().toString());
        assertEquals(1, count(game, InputRejection.PROTOCOL_MISMATCH));
        assertEquals(0, game.server.playerCount());
    }

    @Test
    void anAcknowledgementOfATickNeverSentIsIgnoredAndCounted() {
        SimulatedGame game = game();
        ScriptedClient client = game.joinIdle("ann").get(0);
        client.sendUpdate(1_000_000, new InputCommand().setCommandNumber(client.sent.size() + 100));
        game.runFor(200 * MS);
        assertEquals(1, count(game, InputRejection.INVALID_ACK));
        assertTrue(game.server.session(client.playerId()).baselines.ackedTick() < game.server.tick());
    }

    @Test
    void aClientSendingCommandsTwiceAsFastMovesAndFiresNoFasterThanAnHonestOne() {
        SimulatedGame game = game();
        ScriptedClient.Script runAndGun = (c, command) -> command.setButtons(InputCommand.MOVE_RIGHT).setFire(true)
                .setAimAngle(Math.PI / 2);
        ScriptedClient honest = game.addClient("honest", runAndGun);
        ScriptedClient cheat = game.addClient("cheat", runAndGun);
        cheat.commandsPerTick = 2;
        assertTrue(game.runUntilAllJoined(SECOND), game.describe());
        // Both spawn on the left: (48, 48) and (48, 336), facing down a clear run to the right.
        double honestStart = game.server.world().player(honest.playerId()).state().x();
        double cheatStart = game.server.world().player(cheat.playerId()).state().x();
        long appliedBefore = game.server.summary().commandsApplied();
        int tickBefore = game.server.tick();
        game.runFor(SECOND);
        int ticks = game.server.tick() - tickBefore;
        double honestRun = game.server.world().player(honest.playerId()).state().x() - honestStart;
        double cheatRun = game.server.world().player(cheat.playerId()).state().x() - cheatStart;
        double perTick = GameConstants.PLAYER_SPEED_UNITS_PER_SECOND / 60;
        assertTrue(cheatRun <= (ticks + 8) * perTick + 1e-9, "cheat ran " + cheatRun + " in " + ticks + " ticks");
        assertTrue(cheatRun <= honestRun + 8 * perTick + 1e-9, "cheat " + cheatRun + ", honest " + honestRun);
        assertTrue(count(game, InputRejection.BACKLOG_OVERFLOW) > ticks / 2, "the surplus was dropped and counted");
        long applied = game.server.summary().commandsApplied() - appliedBefore;
        assertTrue(applied <= 2L * (ticks + 8), "applied " + applied + " for two players in " + ticks + " ticks");
    }

    @Test
    void chatIsRelayedToEveryoneUnderTheSendersId() {
        SimulatedGame game = game();
        List<ScriptedClient> joined = game.joinIdle("ann", "bob");
        ScriptedClient ann = joined.get(0);
        ScriptedClient bob = joined.get(1);
        bob.sendMessage(new Chat(0, "gg"));
        assertTrue(game.runUntil(() -> !ann.messagesOf(Chat.class).isEmpty(), SECOND));
        assertEquals(List.of(new Chat(bob.playerId(), "gg")), ann.messagesOf(Chat.class));
        game.runFor(100 * MS);
        assertEquals(List.of(new Chat(bob.playerId(), "gg")), bob.messagesOf(Chat.class), "the sender sees it too");
    }

    @Test
    void chatIsRateLimitedPerPlayer() {
        SimulatedGame game = game();
        List<ScriptedClient> joined = game.joinIdle("ann", "bob");
        ScriptedClient ann = joined.get(0);
        ScriptedClient bob = joined.get(1);
        for (int i = 0; i < 8; i++) {
            bob.sendMessage(new Chat(0, "spam " + i));
        }
        game.runFor(200 * MS);
        assertEquals(ClientSession.CHAT_BURST_LINES, ann.messagesOf(Chat.class).size(), "a burst of five goes through");
        assertEquals(3, count(game, InputRejection.CHAT_RATE_LIMITED));
        game.runFor(2 * SECOND);
        bob.sendMessage(new Chat(0, "later"));
        game.runFor(200 * MS);
        assertEquals(new Chat(bob.playerId(), "later"), ann.messagesOf(Chat.class).get(ClientSession.CHAT_BURST_LINES),
                "the allowance refills with time");
    }

    @Test
    void commandsLostInAGapAreSkippedAndCounted() {
        SimulatedGame game = new SimulatedGame(8L, ServerConfig.defaults(), TestMaps.field())
                .links(LinkConditions.builder().delayMicros(10_000).burstLoss(0.05, 0.2, 0, 1).build());
        ScriptedClient client = game.addClient("ann", (c, command) -> command.setButtons(InputCommand.MOVE_DOWN));
        assertTrue(game.runUntilAllJoined(5 * SECOND), game.describe());
        game.runFor(5 * SECOND);
        var summary = game.server.summary();
        assertTrue(summary.commandsLost() > 0, "bursts longer than the redundancy lose commands: " + game.describe());
        int lastApplied = game.server.session(client.playerId()).commands.lastTaken();
        assertTrue(summary.commandsApplied() + summary.commandsLost() == lastApplied + 1,
                "every number up to the last applied was either applied or skipped once: " + summary);
    }
}
