package dev.skirmish.launcher;

import dev.skirmish.bench.BenchCommand;
import dev.skirmish.client.bot.BotCommand;
import dev.skirmish.client.window.ClientCommand;
import dev.skirmish.replay.cli.ReplayCommand;
import dev.skirmish.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one command line behind {@code ./skirmish}: each module contributes its subcommands, and this
 * module, the only one that depends on all the others, puts them together (and owns {@code demo},
 * which needs a server and bots at once).
 */
@Command(name = "skirmish", mixinStandardHelpOptions = true, version = "skirmish 0.1.0",
        description = "A real-time multiplayer top-down shooter on its own reliable-UDP transport.",
        subcommands = {DemoCommand.class, ServerCommand.class, BotCommand.class, ClientCommand.class,
                ReplayCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SkirmishCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed (try: ./skirmish demo)");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkirmishCommand()).execute(args));
    }
}
