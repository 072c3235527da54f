package dev.skirmish.bench.json;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One flat JSON object on one line, fields in insertion order: strings, whole numbers, decimals
 * (fixed places, no exponent) and null. Enough for benchmark results; no nesting.
 */
public final class JsonLine {
    private final Map<String, String> fields = new LinkedHashMap<>();

    public JsonLine put(String name, String value) {
        fields.put(name, value == null ? "null" : quote(value));
        return this;
    }

    public JsonLine put(String name, long value) {
        fields.put(name, Long.toString(value));
        return this;
    }

    /** A whole number, or null when unknown. */
    public JsonLine put(String name, Long value) {
        fields.put(name, value == null ? "null" : value.toString());
        return this;
    }

    /** A decimal with {@code places} digits after the point; NaN and infinities become null. */
    public JsonLine put(String name, double value, int places) {
        fields.put(name, Double.isFinite(value) ? String.format(Locale.ROOT, "%." + places + "f", value) : "null");
        return this;
    }

    /** The field names, in order. */
    public Iterable<String> names() {
        return fields.keySet();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(field.getKey())).append(':').append(field.getValue());
        }
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
