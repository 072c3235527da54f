package dev.skirmish.client;

import static dev.skirmish.client.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issue's prediction test: over a lossy, slow link the local player's predicted position for each
 * command matches the server's authoritative position for that command, except for the commands
 * predicted before a server-side teleport became known, and that teleport is counted as one
 * correction of the right size.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PredictionReconciliationTest {

    /** Quantization of the rebase position: at most 1/32 unit per axis. */
    private static final double PREDICTION_BOUND_UNITS = 0.05;
    private static final int TELEPORT_AFTER_COMMAND = 300;
    private static final double TELEPORT_X = 560;
    private static final double TELEPORT_Y = 560;

    /** Walks an 80-unit square loop and records what the client believes about each command. */
    static final class LoopWalker implements InputSource {
        final Map<Integer, double[]> believed = new HashMap<>();

        @Override
        public void sample(ClientView view, InputCommand command) {
            if (view.localKnown() && view.lastCommandNumber() >= 0) {
                believed.put(view.lastCommandNumber(), new double[] {view.local().x(), view.local().y()});
            }
            command.setButtons(buttonsFor(view.lastCommandNumber() + 1));
        }

        static int buttonsFor(int commandNumber) {
            switch ((commandNumber / 20) % 4) {
                case 0: return InputCommand.MOVE_RIGHT;
                case 1: return InputCommand.MOVE_DOWN;
                case 2: return InputCommand.MOVE_LEFT;
                default: return InputCommand.MOVE_UP;
            }
        }
    }

    record Reconciliation(int commandNumber, double errorUnits, boolean counted, int newestCommand) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void predictionMatchesServerUnderLossAndCountsTheTeleport(long seed) {
        TestWorlds.World world = TestWorlds.openRoom();
        SimulatedGame game = new SimulatedGame(seed, world);
        game.server.teleportOnce(0, TELEPORT_AFTER_COMMAND, TELEPORT_X, TELEPORT_Y);
        game.setLinks(LinkConditions.builder().delayMicros(40_000).lossRate(0.05).build());
        LoopWalker walker = new LoopWalker();
        GameClient client = game.addClient("walker", walker);
        List<Reconciliation> reconciliations = new ArrayList<>();
        client.setReconciliationListener((number, error, counted) ->
                reconciliations.add(new Reconciliation(number, error, counted, client.view().lastCommandNumber())));

        game.runFor(10 * SECOND);
        String context = game.describe() + "; " + client.stats(game.nowNanos());
        StandInServer.Player server = game.server.player(client.localPlayerId());
        assertTrue(server.lastApplied() > 550, "server applied commands: " + server.lastApplied() + "; " + context);
        assertTrue(reconciliations.size() > 400, "reconciliations: " + reconciliations.size() + "; " + context);

        List<Reconciliation> counted = reconciliations.stream().filter(Reconciliation::counted).toList();
        assertEquals(1, counted.size(), "exactly the teleport is a correction: " + counted + "; " + context);
        Reconciliation teleport = counted.get(0);
        double expected = teleportDistance(world.map());
        assertEquals(expected, teleport.errorUnits(), 0.1, context);
        ClientStats stats = client.stats(game.nowNanos());
        assertEquals(1, stats.corrections(), context);
        assertEquals(teleport.errorUnits(), stats.largestCorrectionUnits(), 0.0, context);
        for (Reconciliation r : reconciliations) {
            if (!r.counted()) {
                assertTrue(r.errorUnits() <= 2 * PREDICTION_BOUND_UNITS, r + "; " + context);
            }
        }

        // The teleport lands with command #300: commands predicted before it happened, or after it was known, match.
        int firstStale = TELEPORT_AFTER_COMMAND;
        // A belief about command N is recorded when command N+1 is sampled: the newest command at the time
        // of the correction is believed after it.
        int lastStale = teleport.newestCommand() - 1;
        assertTrue(lastStale - firstStale < 20, "the teleport was seen within 20 commands: " + teleport);
        int compared = 0;
        for (Map.Entry<Integer, double[]> belief : walker.believed.entrySet()) {
            int number = belief.getKey();
            double[] authoritative = server.positionAfter(number);
            if (authoritative == null) {
                continue;
            }
            double error = Math.hypot(belief.getValue()[0] - authoritative[0], belief.getValue()[1] - authoritative[1]);
            if (number >= firstStale && number <= lastStale) {
                assertEquals(expected, error, 0.1, "stale prediction of #" + number + "; " + context);
            } else {
                assertTrue(error <= PREDICTION_BOUND_UNITS, "command #" + number + " predicted " + error
                        + " units from the server; " + context);
                compared++;
            }
        }
        assertTrue(compared > 500, "compared " + compared + " commands; " + context);
    }

    /** Where the loop puts the player after the teleport command, had there been no teleport, to the teleport target. */
    private static double teleportDistance(GameMap map) {
        PlayerState player = new PlayerState(0).spawn(map.spawns().get(0));
        InputCommand command = new InputCommand();
        for (int number = 0; number <= TELEPORT_AFTER_COMMAND; number++) {
            command.setCommandNumber(number).setButtons(LoopWalker.buttonsFor(number));
            Movement.step(player, command, 1.0 / 60, map);
        }
        return Math.hypot(TELEPORT_X - player.x(), TELEPORT_Y - player.y());
    }
}
