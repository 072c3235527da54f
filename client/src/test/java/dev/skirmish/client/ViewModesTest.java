package dev.skirmish.client;

import static dev.skirmish.client.SimulatedGame.MS;
import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the view shows with prediction and interpolation on and off, and that the interpolation delay is
 * honoured end to end. A runner walks right at constant speed; a watcher stands still.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ViewModesTest {

    private static final long SEED = 0x71E3L;
    private static final long ONE_WAY_MILLIS = 30;
    private static final InputSource RUN_RIGHT = (view, command) -> command.setButtons(InputCommand.MOVE_RIGHT);
    private static final double UNITS_PER_TICK = 4.0;

    private SimulatedGame game(GameClientConfig runnerConfig, GameClientConfig watcherConfig) {
        SimulatedGame game = new SimulatedGame(SEED, TestWorlds.openRoom());
        game.setLinks(LinkConditions.builder().delayMicros(ONE_WAY_MILLIS * 1000).build());
        game.addClient(runnerConfig, RUN_RIGHT);
        game.addClient(watcherConfig, InputSource.IDLE);
        assertTrue(game.runUntilAllPlaying(2 * SECOND), game.describe());
        game.runFor(700 * MS);
        return game;
    }

    private static double serverX(SimulatedGame game, GameClient client) {
        return game.server.player(client.localPlayerId()).state().x();
    }

    @Test
    void predictionRunsAheadOfTheServerAndInterpolationDrawsOthersBehindIt() {
        GameClientConfig defaults = GameClientConfig.builder("p").build();
        SimulatedGame game = game(defaults, defaults);
        GameClient runner = game.clients.get(0);
        GameClient watcher = game.clients.get(1);

        double ahead = runner.view().local().x() - serverX(game, runner);
        assertTrue(ahead > 0 && ahead < 20 * UNITS_PER_TICK, "predicted ahead by the commands in flight: " + ahead);

        // Others are drawn a delay behind the newest snapshot, which is a one-way trip behind the server.
        double renderTick = watcher.view().renderTick();
        double expectedTick = game.server.tick() - (ONE_WAY_MILLIS + 100) * 60 / 1000.0;
        assertEquals(expectedTick, renderTick, 1.5, "render tick at server tick " + game.server.tick());
        double drawnX = watcher.view().other(0).x();
        double behind = serverX(game, runner) - drawnX;
        assertEquals((game.server.tick() - renderTick) * UNITS_PER_TICK, behind, 1.5 * UNITS_PER_TICK,
                "the runner is drawn where the server had them at the render tick");
        assertEquals(0, watcher.stats(game.nowNanos()).interpolationUnderruns());
    }

    @Test
    void withoutPredictionTheLocalPlayerIsDrawnFromSnapshots() {
        GameClientConfig noPrediction = GameClientConfig.builder("p").prediction(false).build();
        SimulatedGame game = game(noPrediction, GameClientConfig.builder("w").build());
        GameClient runner = game.clients.get(0);

        double behind = serverX(game, runner) - runner.view().local().x();
        assertTrue(behind > 5 * UNITS_PER_TICK, "drawn behind the server, like any other player: " + behind);
        assertEquals(0, runner.stats(game.nowNanos()).corrections());
    }

    @Test
    void withoutInterpolationOthersAreDrawnAtTheNewestSnapshot() {
        GameClientConfig noInterpolation = GameClientConfig.builder("w").interpolation(false).build();
        SimulatedGame game = game(GameClientConfig.builder("p").build(), noInterpolation);
        GameClient runner = game.clients.get(0);
        GameClient watcher = game.clients.get(1);

        ClientView view = watcher.view();
        assertEquals(view.newestSnapshotTick(), view.renderTick(), 0.0);
        double behind = serverX(game, runner) - view.other(0).x();
        assertTrue(behind <= 4 * UNITS_PER_TICK, "only the one-way trip behind: " + behind);
        assertEquals(0, watcher.stats(game.nowNanos()).interpolationUnderruns());
    }
}
