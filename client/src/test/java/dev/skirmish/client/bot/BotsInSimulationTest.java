package dev.skirmish.client.bot;

import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientStats;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.SimulatedGame;
import dev.skirmish.client.StandInServer;
import dev.skirmish.client.TestWorlds;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many bots in one virtual-time game against the stand-in server: they fight, and the books agree. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BotsInSimulationTest {

    @Test
    void botsFightOverALossyNetworkAndCountKillsLikeTheServer() {
        long seed = 31;
        SimulatedGame game = new SimulatedGame(seed, TestWorlds.obstacles());
        game.setLinks(LinkConditions.builder().delayMicros(25_000).jitterMicros(5_000).lossRate(0.02).build());
        List<BotBrain> brains = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BotBrain brain = new BotBrain(seed * 100 + i);
            brains.add(brain);
            game.addClient("bot-" + i, brain);
        }
        assertTrue(game.runUntilAllPlaying(3 * SECOND), game.describe());
        game.runFor(30 * SECOND);
        String context = game.describe();

        int kills = 0;
        for (GameClient client : game.clients) {
            assertEquals(ClientPhase.PLAYING, client.phase(), client.failure() + "; " + context);
            ClientStats stats = client.stats(game.nowNanos());
            StandInServer.Player player = game.server.player(client.localPlayerId());
            assertEquals(player.state().score(), stats.kills(), "kills of " + client.localPlayerId() + "; " + context);
            assertEquals(client.view().deaths(client.localPlayerId()), stats.deaths(), context);
            assertEquals(0, stats.snapshotsDropped(), stats + "; " + context);
            assertTrue(stats.snapshotsPerSecond() > 55, stats + "; " + context);
            assertEquals(0, stats.corrections(), "nothing moves players but their commands: " + stats + "; " + context);
            kills += stats.kills();
        }
        assertTrue(kills >= 10, "the bots found and killed each other: " + kills + " kills; " + context);
        assertTrue(brains.stream().mapToLong(BotBrain::shotsFired).sum() > 50, context);
    }
}
