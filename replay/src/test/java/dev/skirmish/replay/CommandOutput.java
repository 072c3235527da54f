package dev.skirmish.replay;

import dev.skirmish.replay.cli.ReplayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code skirmish replay ARGS} in-process and keeps what it printed. */
record CommandOutput(int exitCode, String out, String err) {

    static CommandOutput run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ReplayCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new CommandOutput(exitCode, out.toString(), err.toString());
    }
}
