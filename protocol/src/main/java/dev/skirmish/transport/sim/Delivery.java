package dev.skirmish.transport.sim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One datagram in flight: a private copy of its bytes and where and when it lands. Pooled by
 * {@link DeliverySchedule}, so its byte array is reused from one datagram to the next.
 */
final class Delivery {

    private static final int INITIAL_CAPACITY = 2048;

    long atNanos;
    long sequence;
    InetSocketAddress from;
    InetSocketAddress to;
    DirectedLink link;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int length;

    void copyFrom(ByteBuffer source) {
        int n = source.remaining();
        ensureCapacity(n);
        source.get(source.position(), bytes, 0, n);
        length = n;
    }

    void copyFrom(byte[] source) {
        ensureCapacity(source.length);
        System.arraycopy(source, 0, bytes, 0, source.length);
        length = source.length;
    }

    /** Copies everything but the landing time and sequence, which scheduling assigns. */
    void copyFrom(Delivery other) {
        ensureCapacity(other.length);
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        length = other.length;
        from = other.from;
        to = other.to;
        link = other.link;
    }

    /** The datagram's bytes, for in-place corruption; only the first {@link #length()} count. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** A view of the datagram, rewound: valid until the next call or until this delivery is released. */
    ByteBuffer buffer() {
        view.clear().limit(length);
        return view;
    }

    void forget() {
        from = null;
        to = null;
        link = null;
    }

    private void ensureCapacity(int n) {
        if (n > bytes.length) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
            view = ByteBuffer.wrap(bytes);
        }
    }
}
