package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.MS;
import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.ScoreUpdate;
import dev.skirmish.server.stats.ServerStats;
import dev.skirmish.server.stats.ServerSummary;
import dev.skirmish.transport.DisconnectReason;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerLifecycleTest {

    private static final LinkConditions LINK = LinkConditions.builder().delayMicros(15_000).jitterMicros(5_000)
            .lossRate(0.02).build();

    /** Everyone strafes and shoots at everyone, so the world has kills, respawns and rockets to report. */
    private static final ScriptedClient.Script BRAWL = (client, command) -> {
        int n = command.commandNumber();
        command.setButtons((n / 40) % 2 == 0 ? InputCommand.MOVE_RIGHT : InputCommand.MOVE_LEFT)
                .setAimAngle(n * 0.05)
                .setFire(true)
                .setWeapon(n % 300 < 150 ? Weapon.RIFLE : Weapon.ROCKET_LAUNCHER);
    };

    private static SimulatedGame brawl(long seed, ServerConfig config, int players) {
        SimulatedGame game = new SimulatedGame(seed, config, TestMaps.field()).links(LINK);
        for (int i = 0; i < players; i++) {
            game.addClient("p" + i, BRAWL);
        }
        return game;
    }

    @Test
    void aShutdownClosesEveryConnectionGracefullyAndStopsTicking() {
        SimulatedGame game = brawl(1L, ServerConfig.defaults(), 3);
        assertTrue(game.runUntilAllJoined(2 * SECOND), game.describe());
        game.runFor(SECOND);
        boolean[] told = new boolean[1];
        game.server.setShutdownListener(() -> told[0] = true);
        game.server.requestShutdown();
        assertTrue(game.runUntil(game.server::isShutDown, 3 * SECOND), game.describe());
        assertTrue(told[0]);
        int lastTick = game.server.tick();
        for (ScriptedClient client : game.clients) {
            assertTrue(game.runUntil(() -> client.ended() != null, SECOND), client.toString());
            assertEquals(DisconnectReason.PEER_CLOSED, client.ended().reason());
            assertEquals("server shutting down", client.ended().detail());
        }
        game.runFor(SECOND);
        assertEquals(lastTick, game.server.tick(), "no ticks after shutdown");
        ServerSummary summary = game.server.summary();
        assertEquals(3, summary.standings().size(), "the summary keeps the last standings");
        assertTrue(summary.bytesOut() > 0 && summary.bytesIn() > 0);
        assertTrue(summary.format().contains("p0"), summary.format());
    }

    @Test
    void publishesStatisticsEveryStatusInterval() {
        ServerConfig config = ServerConfig.builder().statusIntervalSeconds(1).build();
        SimulatedGame game = brawl(2L, config, 4);
        List<ServerStats> reports = new ArrayList<>();
        game.server.setStatusListener(reports::add);
        game.runFor(3 * SECOND + 10 * MS);
        assertEquals(3, reports.size(), "at 1, 2 and 3 s");
        ServerStats last = reports.get(2);
        assertEquals(last, game.server.latestStats());
        assertEquals(4, last.players());
        assertEquals(180, last.tick());
        assertEquals(181, last.ticksRun());
        assertTrue(last.bytesOutPerSecond() > 0 && last.bytesInPerSecond() > 0, last.statusLine());
        assertEquals(last.bytesOutPerSecond() / 4, last.bytesOutPerSecondPerPlayer(), 1e-6);
        assertTrue(last.snapshotBytesPerSecond() > 0 && last.snapshotBytesPerSecond() < last.bytesOutPerSecond());
        assertTrue(last.commandsApplied() > 3 * 120, last.toString());
        assertTrue(last.statusLine().contains("4 players"), last.statusLine());
        assertEquals(0, last.tickP99Micros(), "the simulated work clock stands still");
        assertEquals(0, last.snapshotsRefused());
    }

    @Test
    void aMatchEndResetsScoresAndTellsEveryone() {
        ServerConfig config = ServerConfig.builder().matchSeconds(5).build();
        SimulatedGame game = brawl(3L, config, 4);
        game.runFor(5 * SECOND + 500 * MS);
        ServerSummary summary = game.server.summary();
        assertEquals(1, summary.completedMatches().size(), game.describe());
        assertEquals(2, summary.matchNumber());
        assertTrue(summary.completedMatches().get(0).standings().stream().anyMatch(s -> s.kills() > 0),
                "the brawl produced kills: " + summary.completedMatches());
        for (ScriptedClient client : game.clients) {
            List<ScoreUpdate> updates = client.messagesOf(ScoreUpdate.class);
            assertTrue(updates.contains(new ScoreUpdate(client.playerId(), 0, 0, 0)));
            assertTrue(updates.size() > 4, "kills were announced as they happened");
        }
        assertTrue(summary.standings().stream().allMatch(s -> s.kills() <= 2),
                "half a second into the new match: " + summary.standings());
    }

    @Test
    void theSameSeedGivesTheSameGame() {
        ServerSummary first = brawlSummary(11L);
        ServerSummary second = brawlSummary(11L);
        assertEquals(first, second);
        assertFalse(first.standings().stream().allMatch(s -> s.deaths() == 0), "something happened: " + first);
    }

    private static ServerSummary brawlSummary(long seed) {
        SimulatedGame game = brawl(seed, ServerConfig.defaults(), 6);
        game.runFor(4 * SECOND);
        ServerSummary summary = game.server.summary();
        assertNotNull(summary);
        return summary;
    }
}
