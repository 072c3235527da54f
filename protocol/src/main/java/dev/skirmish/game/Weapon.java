package dev.skirmish.game;

/**
 * The weapons a player can hold, each with a fixed wire id ({@value #WIRE_BITS} bits) that must
 * never be reused for a different weapon.
 */
public enum Weapon {
    /** Hitscan: the shot lands instantly on the first player or wall along the aim. */
    RIFLE(0, GameConstants.RIFLE_FIRE_INTERVAL_SECONDS),
    /** Fires a rocket projectile that explodes on contact with splash damage. */
    ROCKET_LAUNCHER(1, GameConstants.ROCKET_FIRE_INTERVAL_SECONDS);

    /** Width of a weapon id on the wire. */
    public static final int WIRE_BITS = 2;

    private static final Weapon[] BY_WIRE_ID = new Weapon[1 << WIRE_BITS];

    static {
        for (Weapon weapon : values()) {
            BY_WIRE_ID[weapon.wireId] = weapon;
        }
    }

    private final int wireId;
    private final double fireIntervalSeconds;

    Weapon(int wireId, double fireIntervalSeconds) {
        this.wireId = wireId;
        this.fireIntervalSeconds = fireIntervalSeconds;
    }

    /** The weapon's id on the wire. */
    public int wireId() {
        return wireId;
    }

    /** Shortest time between two shots of this weapon. */
    public double fireIntervalSeconds() {
        return fireIntervalSeconds;
    }

    /** Whether {@code wireId} names a weapon. */
    public static boolean isWireId(int wireId) {
        return wireId >= 0 && wireId < BY_WIRE_ID.length && BY_WIRE_ID[wireId] != null;
    }

    /** The weapon with {@code wireId}; throws {@link IllegalArgumentException} for an unknown id. */
    public static Weapon byWireId(int wireId) {
        if (!isWireId(wireId)) {
            throw new IllegalArgumentException("unknown weapon id " + wireId);
        }
        return BY_WIRE_ID[wireId];
    }
}
