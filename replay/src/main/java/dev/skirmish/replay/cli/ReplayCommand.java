package dev.skirmish.replay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code skirmish replay}: reads pcapng captures of Skirmish sessions ({@code info}), replays what
 * the applications sent through the real transport over a simulated network ({@code run}), and plays
 * a recorded match back in the window ({@code play}). The launcher registers it as a subcommand.
 *
 * <p>Exit codes: 0 for a clean capture, 1 when the capture cannot be read at all or has a problem (the
 * message names the file and byte offset; whatever could be read is still reported), 2 for invalid
 * options; {@code play} exits 3 without a display (see {@link PlayCommand}).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, version = "skirmish replay 0.1.0",
        description = "Inspects and replays pcapng captures of Skirmish sessions.",
        subcommands = {InfoCommand.class, RunCommand.class, PlayCommand.class, CommandLine.HelpCommand.class})
public final class ReplayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: info, run or play");
    }
}
