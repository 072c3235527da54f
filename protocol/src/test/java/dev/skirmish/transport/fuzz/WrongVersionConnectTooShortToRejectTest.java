package dev.skirmish.transport.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.Endpoint;
import dev.skirmish.transport.TransportConfig;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.PacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link EndpointFuzzTest}: a CONNECT of another protocol version that is shorter than a
 * REJECT (17 bytes) makes the server build a REJECT that would amplify it, and the amplification
 * guard throws {@link IllegalStateException} out of {@code Endpoint.receive}.
 */
class WrongVersionConnectTooShortToRejectTest {

    @Test
    void dropsAConnectOfAnotherVersionTooShortToAnswerWithoutThrowingOrReplying() {
        Endpoint server = Endpoint.server(TransportConfig.internet(), new SplittableRandom(1));
        // Version 2, type CONNECT, an 8-byte client id, then the checksum: 14 bytes.
        ByteBuffer datagram = ByteBuffer.allocate(PacketType.PREFIX_LENGTH + 8 + DatagramChecksum.LENGTH);
        datagram.put((byte) (PacketType.PROTOCOL_VERSION + 1)).put((byte) PacketType.CONNECT).putLong(42);
        new DatagramChecksum().append(datagram, 0);
        datagram.flip();
        InetSocketAddress from = new InetSocketAddress("10.0.0.2", 40001);

        assertDoesNotThrow(() -> server.receive(0, from, datagram));

        assertEquals(1, server.stats().drops(DropReason.WRONG_VERSION));
        List<Integer> replies = new ArrayList<>();
        server.poll(0, (to, reply) -> replies.add(reply.remaining()));
        assertTrue(replies.stream().allMatch(length -> length <= datagram.limit()),
                "replies " + replies + " to a request of " + datagram.limit() + " bytes");
    }
}
