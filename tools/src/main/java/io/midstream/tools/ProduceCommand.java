package io.midstream.tools;

import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code ./midstream produce}: the load generator against any Kafka. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Streams generated LLM sessions (chat and agent answers with and without pathologies) to a Kafka topic.")
final class ProduceCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "llm.chunks", description = "Topic to write to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--sessions", defaultValue = "100", description = "Sessions to send; 0 sends until stopped (default: ${DEFAULT-VALUE}).")
    long sessions;

    @Option(names = "--rate", defaultValue = "500", description = "Chunks per second, roughly, in real time; 0 sends as fast as Kafka takes them with synthetic event times (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--scenario", defaultValue = "MIXED", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scenario scenario;

    @Option(names = "--tenants", defaultValue = "3", description = "Tenants the sessions are spread over (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the content (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed", defaultValue = "0", description = "Probability of a malformed record after each chunk (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(names = "--disorder", defaultValue = "0", description = "Probability of swapping or repeating each chunk, as a flaky producer would (default: ${DEFAULT-VALUE}).")
    double disorder;

    @Override
    public Integer call() throws Exception {
        Corpus corpus = Corpus.load();
        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(seed, sessions,
                LoadGenerator.concurrencyFor(rate, corpus, scenario, seed, 60_000), scenario, tenants, "", disorder, System.currentTimeMillis()), corpus);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
            ChunkProducer out = new ChunkProducer(producer, topic, malformed, seed);
            out.run(generator, rate > 0, () -> false);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("produced %d chunks of %s sessions and %d malformed records to %s in %.1f s (%.0f chunks/s)%n",
                    out.chunks.sum(), sessions == 0 ? "unlimited" : Long.toString(sessions), out.malformedSent.sum(),
                    topic, seconds, out.chunks.sum() / seconds);
        }
        return 0;
    }
}
