package dev.skirmish.client.window;

/**
 * The world-to-screen transform: the whole map, scaled uniformly to fit the window below the HUD bar
 * with a margin, centred; or, following a player ({@link #following}), that scale times a zoom with the
 * player kept in the middle as far as the map's edges allow. Screen coordinates are pixels with the origin at the top left and y down;
 * world coordinates are map units with y down too (rows grow downwards), so the transform is a scale
 * and an offset. Immutable; a new camera is made when the window or the map changes size.
 */
public final class Camera {

    /** Height of the HUD bar at the top of the window, in pixels. */
    public static final int HUD_HEIGHT_PIXELS = 28;
    /** Free border around the map, in pixels. */
    public static final int MARGIN_PIXELS = 8;

    private final int viewportWidthPixels;
    private final int viewportHeightPixels;
    private final double pixelsPerUnit;
    private final double offsetXPixels;
    private final double offsetYPixels;

    private Camera(int viewportWidthPixels, int viewportHeightPixels, double pixelsPerUnit,
                   double offsetXPixels, double offsetYPixels) {
        this.viewportWidthPixels = viewportWidthPixels;
        this.viewportHeightPixels = viewportHeightPixels;
        this.pixelsPerUnit = pixelsPerUnit;
        this.offsetXPixels = offsetXPixels;
        this.offsetYPixels = offsetYPixels;
    }

    /**
     * The camera showing a {@code worldWidth} x {@code worldHeight} map in a viewport of the given size.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public static Camera fitting(double worldWidth, double worldHeight, int viewportWidthPixels, int viewportHeightPixels) {
        if (!(worldWidth > 0) || !(worldHeight > 0)) {
            throw new IllegalArgumentException("world size must be positive, got " + worldWidth + " x " + worldHeight);
        }
        if (viewportWidthPixels <= 0 || viewportHeightPixels <= 0) {
            throw new IllegalArgumentException("viewport must be positive, got "
                    + viewportWidthPixels + " x " + viewportHeightPixels);
        }
        double areaWidth = Math.max(1, viewportWidthPixels - 2 * MARGIN_PIXELS);
        double areaHeight = Math.max(1, viewportHeightPixels - HUD_HEIGHT_PIXELS - 2 * MARGIN_PIXELS);
        double scale = Math.min(areaWidth / worldWidth, areaHeight / worldHeight);
        double offsetX = MARGIN_PIXELS + (areaWidth - worldWidth * scale) / 2;
        double offsetY = HUD_HEIGHT_PIXELS + MARGIN_PIXELS + (areaHeight - worldHeight * scale) / 2;
        return new Camera(viewportWidthPixels, viewportHeightPixels, scale, offsetX, offsetY);
    }

    /**
     * The camera that shows the map {@code zoom} times larger than {@link #fitting} would, centred on the
     * world point ({@code centreX}, {@code centreY}) but never scrolled past the map's edges (along an axis
     * where the zoomed map fits the viewport, it is centred as {@link #fitting} centres it).
     *
     * @throws IllegalArgumentException if a size is not positive or the zoom is below 1
     */
    public static Camera following(double worldWidth, double worldHeight, int viewportWidthPixels,
                                   int viewportHeightPixels, double centreX, double centreY, double zoom) {
        if (!(zoom >= 1)) {
            throw new IllegalArgumentException("zoom must be at least 1, got " + zoom);
        }
        Camera fitted = fitting(worldWidth, worldHeight, viewportWidthPixels, viewportHeightPixels);
        double scale = fitted.pixelsPerUnit * zoom;
        double areaWidth = Math.max(1, viewportWidthPixels - 2 * MARGIN_PIXELS);
        double areaHeight = Math.max(1, viewportHeightPixels - HUD_HEIGHT_PIXELS - 2 * MARGIN_PIXELS);
        double offsetX = axisOffset(MARGIN_PIXELS, areaWidth, worldWidth * scale, centreX * scale);
        double offsetY = axisOffset(HUD_HEIGHT_PIXELS + MARGIN_PIXELS, areaHeight, worldHeight * scale, centreY * scale);
        return new Camera(viewportWidthPixels, viewportHeightPixels, scale, offsetX, offsetY);
    }

    /** Offset along one axis: the centre in the middle of the area, clamped so the map covers the area. */
    private static double axisOffset(double areaStart, double areaLength, double mapPixels, double centrePixels) {
        if (mapPixels <= areaLength) {
            return areaStart + (areaLength - mapPixels) / 2;
        }
        double centred = areaStart + areaLength / 2 - centrePixels;
        return Math.max(areaStart + areaLength - mapPixels, Math.min(areaStart, centred));
    }

    /** Screen x in pixels of world x. */
    public double screenX(double worldX) {
        return offsetXPixels + worldX * pixelsPerUnit;
    }

    /** Screen y in pixels of world y. */
    public double screenY(double worldY) {
        return offsetYPixels + worldY * pixelsPerUnit;
    }

    /** World x of screen x (the inverse of {@link #screenX}). */
    public double worldX(double screenXPixels) {
        return (screenXPixels - offsetXPixels) / pixelsPerUnit;
    }

    /** World y of screen y (the inverse of {@link #screenY}). */
    public double worldY(double screenYPixels) {
        return (screenYPixels - offsetYPixels) / pixelsPerUnit;
    }

    /**
     * The aim, in radians in {@code [0, 2 pi)}, from a player at world ({@code worldX}, {@code worldY})
     * towards the screen point ({@code screenXPixels}, {@code screenYPixels}); {@code fallback} when the
     * point is the player's own centre (no direction).
     */
    public double aimAngle(double worldX, double worldY, double screenXPixels, double screenYPixels, double fallback) {
        double dx = screenXPixels - screenX(worldX);
        double dy = screenYPixels - screenY(worldY);
        if (dx == 0 && dy == 0) {
            return fallback;
        }
        double angle = Math.atan2(dy, dx);
        return angle < 0 ? angle + 2 * Math.PI : angle;
    }

    /** Length in pixels of a world length. */
    public double pixels(double worldUnits) {
        return worldUnits * pixelsPerUnit;
    }

    /** Pixels per world unit. */
    public double pixelsPerUnit() {
        return pixelsPerUnit;
    }

    /** Viewport width in pixels. */
    public int viewportWidthPixels() {
        return viewportWidthPixels;
    }

    /** Viewport height in pixels. */
    public int viewportHeightPixels() {
        return viewportHeightPixels;
    }
}
