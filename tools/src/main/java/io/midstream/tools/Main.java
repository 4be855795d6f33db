package io.midstream.tools;

import io.midstream.tools.analyze.AnalyzeCommand;
import io.midstream.tools.bench.BenchCommand;
import io.midstream.tools.cluster.ClusterCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./midstream <command>}: the project's command-line tools. */
@Command(name = "midstream", mixinStandardHelpOptions = true, version = "midstream 0.1.0",
        description = "Inflight analysis of streamed LLM output on Apache Flink.",
        subcommands = {DemoCommand.class, ProduceCommand.class, AnalyzeCommand.class, KafkaCommand.class, ClusterCommand.class,
                BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command; a usage error is exit code 2, a failure 1 with its reason on standard error. */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                        cli.getErr().println("midstream " + cli.getCommandName() + ": " + e.getMessage());
                    } else {
                        e.printStackTrace(cli.getErr());
                    }
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }
}
