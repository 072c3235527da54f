package dev.skirmish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nestsAndSeparatesValues() {
        String json = new JsonWriter().beginObject()
                .member("a", 1)
                .name("list").beginArray().value(1.5, 1).value("x").value((String) null).endArray()
                .name("empty").beginObject().endObject()
                .member("b", 2.25, 2)
                .endObject().toString();
        assertEquals("{\"a\":1,\"list\":[1.5,\"x\",null],\"empty\":{},\"b\":2.25}", json);
    }

    @Test
    void escapesStringsPerRfc8259() {
        String json = new JsonWriter().value("q\"b\\n\n\t\u0001\u2028é").toString();
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u0001\\u2028é\"", json);
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,null]", new JsonWriter().beginArray().value(Double.NaN, 2)
                .value(Double.POSITIVE_INFINITY, 2).endArray().toString());
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("3.14", new JsonWriter().value(3.14159, 2).toString());
        } finally {
            Locale.setDefault(previous);
        }
    }
}
