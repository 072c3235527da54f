package dev.skirmish.client.window;

/** The fixed colours of the scene (0xRRGGBB), shared by the renderer and the pixel tests. */
public final class Palette {

    /** Floor of the arena and window background. */
    public static final int BACKGROUND_RGB = 0x14181E;
    /** Wall tiles. */
    public static final int WALL_RGB = 0x5A6470;
    /** The HUD bar. */
    public static final int HUD_BAR_RGB = 0x000000;
    /** HUD and label text. */
    public static final int TEXT_RGB = 0xF0F0F0;
    /** Health bar fill. */
    public static final int HEALTH_RGB = 0x30D030;
    /** Health bar background (damage taken). */
    public static final int DAMAGE_RGB = 0xC03030;
    /** Rockets and tracers. */
    public static final int SHOT_RGB = 0xFFF0A0;

    private Palette() {
    }
}
