package dev.skirmish.client.window;

import static org.lwjgl.opengl.GL33C.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import org.lwjgl.stb.STBEasyFont;
import org.lwjgl.system.MemoryUtil;

/**
 * Coloured triangles in screen pixels, collected over a frame and drawn with one small core-profile
 * shader ({@code shape.vert}/{@code shape.frag} on the classpath) in as few draw calls as the buffer
 * allows. Text is stb_easy_font's quads, put into the same batch. Requires a current OpenGL 3.3 core
 * context on the calling thread for its whole life; {@link #close} frees the GL objects.
 *
 * <p>Vertex layout, 24 bytes: {@code x y} (pixels, float) then {@code r g b a} (0..1, float).
 */
final class ShapeBatch implements AutoCloseable {

    private static final int FLOATS_PER_VERTEX = 6;
    private static final int MAX_VERTICES = 3 * 20_000;
    private static final int CIRCLE_SEGMENTS = 20;
    /** stb_easy_font writes 16 bytes per vertex, four vertices per quad. */
    private static final int EASY_FONT_VERTEX_BYTES = 16;
    private static final int EASY_FONT_BUFFER_BYTES = 64 * 1024;

    private final int program;
    private final int viewportUniform;
    private final int vertexArray;
    private final int vertexBuffer;
    private final FloatBuffer vertices = MemoryUtil.memAllocFloat(MAX_VERTICES * FLOATS_PER_VERTEX);
    private final ByteBuffer textQuads = MemoryUtil.memAlloc(EASY_FONT_BUFFER_BYTES);
    private int widthPixels = 1;
    private int heightPixels = 1;
    private float red;
    private float green;
    private float blue;
    private float alpha = 1;

    ShapeBatch() {
        program = linkProgram(compile(GL_VERTEX_SHADER, "shape.vert"), compile(GL_FRAGMENT_SHADER, "shape.frag"));
        viewportUniform = glGetUniformLocation(program, "uViewportPixels");
        vertexArray = glGenVertexArrays();
        vertexBuffer = glGenBuffers();
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferData(GL_ARRAY_BUFFER, (long) MAX_VERTICES * FLOATS_PER_VERTEX * Float.BYTES, GL_STREAM_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 0);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(1, 4, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 2L * Float.BYTES);
        glEnableVertexAttribArray(1);
        glBindVertexArray(0);
    }

    /** Starts a frame on a viewport of the given size. */
    void begin(int widthPixels, int heightPixels) {
        this.widthPixels = Math.max(1, widthPixels);
        this.heightPixels = Math.max(1, heightPixels);
        vertices.clear();
    }

    /** Sets the colour of what follows from 0xRRGGBB and an alpha 0..1. */
    ShapeBatch colour(int rgb, float alpha) {
        red = ((rgb >> 16) & 0xFF) / 255f;
        green = ((rgb >> 8) & 0xFF) / 255f;
        blue = (rgb & 0xFF) / 255f;
        this.alpha = alpha;
        return this;
    }

    /** Sets an opaque colour from 0xRRGGBB. */
    ShapeBatch colour(int rgb) {
        return colour(rgb, 1f);
    }

    /** A filled axis-aligned rectangle. */
    void rect(double x, double y, double width, double height) {
        quad(x, y, x + width, y, x + width, y + height, x, y + height);
    }

    /** A filled quadrilateral, corners in order. */
    void quad(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        triangle(x0, y0, x1, y1, x2, y2);
        triangle(x0, y0, x2, y2, x3, y3);
    }

