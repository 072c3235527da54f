package dev.skirmish.server;

import static dev.skirmish.server.SimulatedGame.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server, driven by a simulated network with several clients, ticks at exactly its rate in virtual time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TickRateTest {

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {10, 60, 128})
    void runsTicksAtExactlyTheConfiguredRate(int rateHz) {
        long seed = 77L + rateHz;
        ServerConfig config = ServerConfig.builder().tickRateHz(rateHz).build();
        SimulatedGame game = new SimulatedGame(seed, config, TestMaps.field())
                .links(LinkConditions.builder().delayMicros(20_000).jitterMicros(10_000).lossRate(0.05).build());
        for (int i = 0; i < 5; i++) {
            int buttons = 1 << (i % 4);
            game.addClient("bot" + i, (client, command) -> command.setButtons(buttons).setFire(true));
        }
        List<long[]> ticks = new ArrayList<>();
        long end = 3 * SECOND;
        while (game.network.nowNanos() < end && game.network.step()) {
            if (ticks.isEmpty() || ticks.get(ticks.size() - 1)[0] != game.server.tick()) {
                ticks.add(new long[] {game.server.tick(), game.network.nowNanos()});
            }
        }
        long expectedTicks = 3L * rateHz + 1;
        assertEquals(expectedTicks, ticks.size(), "seed " + seed + ": ticks 0.." + 3 * rateHz + " in 3 s inclusive");
        for (int k = 0; k < ticks.size(); k++) {
            assertEquals(k, ticks.get(k)[0], "tick numbers are consecutive");
            assertEquals(k * SECOND / rateHz, ticks.get(k)[1], "tick " + k + " runs at k / rate exactly");
        }
        assertEquals(0, game.server.ticksSkipped());
        assertEquals(5, game.server.playerCount(), game.describe());
        assertTrue(game.server.summary().commandsApplied() > 4L * 2 * rateHz, game.describe());
        for (ScriptedClient client : game.clients) {
            assertEquals(0, client.decodeFailures, client.toString());
            assertTrue(client.sent.stream().map(InputCommand::commandNumber).count() > rateHz, client.toString());
        }
    }
}
