package dev.skirmish.bench.json;

import dev.skirmish.cli.JsonWriter;
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
        fields.put(name, value == null ? "null" : JsonWriter.quote(value));
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
            out.append(JsonWriter.quote(field.getKey())).append(':').append(field.getValue());
        }
        return out.append('}').toString();
    }
}
