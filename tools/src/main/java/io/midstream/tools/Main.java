package io.midstream.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./midstream <command>}: the project's command-line tools. */
@Command(name = "midstream", mixinStandardHelpOptions = true, version = "midstream 0.1.0",
        description = "Inflight analysis of streamed LLM output on Apache Flink.",
        subcommands = {DemoCommand.class, ProduceCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }
}
