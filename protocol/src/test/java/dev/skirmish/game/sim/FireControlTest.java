package dev.skirmish.game.sim;

import static dev.skirmish.game.sim.HitscanRifleTest.player;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import org.junit.jupiter.api.Test;

class FireControlTest {

    @Test
    void rifleFiresTenTimesASecondWhileFireIsHeld() {
        assertEquals(10, shotsIn(60, 60, Weapon.RIFLE));
    }

    @Test
    void rocketLauncherFiresAtItsSlowerRate() {
        int ticks = 5 * 60;
        int expected = (int) Math.ceil(5 / GameConstants.ROCKET_FIRE_INTERVAL_SECONDS);
        assertEquals(expected, shotsIn(ticks, 60, Weapon.ROCKET_LAUNCHER));
    }

    @Test
    void averageRateHoldsWhenTheIntervalIsNotAWholeNumberOfTicks() {
        int shots = shotsIn(64 * 10, 64, Weapon.RIFLE);
        assertTrue(Math.abs(shots - 100) <= 1, "shots in 10 s at 64 Hz: " + shots);
    }

    @Test
    void firstShotIsImmediateAndIdleTimeIsNotBanked() {
        PlayerState shooter = player(0, 100, 100, 0);
        InputCommand idle = new InputCommand();
        InputCommand fire = new InputCommand().setFire(true);
        double tick = 1.0 / 60;

        assertTrue(FireControl.tryFire(shooter, fire, tick));
        for (int i = 0; i < 600; i++) {
            FireControl.tryFire(shooter, idle, tick);
        }
        assertTrue(FireControl.tryFire(shooter, fire, tick));
        assertFalse(FireControl.tryFire(shooter, fire, tick), "one shot, not a burst of banked ones");
    }

    @Test
    void switchingWeaponsHoldsFireBriefly() {
        PlayerState shooter = player(0, 100, 100, 0);
        InputCommand fireRocket = new InputCommand().setFire(true).setWeapon(Weapon.ROCKET_LAUNCHER);
        double tick = 1.0 / 60;

        int ticksUntilShot = 1;
        while (!FireControl.tryFire(shooter, fireRocket, tick)) {
            ticksUntilShot++;
        }

        assertEquals(Weapon.ROCKET_LAUNCHER, shooter.weapon());
        assertEquals(Math.round(GameConstants.WEAPON_SWITCH_SECONDS * 60) + 1, ticksUntilShot);
    }

    @Test
    void theDeadDoNotFire() {
        PlayerState shooter = player(0, 100, 100, 0);
        shooter.applyDamage(GameConstants.MAX_HEALTH);

        assertFalse(FireControl.tryFire(shooter, new InputCommand().setFire(true), 1.0 / 60));
    }

    private static int shotsIn(int ticks, int tickRateHz, Weapon weapon) {
        PlayerState shooter = player(0, 100, 100, 0).setWeapon(weapon);
        InputCommand command = new InputCommand().setFire(true).setWeapon(weapon);
        int shots = 0;
        for (int i = 0; i < ticks; i++) {
            shots += FireControl.tryFire(shooter, command, 1.0 / tickRateHz) ? 1 : 0;
        }
        return shots;
    }
}
