package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.input.InputPacketCodec;
import dev.skirmish.game.sim.PlayerState;
import org.junit.jupiter.api.Test;

class CommandHistoryTest {

    private final CommandHistory history = new CommandHistory(8);

    private void append(int number, int timeMillis) {
        history.append(new InputCommand().setCommandNumber(number).setClientTimeMillis(timeMillis));
    }

    @Test
    void holdsTheNewestCommandsAndForgetsOlderOnes() {
        for (int number = 0; number < 12; number++) {
            append(number, number * 16);
        }
        assertEquals(11, history.newest());
        assertEquals(4, history.oldest());
        assertTrue(history.holds(4));
        assertFalse(history.holds(3));
        assertFalse(history.holds(12));
        assertEquals(7, history.get(7).commandNumber());
    }

    @Test
    void refusesAGapInCommandNumbers() {
        append(0, 0);
        assertThrows(IllegalArgumentException.class, () -> append(2, 32));
    }

    @Test
    void storesPredictionsPerCommand() {
        append(0, 0);
        append(1, 16);
        assertFalse(history.hasPrediction(1));
        history.recordPrediction(1, new PlayerState(0).setPosition(12, 34).setFireCooldownSeconds(0.05));
        assertTrue(history.hasPrediction(1));
        assertEquals(12, history.predictedX(1));
        assertEquals(34, history.predictedY(1));
        assertEquals(0.05, history.predictedCooldownSeconds(1));
        append(2, 32);
        assertFalse(history.hasPrediction(2), "a new command has no prediction yet");
    }

    @Test
    void newestFirstStopsAtACommandTooFarBackInTime() {
        append(0, 0);
        append(1, 16);
        append(2, 16 + InputPacketCodec.MAX_COMMAND_GAP_MILLIS + 1);
        append(3, 40 + InputPacketCodec.MAX_COMMAND_GAP_MILLIS);
        InputCommand[] out = new InputCommand[4];

        int count = history.newestFirst(out);
        assertEquals(2, count, "a stall between #1 and #2 cannot travel in one packet");
        assertEquals(3, out[0].commandNumber());
        assertEquals(2, out[1].commandNumber());
    }

    @Test
    void newestFirstTakesAtMostTheArrayLength() {
        for (int number = 0; number < 6; number++) {
            append(number, number * 16);
        }
        InputCommand[] out = new InputCommand[4];
        assertEquals(4, history.newestFirst(out));
        assertEquals(5, out[0].commandNumber());
        assertEquals(2, out[3].commandNumber());
    }
}
