package io.midstream.job;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionMetrics;
import io.midstream.avro.SourceRecord;
import io.midstream.job.kafka.AvroRecordSerializer;
import io.midstream.job.kafka.DeadLetterSerializer;
import io.midstream.job.kafka.KafkaIo;
import io.midstream.job.rules.Rules;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Midstream job: chunks from Kafka, alerts, metrics and dead letters to Kafka. */
@Command(name = "midstream-job", mixinStandardHelpOptions = true,
        description = "Inflight analysis of streamed LLM output: reads llm.chunks, writes llm.alerts, llm.metrics and llm.chunks.dlq.")
public final class MidstreamJob {
    private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings (midstream.* and Flink's own).")
    private Path configFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A setting that overrides the file, e.g. -D midstream.kafka.bootstrap-servers=host:9092.")
    private Map<String, String> settings = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        MidstreamJob job = new MidstreamJob();
        CommandLine cli = new CommandLine(job);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + cli.getUsageMessage(), e);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return;
        }
        Configuration config = withJobDefaults(MidstreamConfig.load(job.configFile, job.settings));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        build(env, config);
        env.execute("midstream");
    }

    /** Settings every run of the job needs, where the configuration does not set them. */
    public static Configuration withJobDefaults(Configuration config) {
        Configuration c = new Configuration(config);
        // every record that crosses operators is Avro or a POJO: Kryo would be a bug
        c.set(PipelineOptions.GENERIC_TYPES, false);
        if (c.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty()) {
            c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
        }
        return c;
    }

    /** Adds the whole job, Kafka source and sinks included, to the environment. */
    public static void build(StreamExecutionEnvironment env, Configuration config) {
        WatermarkStrategy<SourceRecord> watermarks = WatermarkStrategy
                .<SourceRecord>forBoundedOutOfOrderness(config.get(MidstreamOptions.MAX_OUT_OF_ORDERNESS))
                .withIdleness(config.get(MidstreamOptions.IDLENESS))
                // a record that is not a chunk says nothing about event time: it must not move the watermark
                .withTimestampAssigner((r, kafkaTime) -> r.getChunk() != null ? r.getChunk().getEventTime().toEpochMilli() : Long.MIN_VALUE);
        DataStream<SourceRecord> records = env
                .fromSource(KafkaIo.chunkSource(config), watermarks, "Kafka: " + config.get(MidstreamOptions.TOPIC_CHUNKS))
                .uid("chunks-source");

        Rules rules = config.getOptional(MidstreamOptions.RULES_FILE).map(f -> Rules.load(Path.of(f))).orElse(Rules.none());
        Pipeline.Results results = Pipeline.build(records, Pipeline.sessionSettings(config),
                Detectors.from(env, config, rules), config.get(MidstreamOptions.ORPHAN_SCORE_TTL));

        String alertsTopic = config.get(MidstreamOptions.TOPIC_ALERTS);
        results.alerts().ifPresent(alerts -> alerts
                .sinkTo(KafkaIo.sink(config, "alerts", new AvroRecordSerializer<>(alertsTopic, Alert.getClassSchema(), Alert::getSessionId)))
                .name("Kafka: " + alertsTopic).uid("alerts-sink"));
        String metricsTopic = config.get(MidstreamOptions.TOPIC_METRICS);
        results.metrics()
                .sinkTo(KafkaIo.sink(config, "metrics", new AvroRecordSerializer<>(metricsTopic, SessionMetrics.getClassSchema(), SessionMetrics::getSessionId)))
                .name("Kafka: " + metricsTopic).uid("metrics-sink");
        String dlqTopic = config.get(MidstreamOptions.TOPIC_DLQ);
        results.deadLetters()
                .sinkTo(KafkaIo.sink(config, "dlq", new DeadLetterSerializer(dlqTopic)))
                .name("Kafka: " + dlqTopic).uid("dlq-sink");
    }
}
