package io.midstream.tools;

import io.midstream.job.MidstreamOptions;
import io.midstream.tools.kafka.EmbeddedKafka;
import io.midstream.tools.kafka.KafkaProcess;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./midstream kafka up|down}: a single-node Kafka broker as a process of its own, with the job's topics. */
@Command(name = "kafka", mixinStandardHelpOptions = true, description = "A Kafka broker (KRaft, loopback) as a background process.",
        subcommands = {KafkaCommand.Up.class, KafkaCommand.Down.class})
final class KafkaCommand {
    static Path defaultDir() {
        return Path.of(System.getProperty("midstream.home", ".")).resolve("tools/target/kafka");
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Starts the broker and creates the job's topics; prints the bootstrap address.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", description = "The broker's folder (default: tools/target/kafka).")
        Path dir;
        @Option(names = "--partitions", defaultValue = "2", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Override
        public Integer call() throws Exception {
            KafkaProcess kafka = KafkaProcess.start(dir != null ? dir : defaultDir(), Duration.ofSeconds(60));
            Configuration defaults = new Configuration();
            EmbeddedKafka.createTopics(kafka.bootstrapServers(), partitions,
                    List.of(defaults.get(MidstreamOptions.TOPIC_CHUNKS), defaults.get(MidstreamOptions.TOPIC_ALERTS),
                            defaults.get(MidstreamOptions.TOPIC_METRICS), defaults.get(MidstreamOptions.TOPIC_DLQ)),
                    List.of(defaults.get(MidstreamOptions.TOPIC_REFERENCES)));
            System.out.println(kafka.bootstrapServers());
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the broker.")
    static final class Down implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", description = "The broker's folder (default: tools/target/kafka).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            KafkaProcess.at(dir != null ? dir : defaultDir()).stop();
            System.out.println("kafka down");
            return 0;
        }
    }
}
