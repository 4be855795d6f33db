package io.midstream.job;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The job's settings, with their defaults; set them in the config file or with {@code -D key=value}. */
public final class MidstreamOptions {
    private MidstreamOptions() {}

    public enum Delivery { AT_LEAST_ONCE, EXACTLY_ONCE }

    public enum StartingOffsets { COMMITTED, EARLIEST, LATEST }

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOptions.key("midstream.kafka.bootstrap-servers")
            .stringType().defaultValue("127.0.0.1:9092").withDescription("Kafka brokers to read chunks from and write results to.");
    public static final ConfigOption<String> GROUP_ID = ConfigOptions.key("midstream.kafka.group-id")
            .stringType().defaultValue("midstream").withDescription("Consumer group whose offsets the job commits on checkpoints.");
    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS = ConfigOptions.key("midstream.kafka.starting-offsets")
            .enumType(StartingOffsets.class).defaultValue(StartingOffsets.COMMITTED)
            .withDescription("Where a job without a checkpoint starts: the group's committed offsets (earliest where there are none), earliest or latest.");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOptions.key("midstream.kafka.transactional-id-prefix")
            .stringType().defaultValue("midstream").withDescription("Prefix of the sinks' transactional ids with exactly-once delivery; unique per job on a cluster.");
    public static final ConfigOption<String> TOPIC_CHUNKS = ConfigOptions.key("midstream.topics.chunks")
            .stringType().defaultValue("llm.chunks").withDescription("Topic of LlmChunk records, Avro single-object encoding.");
    public static final ConfigOption<String> TOPIC_ALERTS = ConfigOptions.key("midstream.topics.alerts")
            .stringType().defaultValue("llm.alerts").withDescription("Topic the Alert records go to.");
    public static final ConfigOption<String> TOPIC_METRICS = ConfigOptions.key("midstream.topics.metrics")
            .stringType().defaultValue("llm.metrics").withDescription("Topic the SessionMetrics records go to.");
    public static final ConfigOption<String> TOPIC_DLQ = ConfigOptions.key("midstream.topics.dlq")
            .stringType().defaultValue("llm.chunks.dlq").withDescription("Topic of records that are not usable chunks, the reason in header midstream.reason.");
    public static final ConfigOption<String> TOPIC_REFERENCES = ConfigOptions.key("midstream.topics.references")
            .stringType().defaultValue("llm.references").withDescription("Compacted topic of ReferencePattern records.");
    public static final ConfigOption<Delivery> DELIVERY = ConfigOptions.key("midstream.delivery")
            .enumType(Delivery.class).defaultValue(Delivery.AT_LEAST_ONCE)
            .withDescription("AT_LEAST_ONCE (alert ids are deterministic, so consumers drop duplicates) or EXACTLY_ONCE (Kafka transactions committed on checkpoints; consumers read_committed).");
    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS = ConfigOptions.key("midstream.watermark.max-out-of-orderness")
            .durationType().defaultValue(Duration.ofSeconds(2)).withDescription("How far behind the latest event time a chunk may arrive and still count as on time.");
    public static final ConfigOption<Duration> IDLENESS = ConfigOptions.key("midstream.watermark.idleness")
            .durationType().defaultValue(Duration.ofSeconds(30)).withDescription("A partition without records for this long no longer holds the watermark back.");
    public static final ConfigOption<Duration> INACTIVITY_TIMEOUT = ConfigOptions.key("midstream.session.inactivity-timeout")
            .durationType().defaultValue(Duration.ofSeconds(60)).withDescription("A session without a chunk for this long (event time) ends with reason timeout.");
    public static final ConfigOption<Integer> REORDER_CAPACITY = ConfigOptions.key("midstream.session.reorder-capacity")
            .intType().defaultValue(64).withDescription("Chunks that may wait behind a missing seq before it is given up on.");
    public static final ConfigOption<Integer> METRICS_EVERY = ConfigOptions.key("midstream.session.metrics-every")
            .intType().defaultValue(16).withDescription("Chunks per SessionMetrics window; a final summary comes at session end.");
    public static final ConfigOption<Duration> ENDED_RETENTION = ConfigOptions.key("midstream.session.ended-retention")
            .durationType().defaultValue(Duration.ofMinutes(5)).withDescription("How long an ended session is remembered so that retried chunks are dropped, not restarted.");
    public static final ConfigOption<Integer> NGRAM_SIZE = ConfigOptions.key("midstream.signals.ngram-size")
            .intType().defaultValue(3).withDescription("Words per n-gram of the repetition signal.");
    public static final ConfigOption<Integer> NGRAM_WINDOW = ConfigOptions.key("midstream.signals.ngram-window")
            .intType().defaultValue(512).withDescription("How many of the session's latest n-grams the repetition signal looks in.");
    public static final ConfigOption<Integer> RECENT_TEXT_CHARS = ConfigOptions.key("midstream.signals.recent-text-chars")
            .intType().defaultValue(128).withDescription("How far before a chunk a text proposition's match may start, so that a phrase split over chunks is found; a search reads this much plus the chunk.");
    public static final ConfigOption<Boolean> SOURCE_BOUNDED = ConfigOptions.key("midstream.kafka.bounded")
            .booleanType().defaultValue(false).withDescription("Stop at the offsets that are the latest when the job starts: drain what the topics hold, then finish (benchmarks, backfills).");
    public static final ConfigOption<Duration> SINK_LINGER = ConfigOptions.key("midstream.kafka.linger")
            .durationType().defaultValue(Duration.ofMillis(5))
            .withDescription("How long the sinks' producers wait for more records to send together (Kafka's linger.ms): fuller requests against latency.");
    public static final ConfigOption<String> RULES_FILE = ConfigOptions.key("midstream.rules.file")
            .stringType().noDefaultValue().withDescription("YAML rules file (references, detector parameters), read where the job is built; refused at start if invalid.");
    public static final ConfigOption<Duration> ORPHAN_SCORE_TTL = ConfigOptions.key("midstream.metrics.orphan-score-ttl")
            .durationType().defaultValue(Duration.ofHours(1)).withDescription("Scores of a session whose summary never comes are dropped after this long (processing time).");

    /** Every option above, for checking a config file's keys. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field f : MidstreamOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                try {
                    options.add((ConfigOption<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }
}
