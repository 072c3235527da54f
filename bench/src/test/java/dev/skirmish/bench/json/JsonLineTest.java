package dev.skirmish.bench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesFieldsInOrderWithFixedDecimalsAndNulls() {
        JsonLine line = new JsonLine()
                .put("name", "a\"b\\c\n")
                .put("count", 12L)
                .put("unknown", (Long) null)
                .put("rate", 1234.5678, 2)
                .put("nan", Double.NaN, 1);
        assertEquals("{\"name\":\"a\\\"b\\\\c\\n\",\"count\":12,\"unknown\":null,\"rate\":1234.57,\"nan\":null}",
                line.toString());
    }

    @Test
    void decimalsNeverUseExponents() {
        assertEquals("{\"x\":12345678901.0}", new JsonLine().put("x", 1.2345678901e10, 1).toString());
    }
}
