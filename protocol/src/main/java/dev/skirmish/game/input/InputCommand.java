package dev.skirmish.game.input;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.wire.Quantization;

/**
 * What one client asked for during one simulation tick: movement keys, aim, fire and weapon, stamped
 * with the client's command number and clock. Mutable so clients and servers can keep a ring of them
 * without allocating.
 *
 * <p>Each command stands for exactly one fixed tick ({@code 1 / tickRate} seconds) of simulation on
 * both sides; that is what makes client prediction replay the server's steps exactly. The aim is
 * held as its wire code ({@link GameConstants#INPUT_AIM_BITS} bits), so the angle the client predicts
 * with is the angle the server will decode.
 *
 * <p>Setters refuse values the wire cannot carry or the rules cannot mean (negative numbers, NaN or
 * absurdly large angles, unknown buttons) with {@link IllegalArgumentException}.
 */
public final class InputCommand {

    /** Button bit: move toward negative y (up the screen). */
    public static final int MOVE_UP = 1;
    /** Button bit: move toward positive y. */
    public static final int MOVE_DOWN = 1 << 1;
    /** Button bit: move toward negative x. */
    public static final int MOVE_LEFT = 1 << 2;
    /** Button bit: move toward positive x. */
    public static final int MOVE_RIGHT = 1 << 3;
    /** Width of the movement button set on the wire. */
    public static final int BUTTON_BITS = 4;
    /** Denominator of {@link #viewFraction()}. */
    public static final int VIEW_FRACTION_STEPS = 256;
    /**
     * Largest aim magnitude accepted, in radians; any finite angle would wrap, but beyond this a
     * double no longer holds the fraction of a turn precisely, so a larger value is a client bug.
     */
    public static final double MAX_AIM_RADIANS = 1.0e6;

    private int commandNumber;
    private int clientTimeMillis;
    private int buttons;
    private int aimCode;
    private boolean fire;
    private Weapon weapon = Weapon.RIFLE;
    private int viewTick;
    private int viewFraction;

    /** Creates command 0 with nothing pressed. */
    public InputCommand() {
    }

    /** Copies every field of {@code other} into this command. */
    public InputCommand copyFrom(InputCommand other) {
        commandNumber = other.commandNumber;
        clientTimeMillis = other.clientTimeMillis;
        buttons = other.buttons;
        aimCode = other.aimCode;
        fire = other.fire;
        weapon = other.weapon;
        viewTick = other.viewTick;
        viewFraction = other.viewFraction;
        return this;
    }

    /** Sequence number, counting up by one per command from 0; never negative. */
    public int commandNumber() {
        return commandNumber;
    }

    /** Sets the command number (0 or more). */
    public InputCommand setCommandNumber(int commandNumber) {
        if (commandNumber < 0) {
            throw new IllegalArgumentException("command number must be >= 0, got " + commandNumber);
        }
        this.commandNumber = commandNumber;
        return this;
    }

    /** Client clock when the command was sampled, in milliseconds since the client's session began. */
    public int clientTimeMillis() {
        return clientTimeMillis;
    }

    /** Sets the client time (0 or more milliseconds). */
    public InputCommand setClientTimeMillis(int clientTimeMillis) {
        if (clientTimeMillis < 0) {
            throw new IllegalArgumentException("client time must be >= 0 ms, got " + clientTimeMillis);
        }
        this.clientTimeMillis = clientTimeMillis;
        return this;
    }

    /** Movement buttons held, a set of {@link #MOVE_UP}, {@link #MOVE_DOWN}, {@link #MOVE_LEFT}, {@link #MOVE_RIGHT}. */
    public int buttons() {
        return buttons;
    }

    /** Whether all of {@code buttonMask} is held. */
    public boolean isHeld(int buttonMask) {
        return (buttons & buttonMask) == buttonMask;
    }

