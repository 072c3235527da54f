package dev.skirmish.game.input;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.wire.BitReader;
import dev.skirmish.game.wire.BitWriter;
import dev.skirmish.game.wire.WireFormatException;

/**
 * Encodes the client's most recent input commands into one small packet and decodes them on the
 * server, validating every field.
 *
 * <p>Each packet repeats the last {@link GameConstants#INPUT_REDUNDANCY} commands (newest first), so
 * a lost packet costs nothing as long as one of the next few arrives; the server applies each
 * command number once and skips the ones it already has. Command numbers in a packet are
 * consecutive, so only the newest is sent; older times and view ticks are sent as differences.
 * <pre>
 *   bits   field                                    rule on decode
 *   2      count - 1                                1..4 commands
 *   32     newest command number                    >= count - 1 (numbers never go negative)
 *   32     newest client time, ms                   >= 0
 *   32     newest view tick                         >= 0
 *   then for each command i = 0 (newest) .. count - 1:
 *     if i > 0:
 *       var4   time of command i-1 minus time of i   0..MAX_COMMAND_GAP_MILLIS, result >= 0
 *       svar4  view tick of i-1 minus view tick of i result >= 0
 *     8      view fraction (1/256 tick)
 *     4      buttons  (bit 3 right, 2 left, 1 down, 0 up)
 *     1      fire
 *     2      weapon id                               a known weapon
 *     16     aim, fraction of a turn
 *   zero padding to a whole byte; nothing after it
 * </pre>
 * {@code var4}: unsigned, 4-bit groups each after a continuation bit ({@link BitWriter#writeUnsignedVar});
 * {@code svar4}: the same, zigzag-signed. Aims travel as codes, so NaN cannot be encoded at all;
 * {@link InputCommand}'s setters refuse NaN and absurd values before they reach the encoder.
 *
 * <p>Malformed packets throw {@link WireFormatException} with the reason; the server counts and
 * drops them. An instance reuses its buffers and never allocates after construction; not thread-safe.
 */
public final class InputPacketCodec {

    /** Largest time between two consecutive commands a packet may carry; more means a broken client clock. */
    public static final int MAX_COMMAND_GAP_MILLIS = 1000;

    /** Upper bound of an encoded packet's size. */
    public static final int MAX_PACKET_BYTES = 64;

    private static final int COUNT_BITS = 2;
    private static final int VAR_CHUNK_BITS = 4;
    private static final int FRACTION_BITS = 8;

    static {
        if (GameConstants.INPUT_REDUNDANCY > 1 << COUNT_BITS) {
            throw new ExceptionInInitializerError("INPUT_REDUNDANCY does not fit the count field");
        }
    }

    private final BitWriter writer = new BitWriter(MAX_PACKET_BYTES);
    private final BitReader reader = new BitReader();

    /**
     * Encodes {@code commands[0..count)}, newest first with consecutive command numbers, into
     * {@link #buffer()}; returns the packet length in bytes.
     *
     * @throws IllegalArgumentException if the commands are not consecutive, run back in time, or
     *     lie further apart than {@link #MAX_COMMAND_GAP_MILLIS}
     */
    public int encode(InputCommand[] commands, int count) {
        if (count < 1 || count > GameConstants.INPUT_REDUNDANCY || count > commands.length) {
            throw new IllegalArgumentException("count must be 1.." + GameConstants.INPUT_REDUNDANCY + ", got " + count);
        }
        checkSequence(commands, count);
        InputCommand newest = commands[0];
        writer.reset();
        writer.writeBits(count - 1, COUNT_BITS);
        writer.writeBits(newest.commandNumber(), Integer.SIZE);
        writer.writeBits(newest.clientTimeMillis(), Integer.SIZE);
        writer.writeBits(newest.viewTick(), Integer.SIZE);
        for (int i = 0; i < count; i++) {
            InputCommand command = commands[i];
            if (i > 0) {
                writer.writeUnsignedVar(commands[i - 1].clientTimeMillis() - command.clientTimeMillis(), VAR_CHUNK_BITS);
                writer.writeSignedVar(commands[i - 1].viewTick() - command.viewTick(), VAR_CHUNK_BITS);
            }
            writer.writeBits(command.viewFraction(), FRACTION_BITS);
            writer.writeBits(command.buttons(), InputCommand.BUTTON_BITS);
            writer.writeBool(command.fire());
            writer.writeBits(command.weapon().wireId(), Weapon.WIRE_BITS);
            writer.writeBits(command.aimCode(), GameConstants.INPUT_AIM_BITS);
        }
        return writer.byteLength();
    }

