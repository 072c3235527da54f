package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.server.input.InputRejection;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lag compensation test: over a simulated network with 100 ms round trip, a client aims
 * at where its interpolated display shows a moving target and fires once. With compensation the
 * server rewinds the target to that view and the shot hits; with compensation off the identical shot
 * misses, because the target has walked on by the time the command arrives.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LagCompensationTest {

    private static final long SEED = 20_240_601L;
    private static final LinkConditions HALF_RTT = LinkConditions.builder().delayMicros(50_000).build();

    /** What one run produced. */
    private record Outcome(InputCommand shot, double displayedX, double presentXWhenResolved, int targetHealth,
                           long shotsHit, long viewClamps) {
    }

    /** A shooter that fires once, at the target's displayed position, when it has seen the target walk a while. */
    private static final class Marksman implements ScriptedClient.Script {
        final GameServer server;
        int targetId = -1;
        InputCommand shot;
        double displayedX;

        Marksman(GameServer server) {
            this.server = server;
        }

        @Override
        public void fill(ScriptedClient client, InputCommand command) {
            if (shot != null || targetId < 0 || client.newest() == null) {
                return;
            }
            PlayerSnapshot self = client.newest().findPlayer(client.playerId());
            double view = command.viewTick() + command.viewFraction() / (double) InputCommand.VIEW_FRACTION_STEPS;
            double[] target = client.displayedPosition(targetId, view);
            if (self == null || target == null || target[0] < 300) {
                return;
            }
            command.setAimAngle(StrictMath.atan2(target[1] - self.y(), target[0] - self.x())).setFire(true);
            shot = new InputCommand().copyFrom(command);
            displayedX = target[0];
        }
    }

    private Outcome play(int maxRewindMillis) {
        ServerConfig config = ServerConfig.builder().maxRewindMillis(maxRewindMillis).build();
        SimulatedGame game = new SimulatedGame(SEED, config, TestMaps.range()).links(HALF_RTT);
        ScriptedClient target = game.addClient("target", (c, command) -> command.setButtons(InputCommand.MOVE_RIGHT));
        assertTrue(game.runUntil(() -> target.welcome != null, 2 * SECOND), game.describe());
        Marksman marksman = new Marksman(game.server);
        marksman.targetId = target.playerId();
        game.addClient("shooter", marksman);
        assertTrue(game.runUntil(() -> game.server.world().shotsFired() == 1, 5 * SECOND), game.describe());
        double presentX = game.server.world().player(target.playerId()).state().x();
        game.runFor(SECOND / 10);
        return new Outcome(marksman.shot, marksman.displayedX, presentX,
                game.server.world().player(target.playerId()).state().health(), game.server.world().shotsHit(),
                game.server.rejections().get(InputRejection.VIEW_TICK_TOO_OLD)
                        + game.server.rejections().get(InputRejection.VIEW_TICK_IN_FUTURE));
    }

    @Test
    void aShotAtWhereTheShooterSawAMovingTargetHitsOnlyWithCompensation() {
        Outcome compensated = play(200);
        Outcome uncompensated = play(0);

        assertTrue(compensated.shot().sameAs(uncompensated.shot()),
                "the same shot both times: " + compensated.shot() + " vs " + uncompensated.shot());
        assertTrue(compensated.presentXWhenResolved() - compensated.displayedX() > 2 * GameConstants.PLAYER_RADIUS,
                "by the time the shot is resolved the target is more than a body width on: shown at "
                        + compensated.displayedX() + ", then at " + compensated.presentXWhenResolved());

        assertEquals(1, compensated.shotsHit(), "compensated: " + compensated);
        assertEquals(GameConstants.MAX_HEALTH - GameConstants.RIFLE_DAMAGE, compensated.targetHealth());
        assertEquals(0, compensated.viewClamps(), "100 ms RTT plus interpolation is within the 200 ms limit");

        assertEquals(0, uncompensated.shotsHit(), "uncompensated: " + uncompensated);
        assertEquals(GameConstants.MAX_HEALTH, uncompensated.targetHealth());
    }
}
