package dev.skirmish.game.snapshot;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;

/** Field widths and codes of the snapshot wire format drawn on {@link SnapshotEncoder}. */
final class SnapshotFormat {

    static final int TICK_BITS = 32;
    static final int BASELINE_AGE_BITS = 8;
    static final int COMMAND_BITS = 32;
    static final int VAR_CHUNK_BITS = 4;

    /** Wide enough for every id below {@link GameConstants#MAX_PLAYERS}. */
    static final int PLAYER_ID_BITS = 32 - Integer.numberOfLeadingZeros(GameConstants.MAX_PLAYERS - 1);
    static final int PROJECTILE_ID_BITS = 7;

    static final int CHANGED_POSITION = 1;
    static final int CHANGED_AIM = 1 << 1;
    static final int CHANGED_VITALS = 1 << 2;
    static final int CHANGED_SCORE = 1 << 3;
    static final int CHANGED_WEAPON = 1 << 4;
    static final int CHANGE_MASK_BITS = 5;

    /** Widths of a signed position difference for size classes 0..2; class 3 is absolute. */
    static final int[] POSITION_DELTA_BITS = {8, 11, 14};
    static final int POSITION_CLASS_BITS = 2;
    static final int POSITION_CLASS_ABSOLUTE = 3;

    static final int HEALTH_BITS = 7;
    static final int SPAWN_SERIAL_BITS = 2;
    static final int PROJECTILE_AGE_BITS = 12;

    /**
     * Upper bound of an encoded snapshot: header, MAX_PLAYERS players each updated with every field at its
     * widest, and 128 projectiles each added (the id space bounds the entries per section).
     */
    static final int MAX_BITS = TICK_BITS + 1 + BASELINE_AGE_BITS + 40
            + GameConstants.MAX_PLAYERS * (3 + PLAYER_ID_BITS + CHANGE_MASK_BITS + POSITION_CLASS_BITS
                    + 2 * GameConstants.POSITION_BITS + GameConstants.SNAPSHOT_AIM_BITS + HEALTH_BITS + 1
                    + SPAWN_SERIAL_BITS + 40 + Weapon.WIRE_BITS)
            + GameConstants.MAX_PROJECTILES * (3 + PROJECTILE_ID_BITS + PLAYER_ID_BITS
                    + 2 * GameConstants.POSITION_BITS + GameConstants.PROJECTILE_ANGLE_BITS + PROJECTILE_AGE_BITS)
            + 2;

    static {
        if (HEALTH_BITS < Integer.SIZE - Integer.numberOfLeadingZeros(GameConstants.MAX_HEALTH)) {
            throw new ExceptionInInitializerError("MAX_HEALTH does not fit HEALTH_BITS");
        }
        if (1 << PLAYER_ID_BITS < GameConstants.MAX_PLAYERS || 1 << PROJECTILE_ID_BITS < GameConstants.MAX_PROJECTILES) {
            throw new ExceptionInInitializerError("id widths do not cover MAX_PLAYERS / MAX_PROJECTILES");
        }
    }

    private SnapshotFormat() {
    }
}
