package dev.skirmish.bench.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The TCP baseline: a blocking {@link SocketChannel} with TCP_NODELAY, each message written with
 * one call as a frame:
 *
 * <pre>
 *   +------------------+---------------------+
 *   | length u32 (BE)  | message (length B)  |
 *   +------------------+---------------------+
 * </pre>
 *
 * Reliable and ordered by construction; loss is only possible below the socket (see the README's
 * network-namespace recipe), so retransmissions are not known here.
 */
final class TcpLink extends BlockingSocketLink {
    private static final int FRAME_HEADER_BYTES = 4;

    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(65_536 + FRAME_HEADER_BYTES);
    private SocketChannel sender;
    private SocketChannel receiver;

    @Override
    public void open(DeliveryCheck check) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            sender = SocketChannel.open(listener.getLocalAddress());
            receiver = listener.accept();
        }
        sender.setOption(StandardSocketOptions.TCP_NODELAY, true);
        receiver.setOption(StandardSocketOptions.TCP_NODELAY, true);
        startReceiving(sender, receiver, () -> receive(check), "bench-tcp-receiver");
    }

    private void receive(DeliveryCheck check) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try {
            while (true) {
                if (receiver.read(buffer) < 0) {
                    throw new EOFException();
                }
                long now = System.nanoTime();
                buffer.flip();
                while (buffer.remaining() >= FRAME_HEADER_BYTES) {
                    int length = buffer.getInt(buffer.position());
                    if (buffer.remaining() < FRAME_HEADER_BYTES + length) {
                        break;
                    }
                    buffer.position(buffer.position() + FRAME_HEADER_BYTES);
                    check.accept(buffer, now);
                    buffer.position(buffer.position() + length);
                }
                buffer.compact();
            }
        } catch (ClosedChannelException | EOFException e) {
            // close() ends the run.
        } catch (IOException e) {
            if (receiver.isOpen()) {
                throw new IllegalStateException("tcp receive failed", e);
            }
        }
    }

    @Override
    public boolean trySend(byte[] message) throws IOException {
        sendBuffer.clear();
        sendBuffer.putInt(message.length).put(message).flip();
        while (sendBuffer.hasRemaining()) {
            wireBytes += sender.write(sendBuffer);
        }
        return true;
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public Long retransmits() {
        return null;
    }
}
