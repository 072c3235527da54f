package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.MapInfo;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.wire.Quantization;
import dev.skirmish.transport.Connection;
import dev.skirmish.transport.DatagramSink;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.MessageHandler;
import dev.skirmish.transport.NetworkNode;
import dev.skirmish.transport.TransportConfig;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A playing client's steady state does not allocate beyond its statistics refresh (four small records
 * a second): ticks, input sampling, prediction, updates, snapshot decoding, interpolation,
 * reconciliation and frame publishing reuse their objects. A bare server endpoint is wired back to back
 * with the client through one reused buffer, and the thread's allocation counter is read around many
 * ticks after a warm-up.
 */
class SteadyStateAllocationTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 7777);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 50000);
    private static final long TICK_NANOS = 1_000_000_000L / GameConstants.DEFAULT_TICK_RATE_HZ;
    /** Two statistics records (client and connection, about 320 bytes) every 15 ticks: about 21 bytes a tick. */
    private static final double ALLOWED_BYTES_PER_TICK = 40;

    private final ByteBuffer wire = ByteBuffer.allocate(65_536);
    private long now;
    private long inputsReceived;
    private final MessageHandler countInputs = (connection, channel, payload) -> inputsReceived++;

    /** Moves datagrams straight into the other node. */
    private final class Forward implements DatagramSink {
        final NetworkNode target;
        final InetSocketAddress from;

        Forward(NetworkNode target, InetSocketAddress from) {
            this.target = target;
            this.from = from;
        }

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            wire.clear();
            wire.put(datagram).flip();
            target.receive(now, from, wire);
        }
    }

    @Test
    void aPlayingClientAllocatesOnlyItsStatistics() {
        com.sun.management.ThreadMXBean threads = threadBean();
        TestWorlds.World world = TestWorlds.openRoom();
        Endpoint server = Endpoint.server(GameChannels.transportConfig(TransportConfig.lan()), new SplittableRandom(1));
        InputSource walker = (view, command) -> command.setButtons(
                (view.lastCommandNumber() / 30) % 2 == 0 ? InputCommand.MOVE_RIGHT : InputCommand.MOVE_LEFT)
                .setFire(true).setAimAngle(view.lastCommandNumber() * 0.01);
        GameClient client = new GameClient(GameClientConfig.builder("steady")
                .transport(GameChannels.transportConfig(TransportConfig.lan())).build(), walker, new SplittableRandom(2));
        Forward toServer = new Forward(server, CLIENT);
        Forward toClient = new Forward(client, SERVER);
        client.connect(now, SERVER);
        for (int i = 0; i < 20 && server.connections().isEmpty(); i++) {
            exchange(client, server, toServer, toClient);
        }
        Connection serverSide = server.connections().get(0);
        GameMessageCodec codec = new GameMessageCodec();
        serverSide.send(GameChannels.EVENTS, codec.encode(new Welcome(0, GameConstants.DEFAULT_TICK_RATE_HZ, 0, 8)));
        serverSide.send(GameChannels.EVENTS, codec.encode(new MapInfo("test", world.text())));

        Snapshot snapshot = new Snapshot();
        SnapshotEncoder encoder = new SnapshotEncoder();
        run(client, server, serverSide, toServer, toClient, snapshot, encoder, 1, 3_000);
        assertEquals(ClientPhase.PLAYING, client.phase());
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int ticks = 6_000;
        run(client, server, serverSide, toServer, toClient, snapshot, encoder, 3_001, ticks);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        ClientStats stats = client.stats(now);
        assertTrue(stats.snapshotsReceived() > 8_000, stats.toString());
        assertTrue(inputsReceived > 8_000, "inputs flowed: " + inputsReceived);
        assertTrue(client.view().localKnown() && client.view().otherCount() == 1, "predicting and interpolating");
        double perTick = (double) allocated / ticks;
        assertTrue(perTick < ALLOWED_BYTES_PER_TICK, "steady state allocated " + allocated + " bytes over " + ticks
                + " ticks (" + perTick + " per tick)");
    }

    /** Ticks from {@code firstTick}: the server sends a full snapshot of two players, then both sides run. */
    private void run(GameClient client, Endpoint server, Connection serverSide, Forward toServer, Forward toClient,
                     Snapshot snapshot, SnapshotEncoder encoder, int firstTick, int ticks) {
        for (int tick = firstTick; tick < firstTick + ticks; tick++) {
            snapshot.clear(tick).setLastProcessedCommand(Math.max(Snapshot.NO_COMMAND, tick - 10));
            snapshot.addPlayer(0).set(Quantization.positionCode(300), Quantization.positionCode(300), 0, 100, true, 1, 0,
                    Weapon.RIFLE);
            snapshot.addPlayer(1).set(Quantization.positionCode(200 + tick % 100), Quantization.positionCode(400),
                    tick % 1024, 100, true, 1, 0, Weapon.RIFLE);
            int length = encoder.encode(snapshot, null);
            serverSide.send(GameChannels.SNAPSHOTS, encoder.buffer(), 0, length);
            now = tick * TICK_NANOS;
            exchange(client, server, toServer, toClient);
            serverSide.receive(countInputs);
        }
    }

    private void exchange(GameClient client, Endpoint server, Forward toServer, Forward toClient) {
        if (server.nextTimeoutNanos() - now <= 0) {
            server.handleTimeout(now);
        }
        server.poll(now, toClient);
        if (client.nextTimeoutNanos() - now <= 0) {
            client.handleTimeout(now);
        }
        client.poll(now, toServer);
        server.pollEvent();
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }
}
