package dev.skirmish.replay.cli;

import dev.skirmish.replay.analysis.InfoReport;
import dev.skirmish.replay.analysis.SessionTrace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skirmish replay info FILE}: what a capture holds (see {@link InfoReport}). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarizes a capture: duration, connections, packets and bytes each way, loss and"
                + " retransmissions seen, RTT estimate, channels used.")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcapng capture.")
    Path file;

    @Override
    public Integer call() {
        SessionTrace trace = CaptureLoading.load(file, spec.commandLine().getErr());
        if (trace == null) {
            return 1;
        }
        spec.commandLine().getOut().print(InfoReport.render(trace));
        spec.commandLine().getOut().flush();
        return CaptureLoading.reportProblems(trace, spec.commandLine().getErr());
    }
}
