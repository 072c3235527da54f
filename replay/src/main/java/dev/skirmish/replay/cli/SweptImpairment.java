package dev.skirmish.replay.cli;

import dev.skirmish.transport.sim.LinkConditions;
import java.util.Locale;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToDoubleBiFunction;

/**
 * An impairment {@code replay run --sweep KEY=A,B,...} can vary: its key (the option's name without
 * dashes), the axis label of the table and the plot, and how one step's text sets it on a
 * {@link LinkConditions.Builder} and reads as a number on that axis.
 */
enum SweptImpairment {
    LOSS("loss", "loss %", percent(LinkConditions.Builder::lossRate)),
    LATENCY("latency", "latency ms", millis(LinkConditions.Builder::delayMicros)),
    JITTER("jitter", "jitter ms", millis(LinkConditions.Builder::jitterMicros)),
    REORDER("reorder", "reorder %", percent((builder, rate) -> builder.reorder(rate, ImpairmentOptions.REORDER_HOLD_MICROS))),
    DUPLICATE("duplicate", "duplicate %", percent(LinkConditions.Builder::duplicateRate)),
    BANDWIDTH("bandwidth", "bandwidth kbit/s", (builder, text) -> {
        long bytesPerSecond = ImpairmentText.bytesPerSecond(text);
        ImpairmentOptions.bottleneck(builder, bytesPerSecond);
        return bytesPerSecond * 8 / 1e3;
    });

    final String key;
    final String axisLabel;
    private final ToDoubleBiFunction<LinkConditions.Builder, String> setter;

    SweptImpairment(String key, String axisLabel, ToDoubleBiFunction<LinkConditions.Builder, String> setter) {
        this.key = key;
        this.axisLabel = axisLabel;
        this.setter = setter;
    }

    private static ToDoubleBiFunction<LinkConditions.Builder, String> percent(ObjDoubleConsumer<LinkConditions.Builder> set) {
        return (builder, text) -> {
            double rate = ImpairmentText.rate(text);
            set.accept(builder, rate);
            return rate * 100;
        };
    }

    private static ToDoubleBiFunction<LinkConditions.Builder, String> millis(ObjLongConsumer<LinkConditions.Builder> set) {
        return (builder, text) -> {
            long micros = ImpairmentText.delayMicros(text);
            set.accept(builder, micros);
            return micros / 1e3;
        };
    }

    /** Sets this impairment to {@code text} on {@code builder}; returns the value on this axis. */
    double apply(LinkConditions.Builder builder, String text) {
        return setter.applyAsDouble(builder, text);
    }

    /** The impairment named {@code key}; an {@link IllegalArgumentException} listing the keys otherwise. */
    static SweptImpairment byKey(String key) {
        for (SweptImpairment impairment : values()) {
            if (impairment.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return impairment;
            }
        }
        throw new IllegalArgumentException("cannot sweep '" + key + "'; sweepable: loss, latency, jitter, reorder,"
                + " duplicate, bandwidth");
    }
}
