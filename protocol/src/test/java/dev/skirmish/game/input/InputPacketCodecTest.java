package dev.skirmish.game.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.wire.BitWriter;
import dev.skirmish.game.wire.WireFormatException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class InputPacketCodecTest {

    private static final Logger LOG = LoggerFactory.getLogger(InputPacketCodecTest.class);

    private final InputPacketCodec codec = new InputPacketCodec();
    private final InputCommand[] decoded = commands(GameConstants.INPUT_REDUNDANCY);

    @Test
    void roundTripsRandomCommandRuns() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int count = 1 + random.nextInt(GameConstants.INPUT_REDUNDANCY);
            InputCommand[] sent = randomRun(random, count);

            int length = codec.encode(sent, count);
            int received = codec.decode(codec.buffer(), 0, length, decoded);

            assertEquals(count, received, "seed " + seed);
            for (int i = 0; i < count; i++) {
                assertTrue(sent[i].sameAs(decoded[i]), "seed " + seed + " command " + i + ": sent " + sent[i]
                        + " got " + decoded[i]);
            }
        }
    }

    @Test
    void typicalPacketsStaySmall() {
        InputCommand[] sent = commands(GameConstants.INPUT_REDUNDANCY);
        for (int i = 0; i < sent.length; i++) {
            sent[i].setCommandNumber(5000 - i).setClientTimeMillis(90_000 - 16 * i).setView(5400 - i / 2, 128)
                    .setButtons(InputCommand.MOVE_UP).setFire(true).setAimAngle(1.0 + i * 0.01);
        }
        int length = codec.encode(sent, sent.length);
        LOG.info("input packet with {} commands at 60 Hz: {} bytes", sent.length, length);
        assertTrue(length <= 40, "four typical commands took " + length + " bytes");
    }

    @Test
    void worstCasePacketFitsTheDeclaredBound() {
        InputCommand[] sent = commands(GameConstants.INPUT_REDUNDANCY);
        for (int i = 0; i < sent.length; i++) {
            sent[i].setCommandNumber(Integer.MAX_VALUE - i)
                    .setClientTimeMillis(Integer.MAX_VALUE - i * InputPacketCodec.MAX_COMMAND_GAP_MILLIS)
                    .setView(i % 2 == 0 ? Integer.MAX_VALUE : 0, 255).setButtons(15).setFire(true)
                    .setWeapon(Weapon.ROCKET_LAUNCHER).setAimCode(65535);
        }
        int length = codec.encode(sent, sent.length);
        assertTrue(length <= InputPacketCodec.MAX_PACKET_BYTES, length + " bytes");
    }

    @Test
    void aimIsHeldAsTheWireCodeSoBothSidesUseTheSameAngle() {
        InputCommand command = new InputCommand().setAimAngle(-0.5);
        InputCommand[] sent = {command};

        int length = codec.encode(sent, 1);
        codec.decode(codec.buffer(), 0, length, decoded);

        assertEquals(command.aimAngle(), decoded[0].aimAngle());
        assertTrue(command.aimAngle() > Math.PI, "wrapped into [0, 2 pi): " + command.aimAngle());
    }

    @Test
    void commandsRefuseNaNAndHugeValuesAtTheSource() {
        InputCommand command = new InputCommand();
        assertThrows(IllegalArgumentException.class, () -> command.setAimAngle(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> command.setAimAngle(Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> command.setAimAngle(1e9));
        assertThrows(IllegalArgumentException.class, () -> command.setCommandNumber(-1));
        assertThrows(IllegalArgumentException.class, () -> command.setClientTimeMillis(-5));
        assertThrows(IllegalArgumentException.class, () -> command.setButtons(16));
        assertThrows(IllegalArgumentException.class, () -> command.setView(0, 256));
        assertEquals(0, command.aimCode(), "refused values leave the command unchanged");
    }

    @Test
    void encoderRefusesRunsThatAreNotConsecutiveOrTooFarApart() {
        InputCommand[] gap = {new InputCommand().setCommandNumber(9), new InputCommand().setCommandNumber(7)};
        assertThrows(IllegalArgumentException.class, () -> codec.encode(gap, 2));

        InputCommand[] slow = {new InputCommand().setCommandNumber(9).setClientTimeMillis(5000),
                new InputCommand().setCommandNumber(8).setClientTimeMillis(1000)};
        assertThrows(IllegalArgumentException.class, () -> codec.encode(slow, 2));

        InputCommand[] backwards = {new InputCommand().setCommandNumber(9).setClientTimeMillis(100),
                new InputCommand().setCommandNumber(8).setClientTimeMillis(200)};
        assertThrows(IllegalArgumentException.class, () -> codec.encode(backwards, 2));
    }

    @Test
    void decoderRefusesAnUnknownWeapon() {
        byte[] packet = packet(w -> {
            header(w, 0, 10, 100, 5);
            command(w, 0, 0, false, 3, 0);
        });
        assertRefused(packet, "unknown weapon id 3");
    }

    @Test
    void decoderRefusesNegativeNumbersAndTimes() {
        assertRefused(packet(w -> {
            header(w, 0, -7, 100, 5);
            command(w, 0, 0, false, 0, 0);
        }), "negative");
        assertRefused(packet(w -> {
            header(w, 1, 0, 100, 5);
            command(w, 0, 0, false, 0, 0);
            w.writeUnsignedVar(1, 4);
            w.writeSignedVar(0, 4);
            command(w, 0, 0, false, 0, 0);
        }), "negative");
        assertRefused(packet(w -> {
            header(w, 0, 10, Integer.MIN_VALUE, 5);
            command(w, 0, 0, false, 0, 0);
        }), "client time");
        assertRefused(packet(w -> {
            header(w, 1, 10, 5, 5);
            command(w, 0, 0, false, 0, 0);
            w.writeUnsignedVar(9, 4);
            w.writeSignedVar(0, 4);
            command(w, 0, 0, false, 0, 0);
        }), "client time -4 is negative");
    }

    @Test
    void decoderRefusesHugeGapsBetweenCommands() {
        byte[] packet = packet(w -> {
            header(w, 1, 10, 1_000_000, 5);
            command(w, 0, 0, false, 0, 0);
            w.writeUnsignedVar(InputPacketCodec.MAX_COMMAND_GAP_MILLIS + 1, 4);
            w.writeSignedVar(0, 4);
            command(w, 0, 0, false, 0, 0);
        });
        assertRefused(packet, "ms apart");
    }

    @Test
    void decoderRefusesTruncatedAndPaddedPackets() {
        InputCommand[] sent = randomRun(new SplittableRandom(4), 3);
        int length = codec.encode(sent, 3);
        byte[] valid = Arrays.copyOf(codec.buffer(), length);

        for (int cut = 0; cut < length; cut++) {
            int c = cut;
            assertThrows(WireFormatException.class, () -> codec.decode(valid, 0, c, decoded), "cut to " + cut);
        }
        byte[] longer = Arrays.copyOf(valid, length + 1);
        assertThrows(WireFormatException.class, () -> codec.decode(longer, 0, longer.length, decoded));
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButWireFormatException() {
        SplittableRandom random = new SplittableRandom(77);
        byte[] data = new byte[InputPacketCodec.MAX_PACKET_BYTES];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(data);
            int length = random.nextInt(data.length);
            try {
                codec.decode(data, 0, length, decoded);
                accepted++;
            } catch (WireFormatException expected) {
                // dropped, as a server would
            }
        }
        assertTrue(accepted < 20_000);
    }

    private void assertRefused(byte[] packet, String reason) {
        WireFormatException error = assertThrows(WireFormatException.class,
                () -> codec.decode(packet, 0, packet.length, decoded));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    private static byte[] packet(Consumer<BitWriter> body) {
        BitWriter writer = new BitWriter(64);
        body.accept(writer);
        return Arrays.copyOf(writer.buffer(), writer.byteLength());
    }

    private static void header(BitWriter w, int countMinusOne, int number, int timeMillis, int viewTick) {
        w.writeBits(countMinusOne, 2);
        w.writeBits(number, 32);
        w.writeBits(timeMillis, 32);
        w.writeBits(viewTick, 32);
    }

    private static void command(BitWriter w, int fraction, int buttons, boolean fire, int weaponId, int aim) {
        w.writeBits(fraction, 8);
        w.writeBits(buttons, 4);
        w.writeBool(fire);
        w.writeBits(weaponId, 2);
        w.writeBits(aim, 16);
    }

    private static InputCommand[] randomRun(SplittableRandom random, int count) {
        InputCommand[] run = commands(count);
        int number = count - 1 + random.nextInt(1_000_000);
        int time = 1000 * count + random.nextInt(1_000_000);
        int view = 10 * count + random.nextInt(100_000);
        for (int i = 0; i < count; i++) {
            run[i].setCommandNumber(number - i)
                    .setClientTimeMillis(time)
                    .setView(view, random.nextInt(InputCommand.VIEW_FRACTION_STEPS))
                    .setButtons(random.nextInt(1 << InputCommand.BUTTON_BITS))
                    .setFire(random.nextBoolean())
                    .setWeapon(random.nextBoolean() ? Weapon.RIFLE : Weapon.ROCKET_LAUNCHER)
                    .setAimAngle(random.nextDouble(-10, 10));
            time -= random.nextInt(InputPacketCodec.MAX_COMMAND_GAP_MILLIS + 1);
            view -= random.nextInt(3) - (random.nextInt(20) == 0 ? 1 : 0);
        }
        return run;
    }

    private static InputCommand[] commands(int count) {
        InputCommand[] commands = new InputCommand[count];
        for (int i = 0; i < count; i++) {
            commands[i] = new InputCommand();
        }
        return commands;
    }
}
