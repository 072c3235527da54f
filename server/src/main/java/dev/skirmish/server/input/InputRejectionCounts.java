package dev.skirmish.server.input;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A counter per {@link InputRejection}: counting is one array increment; {@link #toMap()} copies for reports. Not thread-safe. */
public final class InputRejectionCounts {

    private final long[] counts = new long[InputRejection.values().length];

    public void count(InputRejection reason) {
        counts[reason.ordinal()]++;
    }

    public long get(InputRejection reason) {
        return counts[reason.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** An unmodifiable copy with every reason present (zero if none). */
    public Map<InputRejection, Long> toMap() {
        Map<InputRejection, Long> map = new EnumMap<>(InputRejection.class);
        for (InputRejection reason : InputRejection.values()) {
            map.put(reason, counts[reason.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }
}
