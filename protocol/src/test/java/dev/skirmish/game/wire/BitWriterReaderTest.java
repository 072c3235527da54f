package dev.skirmish.game.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitWriterReaderTest {

    @Test
    void writesMostSignificantBitFirstWithZeroPadding() {
        BitWriter writer = new BitWriter(4);
        writer.writeBits(0b101, 3);
        writer.writeBits(0b01, 2);
        writer.writeBool(true);

        assertEquals(6, writer.bitPosition());
        assertEquals(1, writer.byteLength());
        assertEquals((byte) 0b1010_1100, writer.buffer()[0]);
    }

    @Test
    void roundTripsRandomMixedFields() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int fieldCount = 1 + random.nextInt(200);
            int[] kinds = new int[fieldCount];
            int[] widths = new int[fieldCount];
            int[] values = new int[fieldCount];
            BitWriter writer = new BitWriter(2048);
            for (int i = 0; i < fieldCount; i++) {
                kinds[i] = random.nextInt(5);
                widths[i] = 1 + random.nextInt(kinds[i] == 3 || kinds[i] == 4 ? 16 : 32);
                values[i] = randomValue(random, kinds[i], widths[i]);
                write(writer, kinds[i], widths[i], values[i]);
            }
            BitReader reader = new BitReader(writer.buffer(), 0, writer.byteLength());
            for (int i = 0; i < fieldCount; i++) {
                assertEquals(values[i], read(reader, kinds[i], widths[i]),
                        "seed " + seed + ": field " + i + " (kind " + kinds[i] + ", width " + widths[i] + ")");
            }
            assertEquals(writer.bitPosition(), reader.bitPosition(), "seed " + seed);
            reader.requireOnlyPadding();
        }
    }

    @Test
    void varIntsRoundTripExtremes() {
        int[] values = {0, 1, -1, 15, 16, Integer.MAX_VALUE, Integer.MIN_VALUE, 123_456_789};
        for (int chunk : new int[] {1, 3, 4, 7, 16}) {
            BitWriter writer = new BitWriter(256);
            for (int value : values) {
                writer.writeUnsignedVar(value, chunk);
                writer.writeSignedVar(value, chunk);
            }
            BitReader reader = new BitReader(writer.buffer(), 0, writer.byteLength());
            for (int value : values) {
                assertEquals(value, reader.readUnsignedVar(chunk), "unsigned, chunk " + chunk);
                assertEquals(value, reader.readSignedVar(chunk), "signed, chunk " + chunk);
            }
        }
    }

    @Test
    void smallVarIntsStayShort() {
        BitWriter writer = new BitWriter(8);
        writer.writeUnsignedVar(15, 4);
        assertEquals(5, writer.bitPosition());
        writer.writeSignedVar(-3, 4);
        assertEquals(10, writer.bitPosition());
    }

    @Test
    void readingPastTheEndThrowsWireFormatExceptionAtEveryWidth() {
        byte[] data = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF};
        for (int width = 1; width <= 32; width++) {
            BitReader reader = new BitReader(data, 1, 1);
            int fits = 8 / width;
            for (int i = 0; i < fits; i++) {
                reader.readBits(width);
            }
            int w = width;
            WireFormatException error = assertThrows(WireFormatException.class, () -> reader.readBits(w),
                    "width " + width);
            assertTrue(error.getMessage().contains("truncated"), error.getMessage());
        }
        BitReader empty = new BitReader(data, 3, 0);
        assertThrows(WireFormatException.class, empty::readBool);
        assertThrows(WireFormatException.class, () -> empty.readUnsignedVar(4));
    }

    @Test
    void readerStaysInsideItsRangeOfALargerArray() {
        byte[] data = {(byte) 0xFF, 0x00, (byte) 0xFF};
        BitReader reader = new BitReader(data, 1, 1);
        assertEquals(0, reader.readBits(8));
        assertThrows(WireFormatException.class, reader::readBool);
    }

    @Test
    void writingPastCapacityThrowsIllegalState() {
        BitWriter writer = new BitWriter(2);
        writer.writeBits(0x3FFF, 14);
        assertThrows(IllegalStateException.class, () -> writer.writeBits(0, 3));
        writer.writeBits(0b11, 2);
        assertThrows(IllegalStateException.class, () -> writer.writeBool(false));
        assertEquals(16, writer.bitPosition());
    }

    @Test
    void refusesValuesWiderThanTheirField() {
        BitWriter writer = new BitWriter(8);
        assertThrows(IllegalArgumentException.class, () -> writer.writeBits(8, 3));
        assertThrows(IllegalArgumentException.class, () -> writer.writeBits(-1, 31));
        assertThrows(IllegalArgumentException.class, () -> writer.writeSigned(4, 3));
        assertThrows(IllegalArgumentException.class, () -> writer.writeSigned(-5, 3));
        assertThrows(IllegalArgumentException.class, () -> writer.writeBits(0, 33));
        assertEquals(0, writer.bitPosition());
    }

    @Test
    void refusesOverlongVarInt() {
        BitWriter writer = new BitWriter(16);
        for (int i = 0; i < 9; i++) {
            writer.writeBool(true);
            writer.writeBits(0xF, 4);
        }
        writer.writeBool(false);
        writer.writeBits(0, 4);
        BitReader reader = new BitReader(writer.buffer(), 0, writer.byteLength());
        assertThrows(WireFormatException.class, () -> reader.readUnsignedVar(4));
    }

    @Test
    void requireOnlyPaddingRefusesTrailingBytesAndDirtyPadding() {
        BitReader trailing = new BitReader(new byte[] {0x00, 0x00}, 0, 2);
        trailing.readBits(3);
        assertThrows(WireFormatException.class, trailing::requireOnlyPadding);

        BitReader dirty = new BitReader(new byte[] {0b0000_0001}, 0, 1);
        dirty.readBits(3);
        assertThrows(WireFormatException.class, dirty::requireOnlyPadding);

        BitReader clean = new BitReader(new byte[] {(byte) 0b1110_0000}, 0, 1);
        assertEquals(0b111, clean.readBits(3));
        clean.requireOnlyPadding();
    }

    @Test
    void resetReusesTheBuffer() {
        BitWriter writer = new BitWriter(4);
        writer.writeBits(0xFFFF, 16);
        writer.reset();
        writer.writeBits(0b1, 1);
        assertEquals(1, writer.byteLength());
        assertArrayEquals(new byte[] {(byte) 0x80}, java.util.Arrays.copyOf(writer.buffer(), 1));
    }

    private static int randomValue(SplittableRandom random, int kind, int width) {
        switch (kind) {
            case 0: // unsigned
                return width == 32 ? random.nextInt() : random.nextInt(1 << Math.min(width, 30)) & (int) BitWriter.mask(width);
            case 1: // signed
                return width == 32 ? random.nextInt()
                        : (random.nextInt() >> (32 - width));
            case 2: // bool
                return random.nextBoolean() ? 1 : 0;
            default: // var-ints, any int
                return random.nextBoolean() ? random.nextInt() : random.nextInt(64) - 32;
        }
    }

    private static void write(BitWriter writer, int kind, int width, int value) {
        switch (kind) {
            case 0 -> writer.writeBits(value, width);
            case 1 -> writer.writeSigned(value, width);
            case 2 -> writer.writeBool(value != 0);
            case 3 -> writer.writeUnsignedVar(value, width);
            default -> writer.writeSignedVar(value, width);
        }
    }

    private static int read(BitReader reader, int kind, int width) {
        return switch (kind) {
            case 0 -> reader.readBits(width);
            case 1 -> reader.readSigned(width);
            case 2 -> reader.readBool() ? 1 : 0;
            case 3 -> reader.readUnsignedVar(width);
            default -> reader.readSignedVar(width);
        };
    }
}
