package dev.skirmish.client.window;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL33C.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import javax.imageio.ImageIO;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.glfw.GLFWCursorPosCallback;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWKeyCallback;
import org.lwjgl.glfw.GLFWMouseButtonCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The window client's render thread: a GLFW window (or, headless, a hidden window on GLFW's null
 * platform with an EGL context) with an OpenGL 3.3 core context, drawing the {@link ViewFeed}'s
 * newest view every frame, feeding keyboard and mouse to a {@link WindowInput}. Init, loop and cleanup
 * as in lwjgl3-demos: callbacks held in fields, {@code GL.createCapabilities()} before any GL call,
 * everything released in {@code finally}.
 *
 * <p>In screenshot mode the scene is drawn into a framebuffer object, read back with glReadPixels
 * after the requested number of frames of play, and written as a PNG.
 *
 * <p>Fed by a {@link PlaybackFeed} (demo playback), the keys control the playback instead of a player:
 * Space pauses and resumes, {@code -}/{@code [} and {@code +}/{@code =}/{@code ]} change the speed,
 * Left/Right seek 5 s ({@link #PLAYBACK_SEEK_MICROS}) back and forth, Tab follows the next player (marked
 * with a ring, the camera following them {@value #PLAYBACK_FOLLOW_ZOOM} times closer than the whole map),
 * Z switches between that and the whole map, F1 toggles the scoreboard, F3 the net graph, Esc quits at
 * once. A bar at the bottom shows the playback's state; joining a fresh client after a seek is not a
 * reason to give up, but a playback that fails ({@link PlaybackFeed#failure()}) ends the window with
 * its error.
 */
public final class GameWindow {

    /** Exit code: no display and no EGL, nothing to render with. */
    public static final int EXIT_NO_RENDERER = 3;
    /** Exit code: the session ended in failure or never started playing. */
    public static final int EXIT_SESSION_FAILED = 1;

    private static final long CONNECT_WAIT_NANOS = 15_000_000_000L;
    private static final long HEADLESS_FRAME_NANOS = 16_666_667L;
    /** The frame rate shown is the count over this window, so it reads steadily. */
    private static final long FRAME_RATE_WINDOW_NANOS = 500_000_000L;
    /** How far Left and Right seek in playback. */
    public static final long PLAYBACK_SEEK_MICROS = 5_000_000L;
    /** How much closer than the whole map the camera follows the followed player in playback. */
    static final double PLAYBACK_FOLLOW_ZOOM = 2;

    private final WindowOptions options;
    private final ViewFeed session;
    private final PlaybackFeed playback;
    private final WindowInput input;
    private final PrintWriter out;
    private final PrintWriter err;
    private final NetGraph graph = new NetGraph();
    private final SceneRenderer renderer = new SceneRenderer();
    private final SceneRenderer.Overlays overlays = new SceneRenderer.Overlays();
    private final LongConsumer arrivals = graph::snapshotArrived;
    private final StringBuilder playbackLine = new StringBuilder(160);

    private GLFWErrorCallback errorCallback;
    private GLFWKeyCallback keyCallback;
    private GLFWMouseButtonCallback mouseButtonCallback;
    private GLFWCursorPosCallback cursorCallback;
    private GLFWFramebufferSizeCallback resizeCallback;
    private long window = NULL;
    private boolean headless;
    private int widthPixels;
    private int heightPixels;
    private double cursorX;
    private double cursorY;
    private boolean scoreboard;
    private boolean netGraph;
    private boolean menu;
    private boolean wholeMap;
    private boolean quit;
    private int framebuffer;
    private int colourTexture;
    private ShapeBatch batch;
    private ClientView lastDrawn;

    GameWindow(WindowOptions options, ViewFeed session, WindowInput input, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.session = session;
        this.playback = session instanceof PlaybackFeed feed ? feed : null;
        this.input = input;
        this.out = out;
        this.err = err;
        this.scoreboard = options.showScoreboard();
        this.netGraph = options.showNetGraph();
        this.widthPixels = options.widthPixels();
        this.heightPixels = options.heightPixels();
    }

    /** Opens the window, runs until quit, the session ends or the screenshot is written; returns an exit code. */
    int run() {
        try {
            if (!open()) {
                err.println("error: no display and no EGL: cannot render"
                        + " (install libegl1 and libegl-mesa0, or run with a display)");
                err.flush();
                return EXIT_NO_RENDERER;
            }
            return loop();
        } finally {
            cleanup();
        }
    }

    /** The view drawn by the last frame (for the rendering tests). */
    ClientView lastDrawn() {
        return lastDrawn;
    }

    private boolean open() {
        errorCallback = GLFWErrorCallback.create((code, description) -> { });
        glfwSetErrorCallback(errorCallback);
        headless = options.headless();
        if (!headless && !displayPresent()) {
            out.println("no display found: rendering headless (GLFW null platform, EGL, Mesa)");
            out.flush();
            headless = true;
        }
        if (!headless && !openWindowed()) {
            out.println("cannot open a window on this display: rendering headless (GLFW null platform, EGL, Mesa)");
            out.flush();
            headless = true;
        }
        if (headless && !createContext(true)) {
            return false;
        }
        GL.createCapabilities();
        batch = new ShapeBatch();
        if (headless || options.screenshot() != null) {
            createFramebuffer();
        }
        return true;
    }

    /** Whether a display to open windows on seems present (Windows and macOS always have one). */
    static boolean displayPresent() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Initialises GLFW (on its null platform with an EGL context when {@code headless}) and creates a
     * hidden window with a current OpenGL 3.3 core context; false, with GLFW terminated, if either fails.
     */
    private boolean createContext(boolean headless) {
        if (headless) {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_NULL);
        }
        if (!glfwInit()) {
            return false;
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        if (headless) {
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        }
        window = glfwCreateWindow(widthPixels, heightPixels, "Skirmish", NULL, NULL);
        if (window == NULL) {
            glfwTerminate();
            return false;
        }
        glfwMakeContextCurrent(window);
        return true;
    }

    private boolean openWindowed() {
        if (!createContext(false)) {
            return false;
        }
        glfwSwapInterval(options.vsync() ? 1 : 0);
        installCallbacks();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer width = stack.mallocInt(1);
            IntBuffer height = stack.mallocInt(1);
            glfwGetFramebufferSize(window, width, height);
            widthPixels = width.get(0);
            heightPixels = height.get(0);
        }
        glfwShowWindow(window);
        return true;
    }

    private void installCallbacks() {
        keyCallback = GLFWKeyCallback.create((handle, key, scancode, action, mods) -> onKey(key, action));
        glfwSetKeyCallback(window, keyCallback);
        mouseButtonCallback = GLFWMouseButtonCallback.create((handle, button, action, mods) -> {
            if (button == GLFW_MOUSE_BUTTON_LEFT) {
                input.setFire(action != GLFW_RELEASE);
            }
        });
        glfwSetMouseButtonCallback(window, mouseButtonCallback);
        cursorCallback = GLFWCursorPosCallback.create((handle, x, y) -> {
            cursorX = x;
            cursorY = y;
        });
        glfwSetCursorPosCallback(window, cursorCallback);
        resizeCallback = GLFWFramebufferSizeCallback.create((handle, width, height) -> {
            if (width > 0 && height > 0) {
                widthPixels = width;
                heightPixels = height;
                if (framebuffer != 0) {
                    deleteFramebuffer();
                    createFramebuffer();
                }
            }
        });
        glfwSetFramebufferSizeCallback(window, resizeCallback);
    }

    private void onKey(int key, int action) {
        if (playback != null) {
            onPlaybackKey(key, action);
            return;
        }
        boolean held = action != GLFW_RELEASE;
        switch (key) {
            case GLFW_KEY_W -> input.setButton(InputCommand.MOVE_UP, held);
            case GLFW_KEY_S -> input.setButton(InputCommand.MOVE_DOWN, held);
            case GLFW_KEY_A -> input.setButton(InputCommand.MOVE_LEFT, held);
            case GLFW_KEY_D -> input.setButton(InputCommand.MOVE_RIGHT, held);
            case GLFW_KEY_1 -> input.setWeapon(Weapon.RIFLE);
            case GLFW_KEY_2 -> input.setWeapon(Weapon.ROCKET_LAUNCHER);
            case GLFW_KEY_TAB -> scoreboard = held;
            case GLFW_KEY_F3 -> netGraph ^= action == GLFW_PRESS;
            case GLFW_KEY_ENTER -> menu &= action != GLFW_PRESS;
            case GLFW_KEY_ESCAPE -> {
                if (action == GLFW_PRESS) {
                    quit = menu;
                    menu = true;
                }
            }
            default -> { }
        }
        input.setSuspended(menu);
    }

    /** Keys while watching a playback: presses (and key repeats for seeking and speed) control it. */
    private void onPlaybackKey(int key, int action) {
        if (action == GLFW_RELEASE) {
            return;
        }
        boolean press = action == GLFW_PRESS;
        switch (key) {
            case GLFW_KEY_SPACE -> {
                if (press) {
                    playback.togglePause();
                }
            }
            case GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT, GLFW_KEY_LEFT_BRACKET -> playback.slower();
            case GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD, GLFW_KEY_RIGHT_BRACKET -> playback.faster();
            case GLFW_KEY_LEFT -> playback.seekBy(-PLAYBACK_SEEK_MICROS);
            case GLFW_KEY_RIGHT -> playback.seekBy(PLAYBACK_SEEK_MICROS);
            case GLFW_KEY_TAB -> {
                if (press) {
                    playback.followNext();
                }
            }
            case GLFW_KEY_Z -> wholeMap ^= press;
            case GLFW_KEY_F1 -> scoreboard ^= press;
            case GLFW_KEY_F3 -> netGraph ^= press;
            case GLFW_KEY_ESCAPE -> quit = true;
            default -> { }
        }
    }

    private int loop() {
        int playedFrames = 0;
        long startNanos = session.nowNanos();
        long rateWindowStartNanos = startNanos;
        int framesInRateWindow = 0;
        double framesPerSecond = 0;
        while (!quit && (headless || !glfwWindowShouldClose(window))) {
            long nowNanos = session.nowNanos();
            framesInRateWindow++;
            if (nowNanos - rateWindowStartNanos >= FRAME_RATE_WINDOW_NANOS) {
                framesPerSecond = framesInRateWindow * 1e9 / (nowNanos - rateWindowStartNanos);
                rateWindowStartNanos = nowNanos;
                framesInRateWindow = 0;
            }
            String playbackFailure = playback == null ? null : playback.failure();
            if (playbackFailure != null) {
                return reportPlaybackFailure(playbackFailure);
            }
            ClientView view = session.latestView();
            session.drainSnapshotArrivals(arrivals);
            graph.sample(nowNanos, view);
            if (framebuffer != 0) {
                glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            }
            drawFrame(view, nowNanos, framesPerSecond);
            lastDrawn = view;
            if (view.phase() == ClientPhase.PLAYING && view.map() != null && view.localKnown()) {
                playedFrames++;
            }
            if (options.screenshot() != null && playedFrames >= options.frames()) {
                return writeScreenshot(options.screenshot());
            }
            if (options.runMillis() > 0 && nowNanos - startNanos >= options.runMillis() * 1_000_000L) {
                return 0;
            }
            boolean joinTookTooLong = playback == null && view.phase() != ClientPhase.PLAYING
                    && nowNanos - startNanos > CONNECT_WAIT_NANOS;
            if (view.phase().isFinal() || joinTookTooLong) {
                return reportEnd(view);
            }
            present();
        }
        return 0;
    }

    private void drawFrame(ClientView view, long nowNanos, double framesPerSecond) {
        glViewport(0, 0, widthPixels, heightPixels);
        glClearColor(((Palette.BACKGROUND_RGB >> 16) & 0xFF) / 255f, ((Palette.BACKGROUND_RGB >> 8) & 0xFF) / 255f,
                (Palette.BACKGROUND_RGB & 0xFF) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        overlays.set(scoreboard, netGraph, menu, framesPerSecond, options.serverName());
        if (playback != null) {
            playbackLine.setLength(0);
            playback.describe(playbackLine, view);
            overlays.playback(playback.followedPlayerId(), wholeMap ? 1 : PLAYBACK_FOLLOW_ZOOM, playbackLine);
        }
        Camera camera = renderer.draw(batch, view, graph, overlays, nowNanos, widthPixels, heightPixels);
        if (camera != null && view.localKnown() && !headless && playback == null) {
            aim(camera, view);
        }
    }

    /** Mouse aim: from the local player's position on screen towards the cursor. */
    private void aim(Camera camera, ClientView view) {
        double scaleX = 1;
        double scaleY = 1;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer width = stack.mallocInt(1);
            IntBuffer height = stack.mallocInt(1);
            glfwGetWindowSize(window, width, height);
            if (width.get(0) > 0 && height.get(0) > 0) {
                scaleX = (double) widthPixels / width.get(0);
                scaleY = (double) heightPixels / height.get(0);
            }
        }
        input.setAimAngle(camera.aimAngle(view.local().x(), view.local().y(), cursorX * scaleX, cursorY * scaleY,
                view.local().aimAngle()));
    }

    private void present() {
        if (headless) {
            glFinish();
            glfwPollEvents();
            long sleepNanos = HEADLESS_FRAME_NANOS;
            try {
                Thread.sleep(sleepNanos / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                quit = true;
            }
            return;
        }
        if (framebuffer != 0) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
            glBlitFramebuffer(0, 0, widthPixels, heightPixels, 0, 0, widthPixels, heightPixels,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        glfwSwapBuffers(window);
        glfwPollEvents();
    }

    private int reportPlaybackFailure(String failure) {
        err.println("error: " + options.serverName() + ": playback stopped: " + failure);
        err.flush();
        return EXIT_SESSION_FAILED;
    }

    private int reportEnd(ClientView view) {
        if (view.phase() == ClientPhase.FAILED && view.failure() != null) {
            err.println("error: " + options.serverName() + ": " + view.failure().describe());
        } else if (view.phase() != ClientPhase.PLAYING && !view.phase().isFinal()) {
            err.println("error: could not join " + options.serverName() + " (still " + view.phase() + ")");
        } else {
            out.println("left " + options.serverName());
            out.flush();
            return options.screenshot() == null ? 0 : EXIT_SESSION_FAILED;
        }
        err.flush();
        return EXIT_SESSION_FAILED;
    }

    private void createFramebuffer() {
        colourTexture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, colourTexture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, widthPixels, heightPixels, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colourTexture, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("offscreen framebuffer is incomplete");
        }
    }

    private void deleteFramebuffer() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(framebuffer);
        glDeleteTextures(colourTexture);
        framebuffer = 0;
    }

    private int writeScreenshot(Path file) {
        glFinish();
        ByteBuffer pixels = MemoryUtil.memAlloc(widthPixels * heightPixels * 4);
        try {
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, widthPixels, heightPixels, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            BufferedImage image = new BufferedImage(widthPixels, heightPixels, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < heightPixels; y++) {
                int row = (heightPixels - 1 - y) * widthPixels * 4;
                for (int x = 0; x < widthPixels; x++) {
                    int i = row + x * 4;
                    image.setRGB(x, y, (pixels.get(i) & 0xFF) << 16 | (pixels.get(i + 1) & 0xFF) << 8 | (pixels.get(i + 2) & 0xFF));
                }
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            ImageIO.write(image, "png", file.toFile());
            out.println("screenshot written to " + file + " (" + widthPixels + " x " + heightPixels + ")");
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            err.flush();
            return EXIT_SESSION_FAILED;
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    private void cleanup() {
        if (batch != null) {
            if (framebuffer != 0) {
                deleteFramebuffer();
            }
            batch.close();
        }
        if (window != NULL) {
            Callbacks.glfwFreeCallbacks(window);
            glfwDestroyWindow(window);
        }
        glfwTerminate();
        glfwSetErrorCallback(null);
        if (errorCallback != null) {
            errorCallback.free();
        }
    }
}
