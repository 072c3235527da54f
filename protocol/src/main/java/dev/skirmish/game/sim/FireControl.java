package dev.skirmish.game.sim;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;

/**
 * The fire-rate rule: decides, once per command, whether a player's weapon fires.
 *
 * <p>Per step: a weapon change puts the new weapon in hand and holds fire for at least
 * {@link GameConstants#WEAPON_SWITCH_SECONDS}; a living player holding fire whose cooldown has run
 * out fires at the start of the step, adding the weapon's interval to the cooldown; then the
 * cooldown runs down by the step. While fire is held the cooldown may dip below zero by less than a
 * step, and that carry counts toward the next shot, so the average rate equals the weapon's rate
 * even when the interval is not a whole number of ticks. When fire is released the cooldown rests
 * at 0, so idle time cannot be banked into a burst.
 *
 * <p>Run it after {@link Movement#step} for the same command: the shot leaves from the position the
 * command moved to. Server and client prediction call it alike.
 */
public final class FireControl {

    /** Cooldowns this close to zero count as run out, so rounding cannot delay a shot by a step. */
    private static final double READY_SLOP_SECONDS = 1e-9;

    private FireControl() {
    }

    /** Updates {@code player}'s weapon and cooldown for {@code command}; returns true if the weapon fires. */
    public static boolean tryFire(PlayerState player, InputCommand command, double dtSeconds) {
        if (!(dtSeconds > 0 && dtSeconds <= GameConstants.MAX_STEP_SECONDS)) {
            throw new IllegalArgumentException("step must be in (0, " + GameConstants.MAX_STEP_SECONDS
                    + "] seconds, got " + dtSeconds);
        }
        double cooldown = player.fireCooldownSeconds();
        if (command.weapon() != player.weapon()) {
            player.setWeapon(command.weapon());
            cooldown = Math.max(cooldown, GameConstants.WEAPON_SWITCH_SECONDS);
        }
        boolean holding = player.alive() && command.fire();
        boolean fires = holding && cooldown <= READY_SLOP_SECONDS;
        if (fires) {
            cooldown += player.weapon().fireIntervalSeconds();
        }
        cooldown -= dtSeconds;
        if (cooldown < 0 && !holding) {
            cooldown = 0;
        }
        player.setFireCooldownSeconds(cooldown);
        return fires;
    }
}