    /** The array holding the last encoded packet in its first {@code encode(...)} bytes. */
    public byte[] buffer() {
        return writer.buffer();
    }

    /**
     * Decodes the packet in {@code data[offset, offset + length)} into {@code out[0..count)}, newest
     * first, and returns {@code count}. {@code out} must hold {@link GameConstants#INPUT_REDUNDANCY}
     * commands. On failure the contents of {@code out} are unspecified.
     *
     * @throws WireFormatException naming the field when the packet is malformed
     */
    public int decode(byte[] data, int offset, int length, InputCommand[] out) {
        if (out.length < GameConstants.INPUT_REDUNDANCY) {
            throw new IllegalArgumentException("out must hold " + GameConstants.INPUT_REDUNDANCY + " commands");
        }
        reader.wrap(data, offset, length);
        int count = reader.readBits(COUNT_BITS) + 1;
        int newestNumber = reader.readBits(Integer.SIZE);
        int newestTime = reader.readBits(Integer.SIZE);
        int newestView = reader.readBits(Integer.SIZE);
        if (newestNumber < count - 1) {
            throw new WireFormatException("newest command number " + newestNumber + " with " + count
                    + " commands would make numbers negative");
        }
        requireNonNegative(newestTime, "client time");
        requireNonNegative(newestView, "view tick");
        int time = newestTime;
        int view = newestView;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                int gapMillis = reader.readUnsignedVar(VAR_CHUNK_BITS);
                if (gapMillis < 0 || gapMillis > MAX_COMMAND_GAP_MILLIS) {
                    throw new WireFormatException("commands " + (newestNumber - i) + " and " + (newestNumber - i + 1)
                            + " are " + Integer.toUnsignedString(gapMillis) + " ms apart; at most "
                            + MAX_COMMAND_GAP_MILLIS + " allowed");
                }
                time -= gapMillis;
                view -= reader.readSignedVar(VAR_CHUNK_BITS);
                requireNonNegative(time, "client time");
                requireNonNegative(view, "view tick");
            }
            readCommand(out[i], newestNumber - i, time, view);
        }
        reader.requireOnlyPadding();
        return count;
    }

    private void readCommand(InputCommand command, int number, int timeMillis, int viewTick) {
        int fraction = reader.readBits(FRACTION_BITS);
        int buttons = reader.readBits(InputCommand.BUTTON_BITS);
        boolean fire = reader.readBool();
        int weaponId = reader.readBits(Weapon.WIRE_BITS);
        int aimCode = reader.readBits(GameConstants.INPUT_AIM_BITS);
        if (!Weapon.isWireId(weaponId)) {
            throw new WireFormatException("command " + number + " names unknown weapon id " + weaponId);
        }
        command.setCommandNumber(number)
                .setClientTimeMillis(timeMillis)
                .setView(viewTick, fraction)
                .setButtons(buttons)
                .setFire(fire)
                .setWeapon(Weapon.byWireId(weaponId))
                .setAimCode(aimCode);
    }

    private static void requireNonNegative(int value, String what) {
        if (value < 0) {
            throw new WireFormatException(what + " " + value + " is negative");
        }
    }

    private static void checkSequence(InputCommand[] commands, int count) {
        for (int i = 1; i < count; i++) {
            InputCommand newer = commands[i - 1];
            InputCommand older = commands[i];
            if (older.commandNumber() != newer.commandNumber() - 1) {
                throw new IllegalArgumentException("commands must be consecutive, newest first: #"
                        + newer.commandNumber() + " then #" + older.commandNumber());
            }
            int gapMillis = newer.clientTimeMillis() - older.clientTimeMillis();
            if (gapMillis < 0 || gapMillis > MAX_COMMAND_GAP_MILLIS) {
                throw new IllegalArgumentException("command #" + older.commandNumber() + " is " + gapMillis
                        + " ms before #" + newer.commandNumber() + "; must be 0.." + MAX_COMMAND_GAP_MILLIS);
            }
        }
    }
}