    /** Sets the movement buttons held. */
    public InputCommand setButtons(int buttons) {
        if ((buttons >>> BUTTON_BITS) != 0 || buttons < 0) {
            throw new IllegalArgumentException("unknown button bits in " + Integer.toBinaryString(buttons));
        }
        this.buttons = buttons;
        return this;
    }

    /** Aim angle in radians, {@code [0, 2 pi)}, as the wire carries it. */
    public double aimAngle() {
        return Quantization.angle(aimCode, GameConstants.INPUT_AIM_BITS);
    }

    /** Aim as a {@link GameConstants#INPUT_AIM_BITS}-bit fraction of a turn. */
    public int aimCode() {
        return aimCode;
    }

    /** Sets the aim; any finite angle up to {@link #MAX_AIM_RADIANS} in magnitude, wrapped and rounded to the wire step. */
    public InputCommand setAimAngle(double radians) {
        if (!(Math.abs(radians) <= MAX_AIM_RADIANS)) {
            throw new IllegalArgumentException("aim angle must be finite and within +-" + MAX_AIM_RADIANS
                    + " rad, got " + radians);
        }
        this.aimCode = Quantization.angleCode(radians, GameConstants.INPUT_AIM_BITS);
        return this;
    }

    /** Sets the aim directly as a wire code. */
    public InputCommand setAimCode(int aimCode) {
        if (aimCode < 0 || aimCode >= 1 << GameConstants.INPUT_AIM_BITS) {
            throw new IllegalArgumentException("aim code must be 0.." + ((1 << GameConstants.INPUT_AIM_BITS) - 1)
                    + ", got " + aimCode);
        }
        this.aimCode = aimCode;
        return this;
    }

    /** Whether the fire button is held. */
    public boolean fire() {
        return fire;
    }

    /** Sets the fire button. */
    public InputCommand setFire(boolean fire) {
        this.fire = fire;
        return this;
    }

    /** The weapon the player wants in hand. */
    public Weapon weapon() {
        return weapon;
    }

    /** Sets the weapon the player wants in hand. */
    public InputCommand setWeapon(Weapon weapon) {
        if (weapon == null) {
            throw new IllegalArgumentException("weapon must not be null");
        }
        this.weapon = weapon;
        return this;
    }

    /**
     * The server tick at which the client was drawing the other players when it sampled this command
     * (its interpolation point, whole ticks), so lag compensation can rewind them to what was seen.
     */
    public int viewTick() {
        return viewTick;
    }

    /** Fraction of a tick past {@link #viewTick()}, in 1/{@value #VIEW_FRACTION_STEPS} of a tick. */
    public int viewFraction() {
        return viewFraction;
    }

    /** Sets the interpolation point as a tick (0 or more) plus a fraction 0..255 of a tick. */
    public InputCommand setView(int viewTick, int viewFraction) {
        if (viewTick < 0) {
            throw new IllegalArgumentException("view tick must be >= 0, got " + viewTick);
        }
        if (viewFraction < 0 || viewFraction >= VIEW_FRACTION_STEPS) {
            throw new IllegalArgumentException("view fraction must be 0.." + (VIEW_FRACTION_STEPS - 1)
                    + ", got " + viewFraction);
        }
        this.viewTick = viewTick;
        this.viewFraction = viewFraction;
        return this;
    }

    /** Whether every field equals {@code other}'s. */
    public boolean sameAs(InputCommand other) {
        return commandNumber == other.commandNumber && clientTimeMillis == other.clientTimeMillis
                && buttons == other.buttons && aimCode == other.aimCode && fire == other.fire
                && weapon == other.weapon && viewTick == other.viewTick && viewFraction == other.viewFraction;
    }

    @Override
    public String toString() {
        return "InputCommand[#" + commandNumber + " t=" + clientTimeMillis + "ms buttons=" + buttons
                + " aim=" + aimCode + " fire=" + fire + " " + weapon + " view=" + viewTick + "+" + viewFraction
                + "/256]";
    }
}
