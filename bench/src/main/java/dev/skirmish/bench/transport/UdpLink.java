package dev.skirmish.bench.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.SplittableRandom;

/**
 * The raw UDP baseline: one message per datagram on a connected blocking {@link DatagramChannel},
 * best effort. With a loss rate, a seeded share of datagrams is dropped just before the socket (data
 * flows one way only, so this is the same share per direction as the other transports see). Send
 * errors are counted and the message treated as lost.
 */
final class UdpLink extends BlockingSocketLink {
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final double lossRate;
    private final SplittableRandom dropRandom;
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(65_536);
    private DatagramChannel sender;
    private DatagramChannel receiver;

    UdpLink(double lossRate, long seed) {
        this.lossRate = lossRate;
        this.dropRandom = new SplittableRandom(seed);
    }

    @Override
    public void open(DeliveryCheck check) throws IOException {
        receiver = DatagramChannel.open();
        receiver.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
        receiver.bind(new InetSocketAddress("127.0.0.1", 0));
        sender = DatagramChannel.open();
        sender.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        sender.bind(new InetSocketAddress("127.0.0.1", 0));
        sender.connect(receiver.getLocalAddress());
        receiver.connect(sender.getLocalAddress());
        startReceiving(sender, receiver, () -> receive(check), "bench-udp-receiver");
    }

    private void receive(DeliveryCheck check) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        try {
            while (true) {
                buffer.clear();
                receiver.read(buffer);
                long now = System.nanoTime();
                buffer.flip();
                if (buffer.remaining() >= MessageStamp.LENGTH) {
                    check.accept(buffer, now);
                }
            }
        } catch (ClosedChannelException e) {
            // close() ends the run.
        } catch (IOException e) {
            throw new IllegalStateException("udp receive failed", e);
        }
    }

    @Override
    public boolean trySend(byte[] message) throws IOException {
        if (lossRate > 0 && dropRandom.nextDouble() < lossRate) {
            return true;
        }
        sendBuffer.clear();
        sendBuffer.put(message).flip();
        try {
            wireBytes += sender.write(sendBuffer);
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            // Best effort, like UdpHost: a datagram the kernel refused (a firewall drop shows up as
            // EPERM, an ICMP error as a refused connection) is a lost message, not a failed run.
            return true;
        }
        return true;
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public Long retransmits() {
        return 0L;
    }
}
