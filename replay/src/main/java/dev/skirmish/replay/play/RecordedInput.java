package dev.skirmish.replay.play;

import dev.skirmish.client.ClientView;
import dev.skirmish.client.InputSource;
import dev.skirmish.game.input.InputCommand;

/**
 * The recorded player's input, as an {@link InputSource} for the replay client: each sample is the next
 * recorded command from a starting number on (buttons, aim, fire, weapon; the client stamps its own
 * number and times). A command the capture lacks is sampled as nothing pressed, which is what the
 * recorded server did with it: nothing. After the last recorded command, likewise.
 */
public final class RecordedInput implements InputSource {

    private final RecordedMatch match;
    private int next;

    /** Plays {@code match}'s commands from recorded number {@code firstNumber} on. */
    public RecordedInput(RecordedMatch match, int firstNumber) {
        this.match = match;
        this.next = firstNumber;
    }

    @Override
    public void sample(ClientView view, InputCommand command) {
        InputCommand recorded = match.command(next++);
        if (recorded == null) {
            return;
        }
        command.setButtons(recorded.buttons()).setAimCode(recorded.aimCode()).setFire(recorded.fire())
                .setWeapon(recorded.weapon());
    }
}
