package dev.skirmish.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientStats;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.bot.BotBrain;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.KillFeed;
import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.server.GameServer;
import dev.skirmish.server.ServerConfig;
import dev.skirmish.server.world.PlayerStanding;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole match in virtual time: the real server and 16 bots (the real client state machine with the
 * bot brain) over the simulated network with 50 ms RTT and 5 % loss each way, for 60 s. Nobody may
 * disconnect, every client must see the same kill feed in the same order, exactly once, one entry per
 * death the server counted, and every client's scoreboard must agree with the server's standings.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WholeMatchSimulationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int BOTS = 16;
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 7777);

    @Test
    void sixteenBotsPlayAMinuteAtFivePercentLossAndAgreeWithTheServer() throws Exception {
        long seed = 2026;
        SimulatedNetwork network = new SimulatedNetwork(seed);
        SplittableRandom random = new SplittableRandom(seed);
        ServerConfig config = ServerConfig.builder().maxPlayers(32).matchSeconds(300).build();
        GameServer server = new GameServer(config, ShippedMaps.load("arena"), random.split(), () -> 0L);
        network.attach(SERVER, server);
        LinkConditions link = LinkConditions.builder().delayMicros(25_000).jitterMicros(2_000).lossRate(0.05).build();

        List<GameClient> clients = new ArrayList<>();
        List<List<GameMessage>> received = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            InetSocketAddress address = new InetSocketAddress("127.0.1." + (i + 1), 40_000 + i);
            GameClient client = new GameClient(GameClientConfig.builder("bot-" + i).build(), new BotBrain(seed + i),
                    random.split());
            List<GameMessage> log = new ArrayList<>();
            client.setMessageListener(log::add);
            network.attach(address, client);
            network.setLinkBothWays(address, SERVER, link);
            client.connect(network.nowNanos(), SERVER);
            clients.add(client);
            received.add(log);
        }
        String context = "seed " + seed;
        assertTrue(network.runUntil(() -> clients.stream().allMatch(c -> c.phase() == ClientPhase.PLAYING),
                10 * SECOND), context + ": not every bot joined");
        long joinedAt = network.nowNanos();
        int killsBeforeEveryoneJoined = totalKills(server.standings());

        network.runFor(60 * SECOND);

        for (GameClient client : clients) {
            assertEquals(ClientPhase.PLAYING, client.phase(), context + ": " + client.config() + " left: " + client.failure());
        }
        assertEquals(BOTS, server.playerCount(), context + ": the server lost players");
        List<PlayerStanding> standings = server.standings();
        int serverKills = totalKills(standings);
        assertTrue(serverKills > killsBeforeEveryoneJoined, context + ": the bots never fought");
        assertEquals(0, killsBeforeEveryoneJoined, context + ": a kill happened before every bot had joined");

        // Events keep coming while the bots fight; wait for an instant at which every client has
        // caught up with the server: the same number of kills, and the same scores.
        assertTrue(network.runUntil(() -> everyoneAgrees(server, clients, received), 10 * SECOND),
                () -> context + ": the clients never caught up with the server's kills and scores: server "
                        + server.standings() + ", kill feeds seen " + received.stream().map(l -> kills(l).size()).toList()
                        + ", scores seen by bot-0 " + server.standings().stream()
                        .map(p -> clients.get(0).view().score(p.playerId())).toList());
        standings = server.standings();
        serverKills = totalKills(standings);
        List<KillFeed> reference = kills(received.get(0));
        for (int i = 0; i < BOTS; i++) {
            assertEquals(reference, kills(received.get(i)), context + ": bot-" + i + " saw a different kill feed");
            assertPlayersJoinedOnce(received.get(i), context + ": bot-" + i);
        }

        ClientStats worst = null;
        for (GameClient client : clients) {
            ClientStats stats = client.stats(network.nowNanos());
            if (worst == null || stats.largestCorrectionUnits() > worst.largestCorrectionUnits()) {
                worst = stats;
            }
            for (PlayerStanding standing : standings) {
                assertEquals(standing.score(), client.view().score(standing.playerId()),
                        context + ": " + standing.name() + "'s score as seen by " + client.config());
            }
        }
        long seconds = (network.nowNanos() - joinedAt) / SECOND;
        long downBytes = server.summary().bytesOut();
        System.out.printf("whole match, %s: %d kills; per client %.1f kbit/s down (all server bytes / bots / %d s);"
                        + " worst prediction correction %.2f units; rtt %.1f ms%n", context, serverKills,
                downBytes * 8.0 / 1000 / BOTS / seconds, seconds, worst.largestCorrectionUnits(), worst.rttMillis());
    }

    private static boolean everyoneAgrees(GameServer server, List<GameClient> clients, List<List<GameMessage>> logs) {
        List<PlayerStanding> standings = server.standings();
        int serverDeaths = totalDeaths(standings);
        for (int i = 0; i < clients.size(); i++) {
            if (kills(logs.get(i)).size() != serverDeaths) {
                return false;
            }
            for (PlayerStanding standing : standings) {
                if (clients.get(i).view().score(standing.playerId()) != standing.score()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every death is announced by one KillFeed (a rocket suicide too, which is a death but no kill). */
    private static int totalDeaths(List<PlayerStanding> standings) {
        return standings.stream().mapToInt(PlayerStanding::deaths).sum();
    }

    private static int totalKills(List<PlayerStanding> standings) {
        return standings.stream().mapToInt(PlayerStanding::kills).sum();
    }

    private static List<KillFeed> kills(List<GameMessage> log) {
        List<KillFeed> kills = new ArrayList<>();
        for (GameMessage message : log) {
            if (message instanceof KillFeed kill) {
                kills.add(kill);
            }
        }
        return kills;
    }

    private static void assertPlayersJoinedOnce(List<GameMessage> log, String context) {
        Set<Integer> joined = new HashSet<>();
        for (GameMessage message : log) {
            if (message instanceof PlayerJoined join) {
                assertTrue(joined.add(join.playerId()), context + ": PlayerJoined " + join.playerId() + " twice");
            }
        }
    }
}