    /** A line of the given thickness, as a quad. */
    void line(double x0, double y0, double x1, double y1, double thickness) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.sqrt(dx * dx + dy * dy);
        if (length == 0) {
            return;
        }
        double nx = -dy / length * thickness / 2;
        double ny = dx / length * thickness / 2;
        quad(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny);
    }

    /** A filled circle. */
    void circle(double centreX, double centreY, double radius) {
        double previousX = centreX + radius;
        double previousY = centreY;
        for (int i = 1; i <= CIRCLE_SEGMENTS; i++) {
            double angle = 2 * Math.PI * i / CIRCLE_SEGMENTS;
            double x = centreX + radius * Math.cos(angle);
            double y = centreY + radius * Math.sin(angle);
            triangle(centreX, centreY, previousX, previousY, x, y);
            previousX = x;
            previousY = y;
        }
    }

    /** Text with its top-left corner at (x, y); {@code scale} 1 is stb_easy_font's 7-pixel-high glyphs. */
    void text(double x, double y, double scale, CharSequence text) {
        textQuads.clear();
        int quads = STBEasyFont.stb_easy_font_print(0, 0, text, null, textQuads);
        for (int q = 0; q < quads; q++) {
            int base = q * 4 * EASY_FONT_VERTEX_BYTES;
            double ax = x + textQuads.getFloat(base) * scale;
            double ay = y + textQuads.getFloat(base + 4) * scale;
            double bx = x + textQuads.getFloat(base + EASY_FONT_VERTEX_BYTES) * scale;
            double by = y + textQuads.getFloat(base + EASY_FONT_VERTEX_BYTES + 4) * scale;
            double cx = x + textQuads.getFloat(base + 2 * EASY_FONT_VERTEX_BYTES) * scale;
            double cy = y + textQuads.getFloat(base + 2 * EASY_FONT_VERTEX_BYTES + 4) * scale;
            double dx = x + textQuads.getFloat(base + 3 * EASY_FONT_VERTEX_BYTES) * scale;
            double dy = y + textQuads.getFloat(base + 3 * EASY_FONT_VERTEX_BYTES + 4) * scale;
            quad(ax, ay, bx, by, cx, cy, dx, dy);
        }
    }

    /** Width in pixels of {@code text} at {@code scale}. */
    static double textWidth(CharSequence text, double scale) {
        return STBEasyFont.stb_easy_font_width(text) * scale;
    }

    private void triangle(double x0, double y0, double x1, double y1, double x2, double y2) {
        if (vertices.remaining() < 3 * FLOATS_PER_VERTEX) {
            flush();
        }
        vertex(x0, y0);
        vertex(x1, y1);
        vertex(x2, y2);
    }

    private void vertex(double x, double y) {
        vertices.put((float) x).put((float) y).put(red).put(green).put(blue).put(alpha);
    }

    /** Draws everything collected so far. */
    void flush() {
        int count = vertices.position() / FLOATS_PER_VERTEX;
        if (count == 0) {
            return;
        }
        vertices.flip();
        glUseProgram(program);
        glUniform2f(viewportUniform, widthPixels, heightPixels);
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferSubData(GL_ARRAY_BUFFER, 0, vertices);
        glDrawArrays(GL_TRIANGLES, 0, count);
        glBindVertexArray(0);
        vertices.clear();
    }

    @Override
    public void close() {
        glDeleteBuffers(vertexBuffer);
        glDeleteVertexArrays(vertexArray);
        glDeleteProgram(program);
        MemoryUtil.memFree(vertices);
        MemoryUtil.memFree(textQuads);
    }

    private static int compile(int type, String resource) {
        int shader = glCreateShader(type);
        glShaderSource(shader, readResource(resource));
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            throw new IllegalStateException("shader " + resource + " does not compile: " + glGetShaderInfoLog(shader));
        }
        return shader;
    }

    private static int linkProgram(int vertexShader, int fragmentShader) {
        int linked = glCreateProgram();
        glAttachShader(linked, vertexShader);
        glAttachShader(linked, fragmentShader);
        glLinkProgram(linked);
        if (glGetProgrami(linked, GL_LINK_STATUS) == GL_FALSE) {
            throw new IllegalStateException("shaders do not link: " + glGetProgramInfoLog(linked));
        }
        glDeleteShader(vertexShader);
        glDeleteShader(fragmentShader);
        return linked;
    }

    private static String readResource(String name) {
        try (InputStream in = ShapeBatch.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing shader resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
