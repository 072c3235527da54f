package dev.skirmish.client.window;

import dev.skirmish.client.ClientView;
import dev.skirmish.client.InputSource;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;

/**
 * Keyboard and mouse as an {@link InputSource}: the render thread records what the GLFW callbacks
 * report (movement keys, aim, fire, weapon), the network thread samples it once per tick. Fields are
 * volatile single values, so each sample sees a recent, untorn value of each.
 */
final class WindowInput implements InputSource {

    private volatile int buttons;
    private volatile double aimAngle;
    private volatile boolean fire;
    private volatile Weapon weapon = Weapon.RIFLE;
    private volatile boolean suspended;

    @Override
    public void sample(ClientView view, InputCommand command) {
        if (suspended) {
            return;
        }
        command.setButtons(buttons).setAimAngle(aimAngle).setFire(fire).setWeapon(weapon);
    }

    /** Sets or clears a movement button ({@link InputCommand#MOVE_UP} ...). */
    void setButton(int mask, boolean held) {
        buttons = held ? buttons | mask : buttons & ~mask;
    }

    void setAimAngle(double radians) {
        aimAngle = radians;
    }

    void setFire(boolean held) {
        fire = held;
    }

    void setWeapon(Weapon chosen) {
        weapon = chosen;
    }

    /** While suspended (menu open), the player stands still and holds fire. */
    void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }
}
