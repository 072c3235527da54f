package dev.skirmish.bench.transport;

import dev.skirmish.client.bot.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish bench transport}: one run of one transport and workload over 127.0.0.1, printed as
 * one JSON line on standard output (see {@link TransportRunResult#toJson()} for the fields).
 * Exit codes: 0 after a run, 1 if the sockets cannot be set up, 2 for invalid options.
 */
@Command(name = "transport", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Two endpoints in this process over 127.0.0.1; prints one JSON line per run.")
public final class TransportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", defaultValue = "skirmish", paramLabel = "skirmish|tcp|udp",
            description = "Transport to measure (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--workload", defaultValue = "throughput", paramLabel = "throughput|latency",
            description = "As fast as accepted, or a steady rate (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--size", defaultValue = "64", paramLabel = "BYTES",
            description = "Message size, 16.." + TransportRunSettings.MAX_SIZE_BYTES + " (default: ${DEFAULT-VALUE}).")
    int sizeBytes;

    @Option(names = "--count", defaultValue = "0", paramLabel = "N",
            description = "Throughput: stop after N messages, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to send, e.g. 10 or 500ms (default: ${DEFAULT-VALUE} s).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "1000", paramLabel = "MSGS_PER_S",
            description = "Latency: messages per second (default: ${DEFAULT-VALUE}).")
    int ratePerSecond;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "DURATION", converter = WarmupConverter.class,
            description = "Unmeasured lead-in before --duration (throughput: sent flat out, so the JIT has"
                    + " compiled the hot paths), 0 for none (default: ${DEFAULT-VALUE} s).")
    Duration warmup;

    @Option(names = "--loss", defaultValue = "0", paramLabel = "P",
            description = "Share of datagrams dropped in each direction at the socket, 0..0.99 (skirmish, udp).")
    double lossRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the payload and of the dropped datagrams (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Accepts 0 as well as every positive duration. */
    static final class WarmupConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) throws Exception {
            return value.strip().equals("0") ? Duration.ZERO : new DurationConverter().convert(value);
        }
    }

    @Override
    public Integer call() {
        TransportRunSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(TransportRun.run(settings).toJson());
            out.flush();
            return 0;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private TransportRunSettings settings() {
        TransportKind kind = parse(TransportKind.class, "--transport", transport);
        Workload load = parse(Workload.class, "--workload", workload);
        try {
            return new TransportRunSettings(kind, load, sizeBytes, count, duration, ratePerSecond, warmup,
                    lossRate, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ParameterException(spec.commandLine(), option + " must be one of " + names + ", got '" + value + "'");
        }
    }
}
