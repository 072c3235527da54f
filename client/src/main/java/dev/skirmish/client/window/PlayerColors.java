package dev.skirmish.client.window;

/**
 * The colour each player is drawn in, by player id: a fixed palette of saturated colours, none close
 * to the background, wall or HUD colours, so tests can find a player by colour.
 */
public final class PlayerColors {

    private static final int[] PALETTE_RGB = {
        0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6,
        0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF, 0x9A6324, 0xFFFAC8, 0x800000, 0xAAFFC3,
    };

    private PlayerColors() {
    }

    /** The colour of player {@code id} as 0xRRGGBB. */
    public static int rgb(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("player id must not be negative, got " + id);
        }
        return PALETTE_RGB[id % PALETTE_RGB.length];
    }
}
