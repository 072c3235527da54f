package dev.skirmish.transport;

import java.util.ArrayDeque;

/**
 * Recycles message buffers so that steady traffic allocates nothing. Arrays come in power-of-two
 * sizes from 64 bytes up; the pool keeps at most {@code maxRetainedBytes} and lets the garbage
 * collector have the rest, so a burst of large messages does not pin memory forever.
 * Single-threaded, like the endpoint that owns it.
 */
final class ByteArrayPool {
    private static final int MIN_SHIFT = 6;
    private static final int CLASSES = 31 - MIN_SHIFT;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ArrayDeque<byte[]>[] free = new ArrayDeque[CLASSES];
    private final long maxRetainedBytes;
    private long retainedBytes;

    ByteArrayPool(long maxRetainedBytes) {
        this.maxRetainedBytes = maxRetainedBytes;
        for (int i = 0; i < CLASSES; i++) {
            free[i] = new ArrayDeque<>();
        }
    }

    /** An array of at least {@code minLength} bytes (contents unspecified). */
    byte[] acquire(int minLength) {
        int sizeClass = sizeClass(minLength);
        byte[] array = free[sizeClass].pollLast();
        if (array == null) {
            return new byte[1 << (sizeClass + MIN_SHIFT)];
        }
        retainedBytes -= array.length;
        return array;
    }

    /** Returns an array obtained from {@link #acquire}. */
    void release(byte[] array) {
        if (array == null || Integer.bitCount(array.length) != 1 || array.length < (1 << MIN_SHIFT)) {
            return;
        }
        if (retainedBytes + array.length > maxRetainedBytes) {
            return;
        }
        retainedBytes += array.length;
        free[sizeClass(array.length)].addLast(array);
    }

    long retainedBytes() {
        return retainedBytes;
    }

    private static int sizeClass(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(length, 1) - 1);
        return Math.max(shift, MIN_SHIFT) - MIN_SHIFT;
    }
}
