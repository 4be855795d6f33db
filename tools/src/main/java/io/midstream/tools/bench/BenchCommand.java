package io.midstream.tools.bench;

import picocli.CommandLine.Command;

/** {@code ./midstream bench}: benchmarks of the whole job. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the whole job, with a real Kafka broker.",
        subcommands = {E2eBenchmark.class})
public final class BenchCommand {
}
