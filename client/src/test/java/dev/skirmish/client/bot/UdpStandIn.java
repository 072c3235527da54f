package dev.skirmish.client.bot;

import dev.skirmish.client.StandInServer;
import dev.skirmish.client.TestWorlds;
import dev.skirmish.game.GameConstants;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.udp.UdpHost;
import dev.skirmish.transport.udp.UdpHostOptions;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The {@link StandInServer} test double on a real UDP socket at 127.0.0.1 (ephemeral port), on its own thread. */
final class UdpStandIn implements AutoCloseable {

    final StandInServer server;
    final UdpHost host;

    UdpStandIn(long seed, TransportConfig transport) throws IOException {
        TestWorlds.World world = TestWorlds.obstacles();
        server = new StandInServer(seed, transport, world.map(), world.text(), GameConstants.DEFAULT_TICK_RATE_HZ);
        host = UdpHost.bind(new InetSocketAddress("127.0.0.1", 0), server, UdpHostOptions.defaults());
        host.start("stand-in-server");
    }

    InetSocketAddress address() {
        return host.localAddress();
    }

    String hostPort() {
        return "127.0.0.1:" + host.localAddress().getPort();
    }

    @Override
    public void close() {
        host.close();
    }
}
