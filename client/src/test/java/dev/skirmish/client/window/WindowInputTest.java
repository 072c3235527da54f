package dev.skirmish.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientView;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import org.junit.jupiter.api.Test;

class WindowInputTest {

    private static InputCommand sample(WindowInput input) {
        InputCommand command = new InputCommand().setAimAngle(0.25).setWeapon(Weapon.RIFLE);
        input.sample(new ClientView(), command);
        return command;
    }

    @Test
    void keysMouseAndWeaponBecomeTheCommand() {
        WindowInput input = new WindowInput();
        input.setButton(InputCommand.MOVE_UP, true);
        input.setButton(InputCommand.MOVE_RIGHT, true);
        input.setAimAngle(1.5);
        input.setFire(true);
        input.setWeapon(Weapon.ROCKET_LAUNCHER);
        InputCommand command = sample(input);
        assertEquals(InputCommand.MOVE_UP | InputCommand.MOVE_RIGHT, command.buttons());
        assertEquals(1.5, command.aimAngle(), 1e-3);
        assertTrue(command.fire());
        assertEquals(Weapon.ROCKET_LAUNCHER, command.weapon());
        input.setButton(InputCommand.MOVE_UP, false);
        input.setFire(false);
        command = sample(input);
        assertEquals(InputCommand.MOVE_RIGHT, command.buttons());
        assertFalse(command.fire());
    }

    @Test
    void theOpenMenuHoldsThePlayerStillWithTheirLastAim() {
        WindowInput input = new WindowInput();
        input.setButton(InputCommand.MOVE_LEFT, true);
        input.setFire(true);
        input.setAimAngle(2.0);
        input.setSuspended(true);
        InputCommand command = sample(input);
        assertEquals(0, command.buttons());
        assertFalse(command.fire());
        assertEquals(0.25, command.aimAngle(), 1e-3, "the previous command's aim, as the client passed it in");
        input.setSuspended(false);
        assertEquals(InputCommand.MOVE_LEFT, sample(input).buttons());
    }
}
