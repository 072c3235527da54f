package dev.skirmish.game.net;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.input.InputPacketCodec;
import dev.skirmish.game.wire.WireFormatException;

/**
 * The datagram a client sends every tick on {@link GameChannels#INPUT}: which snapshot it last
 * received (the server's delta baseline) and its newest input commands.
 *
 * <pre>
 * +---------------------------+----------------------------------------------+
 * | acked snapshot tick (i32) | input packet (InputPacketCodec, 1..4 cmds)   |
 * +---------------------------+----------------------------------------------+
 *   big-endian; -1 = no snapshot received yet
 * </pre>
 * One instance per client or per server connection loop; reuses its buffers, never allocates after
 * construction, not thread-safe.
 */
public final class ClientUpdate {
    /** Acked tick meaning "no snapshot yet": the server sends a full snapshot. */
    public static final int NO_SNAPSHOT = -1;
    /** Upper bound of an encoded update. */
    public static final int MAX_BYTES = 4 + InputPacketCodec.MAX_PACKET_BYTES;

    private final InputPacketCodec inputs = new InputPacketCodec();
    private final byte[] buffer = new byte[MAX_BYTES];
    private int ackedSnapshotTick;

    /** Encodes an update; returns its length in {@link #buffer()}. */
    public int encode(int ackedSnapshotTick, InputCommand[] newestFirst, int count) {
        writeInt(ackedSnapshotTick);
        int inputLength = inputs.encode(newestFirst, count);
        System.arraycopy(inputs.buffer(), 0, buffer, 4, inputLength);
        return 4 + inputLength;
    }

    public byte[] buffer() {
        return buffer;
    }

    /**
     * Decodes an update into {@code out} (newest first); returns the number of commands. The acked tick is
     * then available from {@link #ackedSnapshotTick()}.
     *
     * @throws WireFormatException if the update is malformed
     */
    public int decode(byte[] data, int offset, int length, InputCommand[] out) {
        if (length < 5) {
            throw new WireFormatException("client update of " + length + " bytes is too short");
        }
        ackedSnapshotTick = ((data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16)
                | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
        if (ackedSnapshotTick < NO_SNAPSHOT) {
            throw new WireFormatException("acked snapshot tick " + ackedSnapshotTick + " is negative");
        }
        return inputs.decode(data, offset + 4, length - 4, out);
    }

    public int ackedSnapshotTick() {
        return ackedSnapshotTick;
    }

    private void writeInt(int value) {
        buffer[0] = (byte) (value >>> 24);
        buffer[1] = (byte) (value >>> 16);
        buffer[2] = (byte) (value >>> 8);
        buffer[3] = (byte) value;
    }
}
