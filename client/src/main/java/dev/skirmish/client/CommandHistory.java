package dev.skirmish.client;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.input.InputPacketCodec;
import dev.skirmish.game.sim.PlayerState;

/**
 * The client's recent input commands by number, each with what the prediction made of it: the local
 * player's position, fire cooldown and life after the command. Reconciliation compares the server's
 * result for a command with the prediction stored here and re-applies the commands after it.
 *
 * <p>Command {@code n} lives in slot {@code n mod capacity}; appending overwrites the oldest. Commands
 * must be appended with consecutive numbers. Preallocated; never allocates after construction.
 */
final class CommandHistory {

    private final InputCommand[] commands;
    private final int[] numbers;
    private final boolean[] predicted;
    private final double[] predictedX;
    private final double[] predictedY;
    private final double[] predictedCooldownSeconds;
    private final boolean[] predictedAlive;
    private final int mask;
    private int newest = -1;
    private int count;

    /** A history of {@code capacity} commands, a power of two of at least 8. */
    CommandHistory(int capacity) {
        if (capacity < 8 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 8, got " + capacity);
        }
        commands = new InputCommand[capacity];
        for (int i = 0; i < capacity; i++) {
            commands[i] = new InputCommand();
        }
        numbers = new int[capacity];
        predicted = new boolean[capacity];
        predictedX = new double[capacity];
        predictedY = new double[capacity];
        predictedCooldownSeconds = new double[capacity];
        predictedAlive = new boolean[capacity];
        mask = capacity - 1;
    }

    /** Stores a copy of {@code command}, whose number must follow the newest held; returns the copy. */
    InputCommand append(InputCommand command) {
        int number = command.commandNumber();
        if (count > 0 && number != newest + 1) {
            throw new IllegalArgumentException("command #" + number + " does not follow #" + newest);
        }
        int slot = number & mask;
        commands[slot].copyFrom(command);
        numbers[slot] = number;
        predicted[slot] = false;
        newest = number;
        count = Math.min(count + 1, commands.length);
        return commands[slot];
    }

    /** Whether command {@code number} is still held. */
    boolean holds(int number) {
        return count > 0 && number >= 0 && number <= newest && number > newest - count && numbers[number & mask] == number;
    }

    /** Command {@code number}; it must be held. */
    InputCommand get(int number) {
        requireHeld(number);
        return commands[number & mask];
    }

    /** Number of the newest command, or -1 if none. */
    int newest() {
        return newest;
    }

    /** Number of the oldest command held, or -1 if none. */
    int oldest() {
        return count == 0 ? -1 : newest - count + 1;
    }

    /** Stores what {@code state} is after command {@code number}, which must be held. */
    void recordPrediction(int number, PlayerState state) {
        requireHeld(number);
        int slot = number & mask;
        predicted[slot] = true;
        predictedX[slot] = state.x();
        predictedY[slot] = state.y();
        predictedCooldownSeconds[slot] = state.fireCooldownSeconds();
        predictedAlive[slot] = state.alive();
    }

    /** Whether a prediction is stored for command {@code number}. */
    boolean hasPrediction(int number) {
        return holds(number) && predicted[number & mask];
    }

    double predictedX(int number) {
        return predictedX[number & mask];
    }

    double predictedY(int number) {
        return predictedY[number & mask];
    }

    double predictedCooldownSeconds(int number) {
        return predictedCooldownSeconds[number & mask];
    }

    boolean predictedAlive(int number) {
        return predictedAlive[number & mask];
    }

    /**
     * Fills {@code out} with the newest commands, newest first, as many as fit (at most {@code out.length})
     * that an input packet can carry together: consecutive numbers, each at most
     * {@link InputPacketCodec#MAX_COMMAND_GAP_MILLIS} after the previous one. Returns how many.
     */
    int newestFirst(InputCommand[] out) {
        int filled = 0;
        for (int number = newest; filled < out.length && holds(number); number--) {
            InputCommand command = commands[number & mask];
            if (filled > 0) {
                int gapMillis = out[filled - 1].clientTimeMillis() - command.clientTimeMillis();
                if (gapMillis < 0 || gapMillis > InputPacketCodec.MAX_COMMAND_GAP_MILLIS) {
                    break;
                }
            }
            out[filled++] = command;
        }
        return filled;
    }

    private void requireHeld(int number) {
        if (!holds(number)) {
            throw new IllegalArgumentException("command #" + number + " is not held (newest #" + newest + ", "
                    + count + " held)");
        }
    }
}
