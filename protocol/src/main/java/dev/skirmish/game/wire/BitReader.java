package dev.skirmish.game.wire;

/**
 * Reads values written by {@link BitWriter} (most significant bit first) from a byte range.
 *
 * <p>Every read is bounds-checked against the range given to {@link #wrap}: reading past its end
 * throws {@link WireFormatException}, never an array index exception, so a truncated datagram is an
 * ordinary decode failure. A reader can be re-wrapped any number of times and never allocates.
 * Not thread-safe.
 */
public final class BitReader {

    private byte[] data = new byte[0];
    private int offset;
    private long limitBits;
    private long bitPosition;

    /** Creates a reader with nothing to read; call {@link #wrap} before reading. */
    public BitReader() {
    }

    /** Creates a reader over {@code data[offset, offset + length)}. */
    public BitReader(byte[] data, int offset, int length) {
        wrap(data, offset, length);
    }

    /** Points the reader at {@code data[offset, offset + length)}, positioned at its first bit. */
    public BitReader wrap(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException(
                    "range [" + offset + ", " + offset + "+" + length + ") outside array of " + data.length);
        }
        this.data = data;
        this.offset = offset;
        this.limitBits = (long) length * Byte.SIZE;
        this.bitPosition = 0;
        return this;
    }

    /** Reads an unsigned value of {@code bitCount} bits (0..32); 32 bits come back as a raw int. */
    public int readBits(int bitCount) {
        BitWriter.checkBitCount(bitCount);
        require(bitCount);
        long value = 0;
        int remaining = bitCount;
        while (remaining > 0) {
            int byteIndex = offset + (int) (bitPosition >>> 3);
            int bitInByte = (int) (bitPosition & 7);
            int available = Byte.SIZE - bitInByte;
            int take = Math.min(available, remaining);
            int bits = ((data[byteIndex] & 0xFF) >>> (available - take)) & ((1 << take) - 1);
            value = (value << take) | bits;
            remaining -= take;
            bitPosition += take;
        }
        return (int) value;
    }

    /** Reads a two's-complement value of {@code bitCount} bits (1..32), sign-extended. */
    public int readSigned(int bitCount) {
        if (bitCount < 1 || bitCount > Integer.SIZE) {
            throw new IllegalArgumentException("signed width must be 1..32 bits, got " + bitCount);
        }
        int raw = readBits(bitCount);
        int shift = Integer.SIZE - bitCount;
        return (raw << shift) >> shift;
    }

    /** Reads one bit. */
    public boolean readBool() {
        return readBits(1) != 0;
    }

    /** Reads a value written by {@link BitWriter#writeUnsignedVar}; refuses encodings longer than 32 bits. */
    public int readUnsignedVar(int chunkBits) {
        BitWriter.checkChunkBits(chunkBits);
        long value = 0;
        int shift = 0;
        boolean more;
        do {
            more = readBool();
            long chunk = readBits(chunkBits);
            if (shift >= Integer.SIZE || (chunk << shift) >>> Integer.SIZE != 0) {
                throw new WireFormatException("var-int longer than 32 bits at bit " + bitPosition);
            }
            value |= chunk << shift;
            shift += chunkBits;
        } while (more);
        return (int) value;
    }

    /** Reads a zigzag value written by {@link BitWriter#writeSignedVar}. */
    public int readSignedVar(int chunkBits) {
        int zigzag = readUnsignedVar(chunkBits);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    /** Bits read since the last wrap. */
    public long bitPosition() {
        return bitPosition;
    }

    /** Bits left before the end of the range. */
    public long remainingBits() {
        return limitBits - bitPosition;
    }

    /**
     * Checks that only the zero padding of the last byte is left, as {@link BitWriter} leaves it;
     * anything else means the data was longer than its format says.
     */
    public void requireOnlyPadding() {
        long remaining = remainingBits();
        if (remaining >= Byte.SIZE) {
            throw new WireFormatException((remaining >>> 3) + " trailing byte(s) after the end of the data");
        }
        if (readBits((int) remaining) != 0) {
            throw new WireFormatException("non-zero padding bits after the end of the data");
        }
    }

    private void require(int bitCount) {
        if (bitCount > remainingBits()) {
            throw new WireFormatException("truncated data: need " + bitCount + " bit(s) at bit " + bitPosition
                    + " but only " + remainingBits() + " remain");
        }
    }
}
