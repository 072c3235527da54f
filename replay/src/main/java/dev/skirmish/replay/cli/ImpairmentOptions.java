package dev.skirmish.replay.cli;

import dev.skirmish.transport.sim.LinkConditions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The network impairments a replay command applies to every simulated link, both ways
 * ({@code --loss --burst-loss --latency --jitter --reorder --duplicate --bandwidth}), as a picocli mixin
 * shared by {@code replay run} and {@code replay play}. {@code --reorder} holds the chosen share of
 * datagrams back by {@link #REORDER_HOLD_MICROS} extra.
 */
public final class ImpairmentOptions {
    /** Extra delay of a reordered datagram. */
    public static final long REORDER_HOLD_MICROS = 20_000;
    /** Smallest bottleneck queue: a router buffer of the usual order. */
    private static final long MIN_QUEUE_BYTES = 16 * 1024;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--loss", paramLabel = "PERCENT", description = "Independent loss per datagram, e.g. 5%%.")
    String loss;

    @Option(names = "--burst-loss", paramLabel = "P,R",
            description = "Gilbert-Elliott burst loss: chance per datagram to enter (P) and leave (R) the losing state,"
                    + " e.g. 2%%,30%%.")
    String burstLoss;

    @Option(names = "--latency", paramLabel = "DELAY", description = "One-way delay, e.g. 50ms.")
    String latency;

    @Option(names = "--jitter", paramLabel = "DELAY", description = "Uniform extra delay up to this, e.g. 10ms.")
    String jitter;

    @Option(names = "--reorder", paramLabel = "PERCENT", description = "Share of datagrams held back 20 ms, e.g. 1%%.")
    String reorder;

    @Option(names = "--duplicate", paramLabel = "PERCENT", description = "Share of datagrams delivered twice, e.g. 1%%.")
    String duplicate;

    @Option(names = "--bandwidth", paramLabel = "RATE", description = "Bottleneck per link, e.g. 2mbit, 500kbit.")
    String bandwidth;

    /** Whether the option {@code --KEY} was given. */
    boolean given(SweptImpairment impairment) {
        return switch (impairment) {
            case LOSS -> loss != null;
            case LATENCY -> latency != null;
            case JITTER -> jitter != null;
            case REORDER -> reorder != null;
            case DUPLICATE -> duplicate != null;
            case BANDWIDTH -> bandwidth != null;
        };
    }

    /** A bottleneck of {@code bytesPerSecond} with a quarter second of queue, never under 16 KiB. */
    static void bottleneck(LinkConditions.Builder builder, long bytesPerSecond) {
        builder.bandwidth(bytesPerSecond, Math.max(MIN_QUEUE_BYTES, bytesPerSecond / 4));
    }

    /**
     * The conditions asked for, as a builder (so a sweep can vary one of them); a bad value is a
     * {@link ParameterException} naming the option's problem.
     */
    public LinkConditions.Builder conditions() {
        try {
            LinkConditions.Builder builder = LinkConditions.builder();
            if (loss != null) {
                builder.lossRate(ImpairmentText.rate(loss));
            }
            if (burstLoss != null) {
                double[] burst = ImpairmentText.burst(burstLoss);
                builder.burstLoss(burst[0], burst[1]);
            }
            if (latency != null) {
                builder.delayMicros(ImpairmentText.delayMicros(latency));
            }
            if (jitter != null) {
                builder.jitterMicros(ImpairmentText.delayMicros(jitter));
            }
            if (reorder != null) {
                builder.reorder(ImpairmentText.rate(reorder), REORDER_HOLD_MICROS);
            }
            if (duplicate != null) {
                builder.duplicateRate(ImpairmentText.rate(duplicate));
            }
            if (bandwidth != null) {
                bottleneck(builder, ImpairmentText.bytesPerSecond(bandwidth));
            }
            build(builder);
            return builder;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code builder.build()}, with a bad combination reported as a {@link ParameterException}. */
    public LinkConditions build(LinkConditions.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
