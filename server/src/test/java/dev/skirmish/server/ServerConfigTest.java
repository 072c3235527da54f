package dev.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skirmish.game.net.GameChannels;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsAreTheIssuesDefaults() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals(60, config.tickRateHz());
        assertEquals(1, config.snapshotIntervalTicks());
        assertEquals(32, config.maxPlayers());
        assertEquals(200, config.maxRewindMillis());
        assertEquals(12.0, config.maxRewindTicks());
        assertEquals(300 * 60, config.matchTicks());
    }

    @Test
    void theTransportAdmitsOneConnectionPerPlayerOnTheGamesChannels() {
        ServerConfig config = ServerConfig.builder().maxPlayers(5).build();
        assertEquals(5, config.transportConfig().maxConnections());
        assertEquals(GameChannels.transportConfig(config.transportProfile()).channels(),
                config.transportConfig().channels());
    }

    @Test
    void refusesValuesOutOfRangeNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.builder().tickRateHz(9).build());
        assertEquals("tick rate (Hz) must be 10..128, got 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().tickRateHz(129).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxPlayers(65).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().snapshotIntervalTicks(61).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxRewindMillis(1001).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().inputBacklogCommands(1).build());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ServerConfig config = ServerConfig.builder().tickRateHz(30).snapshotIntervalTicks(2).maxPlayers(4)
                .matchSeconds(60).maxRewindMillis(100).reconnectGraceSeconds(7).statusIntervalSeconds(3)
                .inputBacklogCommands(5).build();
        assertEquals(config.toString(), config.toBuilder().build().toString());
    }
}
