package dev.skirmish.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * Writes one compact JSON document by hand (the project has no JSON library): objects, arrays,
 * strings escaped per RFC 8259, integers, and finite doubles with a fixed number of decimals. Commas
 * are placed automatically; the caller nests begin/end calls correctly.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Whether the current container already holds a value (so the next needs a comma). */
    private boolean[] filled = new boolean[8];
    private int depth;
    private boolean afterName;

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push();
        return this;
    }

    public JsonWriter endObject() {
        depth--;
        out.append('}');
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push();
        return this;
    }

    public JsonWriter endArray() {
        depth--;
        out.append(']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        beforeValue();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String text) {
        beforeValue();
        if (text == null) {
            out.append("null");
        } else {
            string(text);
        }
        return this;
    }

    public JsonWriter value(long number) {
        beforeValue();
        out.append(number);
        return this;
    }

    /** A double with {@code decimals} digits after the point; NaN and infinities, which JSON lacks, as null. */
    public JsonWriter value(double number, int decimals) {
        beforeValue();
        if (Double.isFinite(number)) {
            out.append(String.format(Locale.ROOT, "%." + decimals + "f", number));
        } else {
            out.append("null");
        }
        return this;
    }

    public JsonWriter member(String name, String text) {
        return name(name).value(text);
    }

    public JsonWriter member(String name, long number) {
        return name(name).value(number);
    }

    public JsonWriter member(String name, double number, int decimals) {
        return name(name).value(number, decimals);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void push() {
        if (depth == filled.length) {
            filled = Arrays.copyOf(filled, depth * 2);
        }
        filled[depth++] = false;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (filled[depth - 1]) {
                out.append(',');
            }
            filled[depth - 1] = true;
        }
    }

    private void string(String text) {
        quote(out, text);
    }

    /** {@code text} as a JSON string literal, escaped per RFC 8259. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2);
        quote(quoted, text);
        return quoted.toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
