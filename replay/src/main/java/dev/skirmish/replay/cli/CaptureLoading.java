package dev.skirmish.replay.cli;

import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.pcapng.CaptureProblem;
import dev.skirmish.replay.pcapng.PcapngReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a capture for a command: a trace, or null after one line on standard error saying why not. */
final class CaptureLoading {
    private CaptureLoading() {
    }

    static SessionTrace load(Path file, PrintWriter err) {
        if (!Files.exists(file)) {
            err.println("error: " + file + ": no such file");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            err.println("error: " + file + ": not a file");
            return null;
        }
        try {
            return SessionTrace.of(PcapngReader.read(file));
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Prints every problem of the trace as an error line; returns the exit code (0 clean, 1 problems). */
    static int reportProblems(SessionTrace trace, PrintWriter err) {
        for (CaptureProblem problem : trace.problems()) {
            err.println("error: " + problem.message());
        }
        err.flush();
        return trace.problems().isEmpty() ? 0 : 1;
    }
}
