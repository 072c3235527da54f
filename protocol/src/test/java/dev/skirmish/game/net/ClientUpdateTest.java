package dev.skirmish.game.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class ClientUpdateTest {

    @Test
    void carriesTheAckedTickAndTheCommands() {
        InputCommand[] commands = new InputCommand[2];
        commands[0] = new InputCommand().setCommandNumber(11).setClientTimeMillis(200).setButtons(InputCommand.MOVE_UP)
                .setAimAngle(1.0).setFire(true);
        commands[1] = new InputCommand().setCommandNumber(10).setClientTimeMillis(183).setAimAngle(0.5);
        ClientUpdate sender = new ClientUpdate();
        int length = sender.encode(1234, commands, 2);
        ClientUpdate receiver = new ClientUpdate();
        InputCommand[] out = {new InputCommand(), new InputCommand(), new InputCommand(), new InputCommand()};
        assertEquals(2, receiver.decode(sender.buffer(), 0, length, out));
        assertEquals(1234, receiver.ackedSnapshotTick());
        assertTrue(out[0].sameAs(commands[0]));
        assertEquals(10, out[1].commandNumber());
    }

    @Test
    void acceptsNoSnapshotYetAndRefusesOtherNegativeTicks() {
        InputCommand[] commands = {new InputCommand().setCommandNumber(0)};
        ClientUpdate update = new ClientUpdate();
        InputCommand[] out = {new InputCommand(), new InputCommand(), new InputCommand(), new InputCommand()};
        int length = update.encode(ClientUpdate.NO_SNAPSHOT, commands, 1);
        update.decode(update.buffer(), 0, length, out);
        assertEquals(ClientUpdate.NO_SNAPSHOT, update.ackedSnapshotTick());
        byte[] bad = update.buffer().clone();
        bad[0] = (byte) 0xFF;
        bad[3] = (byte) 0xF0;
        assertThrows(WireFormatException.class, () -> update.decode(bad, 0, length, out));
        assertThrows(WireFormatException.class, () -> update.decode(bad, 0, 3, out));
    }
}
