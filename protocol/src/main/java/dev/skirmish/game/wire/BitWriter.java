package dev.skirmish.game.wire;

/**
 * Writes values of any bit width into a reusable byte array, most significant bit first.
 *
 * <p>Bit order: the first bit written is the top bit (0x80) of byte 0; a value of {@code n} bits
 * is written from its bit {@code n-1} down to bit 0. The last byte is padded with zero bits, so
 * {@link #byteLength()} is {@code ceil(bitPosition / 8)}. {@link BitReader} reads the same order.
 * <pre>
 *   writeBits(0b101, 3); writeBits(0b01, 2); writeBool(true);
 *   byte 0:  1 0 1 0 1 1 0 0
 *            \___/ \_/ | \_/
 *              3    2  1  padding
 * </pre>
 *
 * <p>Writing never allocates; the array is fixed at construction and reused after
 * {@link #reset()}. Writing beyond the capacity throws {@link IllegalStateException}, because a
 * full writer means the caller sized its buffer wrong, not that a peer sent bad data. Values that
 * do not fit their declared width throw {@link IllegalArgumentException} instead of being
 * silently truncated. Not thread-safe.
 */
public final class BitWriter {

    private final byte[] buffer;
    private final long capacityBits;
    private long bitPosition;
    /** Bits written but not yet complete as a byte: fewer than 8, right-aligned. */
    private long pending;
    private int pendingBits;

    /** Creates a writer over a new array of {@code capacityBytes} bytes. */
    public BitWriter(int capacityBytes) {
        this(new byte[capacityBytes]);
    }

    /** Creates a writer over {@code buffer}, which it will overwrite from index 0. */
    public BitWriter(byte[] buffer) {
        this.buffer = buffer;
        this.capacityBits = (long) buffer.length * Byte.SIZE;
    }

    /** Forgets everything written; the next write goes to bit 0 again. */
    public void reset() {
        bitPosition = 0;
        pending = 0;
        pendingBits = 0;
    }

    /** Writes the low {@code bitCount} bits of {@code value} (0..32 bits), which must be unsigned and fit. */
    public void writeBits(int value, int bitCount) {
        checkBitCount(bitCount);
        if (bitCount < Integer.SIZE && (value >>> bitCount) != 0) {
            throw new IllegalArgumentException(
                    "value " + Integer.toUnsignedString(value) + " does not fit in " + bitCount + " unsigned bits");
        }
        put(value & 0xFFFF_FFFFL, bitCount);
    }

    /** Writes {@code value} as a two's-complement number of {@code bitCount} bits (1..32). */
    public void writeSigned(int value, int bitCount) {
        if (bitCount < 1 || bitCount > Integer.SIZE) {
            throw new IllegalArgumentException("signed width must be 1..32 bits, got " + bitCount);
        }
        int min = -(1 << (bitCount - 1));
        int max = (1 << (bitCount - 1)) - 1;
        if (bitCount < Integer.SIZE && (value < min || value > max)) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + bitCount + " signed bits");
        }
        put(value & mask(bitCount), bitCount);
    }

    /** Writes one bit: 1 for true. */
    public void writeBool(boolean value) {
        put(value ? 1 : 0, 1);
    }

    /**
     * Writes {@code value} (as unsigned 32 bits) in groups of {@code chunkBits} value bits, each group
     * preceded by a continuation bit that is 1 when another group follows; low groups first.
     * Small values stay short: with {@code chunkBits = 4}, 0..15 take 5 bits.
     */
    public void writeUnsignedVar(int value, int chunkBits) {
        checkChunkBits(chunkBits);
        int rest = value;
        do {
            int chunk = rest & (int) mask(chunkBits);
            rest >>>= chunkBits;
            writeBool(rest != 0);
            put(chunk, chunkBits);
        } while (rest != 0);
    }

    /** Writes {@code value} zigzag-mapped (0, -1, 1, -2, ... become 0, 1, 2, 3, ...) with {@link #writeUnsignedVar}. */
    public void writeSignedVar(int value, int chunkBits) {
        writeUnsignedVar((value << 1) ^ (value >> 31), chunkBits);
    }

    /** Number of bits written since the last reset. */
    public long bitPosition() {
        return bitPosition;
    }

    /** Number of bytes that hold what was written, the last one zero-padded. */
    public int byteLength() {
        return (int) ((bitPosition + 7) >>> 3);
    }

    /** The backing array; bytes {@code [0, byteLength())} are the encoded data. */
    public byte[] buffer() {
        return buffer;
    }

    /** Bits that can still be written before the writer is full. */
    public long remainingBits() {
        return capacityBits - bitPosition;
    }

    private void put(long value, int bitCount) {
        if (bitCount == 0) {
            return;
        }
        if (bitCount > remainingBits()) {
            throw new IllegalStateException("BitWriter full: cannot write " + bitCount + " bits at bit "
                    + bitPosition + " of a " + buffer.length + "-byte buffer");
        }
        pending = (pending << bitCount) | value;
        pendingBits += bitCount;
        int byteIndex = (int) (bitPosition >>> 3);
        while (pendingBits >= Byte.SIZE) {
            pendingBits -= Byte.SIZE;
            buffer[byteIndex++] = (byte) (pending >>> pendingBits);
        }
        pending &= mask(pendingBits);
        if (pendingBits > 0) {
            // Keep the partial byte in the array too, so byteLength() bytes are always complete.
            buffer[byteIndex] = (byte) (pending << (Byte.SIZE - pendingBits));
        }
        bitPosition += bitCount;
    }

    static long mask(int bitCount) {
        return bitCount == 0 ? 0 : (-1L >>> (Long.SIZE - bitCount));
    }

    static void checkBitCount(int bitCount) {
        if (bitCount < 0 || bitCount > Integer.SIZE) {
            throw new IllegalArgumentException("bit count must be 0..32, got " + bitCount);
        }
    }

    static void checkChunkBits(int chunkBits) {
        if (chunkBits < 1 || chunkBits > 16) {
            throw new IllegalArgumentException("var-int chunk must be 1..16 bits, got " + chunkBits);
        }
    }
}
