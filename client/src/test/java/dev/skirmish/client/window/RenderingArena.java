package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.InputSource;
import dev.skirmish.client.PlayerView;
import dev.skirmish.client.StandInServer;
import dev.skirmish.client.TestWorlds;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.udp.NanoClock;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A local game for the rendering tests, over real UDP on 127.0.0.1: the {@link StandInServer} (the
 * client module cannot depend on the server module) and two players that stand still at their spawns,
 * so the positions the test reads from the latest snapshot are where the screenshot shows them. The
 * first player doubles as the observer whose view gives everybody's position.
 */
final class RenderingArena implements AutoCloseable {

    final GameMap map;
    private final UdpHost serverHost;
    private final NanoClock clock = NanoClock.startingNow();
    private final List<GameClient> players = new ArrayList<>();
    private final List<UdpHost> playerHosts = new ArrayList<>();

    RenderingArena(long seed) throws IOException {
        this(seed, 2);
    }

    /** The server with {@code standingPlayers} players standing still (the first observes). */
    RenderingArena(long seed, int standingPlayers) throws IOException {
        this(seed, standingPlayers, TestWorlds.obstacles());
    }

    private RenderingArena(long seed, int standingPlayers, TestWorlds.World world) throws IOException {
        this(seed, standingPlayers, new StandInServer(seed, TransportConfig.lan(), world.map(), world.text(),
                GameConstants.DEFAULT_TICK_RATE_HZ), world.map());
    }

    /**
     * Any server node (the launcher's tests pass the real {@code GameServer}) playing {@code map}, with
     * {@code standingPlayers} players standing still.
     */
    RenderingArena(long seed, int standingPlayers, NetworkNode server, GameMap map) throws IOException {
        this.map = map;
        serverHost = UdpHost.bind(new InetSocketAddress("127.0.0.1", 0), server, UdpHostOptions.defaults());
        serverHost.start("rendering-server");
        for (int i = 0; i < standingPlayers; i++) {
            GameClient player = new GameClient(GameClientConfig.builder("stand-" + (i + 1)).build(), InputSource.IDLE,
                    new SplittableRandom(seed + i));
            UdpHost host = UdpHost.bind(new InetSocketAddress("127.0.0.1", 0), player,
                    UdpHostOptions.defaults().toBuilder().clock(clock).build());
            host.start("rendering-player-" + i);
            host.execute(() -> player.connect(clock.nowNanos(), address()));
            players.add(player);
            playerHosts.add(host);
        }
    }

    InetSocketAddress address() {
        return serverHost.localAddress();
    }

    String hostPort() {
        return "127.0.0.1:" + address().getPort();
    }

    /** Waits until the observer sees {@code count} players in all; returns their positions by id. */
    Map<Integer, double[]> awaitPlayers(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() - deadline < 0) {
            ClientView view = players.get(0).frames().latest();
            if (view.phase() == ClientPhase.PLAYING && view.localKnown() && view.otherCount() + 1 >= count) {
                Map<Integer, double[]> positions = new HashMap<>();
                positions.put(view.local().id(), new double[] {view.local().x(), view.local().y()});
                for (int i = 0; i < view.otherCount(); i++) {
                    PlayerView other = view.other(i);
                    if (other.alive()) {
                        positions.put(other.id(), new double[] {other.x(), other.y()});
                    }
                }
                if (positions.size() >= count) {
                    return positions;
                }
            }
            Thread.sleep(20);
        }
        fail("the observer never saw " + count + " players");
        return Map.of();
    }

    @Override
    public void close() {
        for (int i = 0; i < players.size(); i++) {
            GameClient player = players.get(i);
            playerHosts.get(i).execute(() -> player.close(clock.nowNanos()));
        }
        playerHosts.forEach(UdpHost::close);
        serverHost.close();
    }
}
