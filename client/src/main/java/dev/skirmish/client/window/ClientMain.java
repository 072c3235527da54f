package dev.skirmish.client.window;

import picocli.CommandLine;

/** Runs {@link ClientCommand} as a program of its own (the launcher normally does it as {@code skirmish client}). */
public final class ClientMain {

    private ClientMain() {
    }

    /** Entry point; exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ClientCommand()).execute(args));
    }
}
