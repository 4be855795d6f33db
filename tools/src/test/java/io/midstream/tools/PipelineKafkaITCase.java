package io.midstream.tools;

import io.midstream.avro.FinishReason;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.ReferencePattern;
import io.midstream.avro.Severity;
import io.midstream.avro.SessionMetrics;
import io.midstream.chunk.ChunkCodec;
import io.midstream.job.MidstreamJob;
import io.midstream.job.MidstreamOptions;
import io.midstream.job.kafka.DeadLetterSerializer;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Malformed;
import io.midstream.tools.generate.Scenario;
import io.midstream.tools.kafka.EmbeddedKafka;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job as deployed, on a real Kafka broker and a Flink MiniCluster at parallelism 2: sessions
 * in, metrics out; malformed records land in the DLQ with their reason while the job keeps going;
 * the same sessions sent out of order and with retries give the same metrics as clean input; a
 * reference pattern published while the job runs starts matching its tenant's sessions.
 */
class PipelineKafkaITCase {
    private static final int PARTITIONS = 2;
    private static final long START = 1_700_000_000_000L;
    private static final int SESSIONS = 16;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(PARTITIONS).build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void sessionsInMetricsOutBadRecordsToTheDeadLetterTopic() throws Exception {
        Configuration config = jobConfig("", "pipeline-it");
        config.set(MidstreamOptions.INACTIVITY_TIMEOUT, Duration.ofSeconds(5));
        config.set(MidstreamOptions.IDLENESS, Duration.ofMinutes(5));

        Corpus corpus = Corpus.load();
        Map<String, Integer> expectedChunks = new HashMap<>();
        List<byte[]> malformed = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            ChunkProducer out = new ChunkProducer(producer, "llm.chunks", 0, 1);
            // the same sessions twice, at the same event times, sent side by side: cleanly, and with disorder and retries
            LoadGenerator clean = new LoadGenerator(new LoadGenerator.Settings(42, SESSIONS, 6, Scenario.MIXED, 2, "clean-", 0, START), corpus);
            LoadGenerator messy = new LoadGenerator(new LoadGenerator.Settings(42, SESSIONS, 6, Scenario.MIXED, 2, "messy-", 0.15, START), corpus);
            LoadGenerator.Planned nextClean = clean.next();
            LoadGenerator.Planned nextMessy = messy.next();
            LlmChunk template = nextClean.chunk();
            int sent = 0;
            while (nextClean != null || nextMessy != null) {
                boolean takeClean = nextMessy == null || nextClean != null && nextClean.sendAt() <= nextMessy.sendAt();
                if (takeClean) {
                    expectedChunks.merge(nextClean.chunk().getSessionId(), 1, Integer::sum);
                    out.send(nextClean.chunk());
                    nextClean = clean.hasNext() ? clean.next() : null;
                } else {
                    out.send(nextMessy.chunk());
                    nextMessy = messy.hasNext() ? messy.next() : null;
                }
                if (++sent == 500) {
                    // malformed records amid the sessions: the job must carry on past them. Their Kafka
                    // timestamps are today's, years after the sessions' event times; once they moved the
                    // watermark, and every session open at that point timed out early (chunks lost to
                    // the DLQ as 'after its session ended'). Dead letters must not touch event time.
                    for (Malformed kind : Malformed.values()) {
                        malformed.add(kind.bytes(template));
                        out.sendMalformed(kind, template);
                    }
                }
            }
            moveWatermarkPastEveryTimeout(producer, "llm.chunks", template);
        }
        assertThat(expectedChunks).hasSize(SESSIONS);
        assertThat(expectedChunks.keySet()).anyMatch(s -> s.contains("stall")); // one ends by the timeout

        JobClient job = startJob(config);
        try {
            List<SessionMetrics> metrics = Topics.readUntil(kafka.bootstrapServers(), "llm.metrics", Duration.ofSeconds(120),
                            // the clock sessions' own summaries never come: the watermark stays behind their end
                            read -> read.stream().map(PipelineKafkaITCase::decode)
                                    .filter(m -> m.getIsFinal() && !m.getSessionId().startsWith("clock-")).count() >= 2L * SESSIONS)
                    .stream().map(PipelineKafkaITCase::decode).toList();
            List<ConsumerRecord<byte[], byte[]>> dead = Topics.readUntil(kafka.bootstrapServers(), "llm.chunks.dlq",
                    Duration.ofSeconds(30), read -> read.size() >= malformed.size());
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            Map<String, SessionMetrics> summaries = metrics.stream().filter(SessionMetrics::getIsFinal)
                    .collect(Collectors.toMap(SessionMetrics::getSessionId, m -> m));
            for (var e : expectedChunks.entrySet()) {
                SessionMetrics summary = summaries.get(e.getKey());
                assertThat(summary).as("summary of %s", e.getKey()).isNotNull();
                assertThat(summary.getChunks()).as("chunks of %s", e.getKey()).isEqualTo((long) e.getValue());
                if (e.getKey().contains("stall")) {
                    assertThat(summary.getEndReason()).isEqualTo("timeout");
                } else {
                    assertThat(summary.getEndReason()).isIn("stop", "length");
                }
            }

            // disorder and retries change nothing but the count of duplicates
            Map<String, List<SessionMetrics>> bySession = metrics.stream().collect(Collectors.groupingBy(
                    SessionMetrics::getSessionId, TreeMap::new, Collectors.toList()));
            for (String session : expectedChunks.keySet()) {
                List<SessionMetrics> cleanSeries = bySession.get(session);
                List<SessionMetrics> messySeries = bySession.get(session.replace("clean-", "messy-"));
                assertThat(messySeries).as("metrics of the messy twin of %s", session).hasSameSizeAs(cleanSeries);
                for (int i = 0; i < cleanSeries.size(); i++) {
                    SessionMetrics m = SessionMetrics.newBuilder(messySeries.get(i)).setSessionId(session).setDuplicates(0L).build();
                    assertThat(m).as("metrics %d of %s", i, session).isEqualTo(cleanSeries.get(i));
                    assertThat(cleanSeries.get(i).getDuplicates()).isZero();
                }
            }
            assertThat(summaries.values().stream().filter(m -> m.getSessionId().startsWith("messy-"))
                    .mapToLong(SessionMetrics::getDuplicates).sum()).as("the messy input had retries").isPositive();

            assertThat(dead).hasSize(malformed.size());
            for (int i = 0; i < dead.size(); i++) {
                ConsumerRecord<byte[], byte[]> d = dead.get(i);
                String reason = new String(d.headers().lastHeader(DeadLetterSerializer.REASON).value(), StandardCharsets.UTF_8);
                assertThat(d.value()).as("the bad record is kept as it came").isEqualTo(malformed.get(i));
                assertThat(reason).startsWith(switch (Malformed.values()[i]) {
                    case NOT_AVRO -> "not Avro single-object encoding";
                    case TRUNCATED -> "corrupt Avro record";
                    case UNKNOWN_SCHEMA -> "written with an unknown schema";
                    case INVALID_CHUNK -> "invalid chunk: seq is negative";
                });
                assertThat(d.headers().lastHeader(DeadLetterSerializer.SOURCE_OFFSET)).isNotNull();
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReferencePublishedWhileTheJobRunsStartsMatchingItsTenantsSessions() throws Exception {
        Configuration config = jobConfig("refs.", "references-it");
        Corpus corpus = Corpus.load();
        JobClient job = startJob(config);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            ChunkProducer out = new ChunkProducer(producer, "refs.llm.chunks", 0, 1);
            long now = System.currentTimeMillis();
            // loops for two tenants before there is any pattern: seen by the job, no alert
            long clock = send(out, new LoadGenerator.Settings(7, 6, 6, Scenario.REPETITION_LOOP, 2, "before-", 0, now), corpus);
            Topics.readUntil(kafka.bootstrapServers(), "refs.llm.metrics", Duration.ofSeconds(60), read ->
                    read.stream().map(PipelineKafkaITCase::decode).map(SessionMetrics::getSessionId).distinct().count() >= 6);

            ReferencePattern loop = new ReferencePattern("tenant-1", "loop", "repetition",
                    List.of(0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), 1.5, Severity.high);
            producer.send(new ProducerRecord<>("refs.llm.references", "tenant-1/loop".getBytes(StandardCharsets.UTF_8),
                    ReferencePattern.getEncoder().encode(loop).array())).get();
            // the references and the chunks are separate topics: probe until the pattern has reached the job
            int probes = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (alerts("refs.llm.alerts", Duration.ofSeconds(2)).stream().noneMatch(a -> a.getSessionId().startsWith("probe-"))) {
                assertThat(System.nanoTime()).as("an alert for a probe session").isLessThan(deadline);
                clock = send(out, new LoadGenerator.Settings(100 + probes, 1, 1, Scenario.REPETITION_LOOP, 1, "probe-" + probes++ + "-", 0, clock + 1000), corpus);
            }

            clock = send(out, new LoadGenerator.Settings(8, 8, 8, Scenario.REPETITION_LOOP, 2, "after-", 0, clock + 1000), corpus);
            send(out, new LoadGenerator.Settings(9, 10, 10, Scenario.CHAT, 1, "chat-", 0, clock + 1000), corpus);
            List<io.midstream.avro.Alert> alerts = alerts("refs.llm.alerts", Duration.ofSeconds(15));
            assertThat(alerts).extracting(io.midstream.avro.Alert::getSessionId).noneMatch(s -> s.startsWith("before-"));
            assertThat(alerts).extracting(io.midstream.avro.Alert::getSessionId).noneMatch(s -> s.startsWith("chat-"));
            assertThat(alerts).as("only tenant-1 has the pattern").allMatch(a -> a.getTenantId().equals("tenant-1"));
            assertThat(alerts).allMatch(a -> a.getRuleId().equals("loop") && a.getDetector() == io.midstream.avro.DetectorKind.DTW);
            assertThat(alerts.stream().filter(a -> a.getSessionId().startsWith("after-")).map(io.midstream.avro.Alert::getSessionId).distinct())
                    .as("every looping session of tenant-1").hasSize((int) sentSessions.stream()
                            .filter(s -> s.startsWith("tenant-1/after-")).distinct().count());
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void exactlyOnceWritesInTransactionsCommittedOnCheckpoints() throws Exception {
        Configuration config = jobConfig("eo.", "exactly-once-it");
        config.set(MidstreamOptions.DELIVERY, MidstreamOptions.Delivery.EXACTLY_ONCE);
        config.set(MidstreamOptions.TRANSACTIONAL_ID_PREFIX, "eo-it");
        config.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
        List<String> sessions = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            ChunkProducer out = new ChunkProducer(producer, "eo.llm.chunks", 0, 1);
            LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(5, 12, 6, Scenario.CHAT, 2, "eo-", 0, START), Corpus.load());
            LlmChunk last = null;
            while (g.hasNext()) {
                last = g.next().chunk();
                out.send(last);
                if (!sessions.contains(last.getSessionId())) {
                    sessions.add(last.getSessionId());
                }
            }
            moveWatermarkPastEveryTimeout(producer, "eo.llm.chunks", last);
        }
        JobClient job = startJob(config);
        try {
            // read_committed: what is visible was committed with a checkpoint
            List<SessionMetrics> summaries = Topics.readUntil(kafka.bootstrapServers(), "eo.llm.metrics", Duration.ofSeconds(90),
                            read -> read.stream().map(PipelineKafkaITCase::decode).filter(SessionMetrics::getIsFinal).count() >= sessions.size())
                    .stream().map(PipelineKafkaITCase::decode).filter(SessionMetrics::getIsFinal).toList();
            assertThat(summaries).extracting(SessionMetrics::getSessionId).containsExactlyInAnyOrderElementsOf(sessions);
            try (var admin = org.apache.kafka.clients.admin.Admin.create(
                    java.util.Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTransactions().all().get()).as("the sinks wrote in Kafka transactions")
                        .anyMatch(t -> t.transactionalId().startsWith("eo-it-metrics"));
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** tenant/session of every chunk sent. */
    private final List<String> sentSessions = new ArrayList<>();

    /** Sends a generator's sessions; returns the last event time sent. */
    private long send(ChunkProducer out, LoadGenerator.Settings settings, Corpus corpus) {
        LoadGenerator g = new LoadGenerator(settings, corpus);
        long last = settings.startMillis();
        while (g.hasNext()) {
            LlmChunk c = g.next().chunk();
            out.send(c);
            sentSessions.add(c.getTenantId() + "/" + c.getSessionId());
            last = Math.max(last, c.getEventTime().toEpochMilli());
        }
        return last;
    }

    private static List<io.midstream.avro.Alert> alerts(String topic, Duration wait) {
        return Topics.readUntil(kafka.bootstrapServers(), topic, wait, read -> false).stream().map(r -> {
            try {
                return io.midstream.avro.Alert.fromByteBuffer(ByteBuffer.wrap(r.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The job's settings against the test broker, from the earliest offsets, its topics named prefix + default and created. */
    private static Configuration jobConfig(String topicPrefix, String groupId) {
        Configuration config = new Configuration();
        config.set(MidstreamOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(MidstreamOptions.STARTING_OFFSETS, MidstreamOptions.StartingOffsets.EARLIEST);
        config.set(MidstreamOptions.GROUP_ID, groupId);
        for (var topic : List.of(MidstreamOptions.TOPIC_CHUNKS, MidstreamOptions.TOPIC_ALERTS, MidstreamOptions.TOPIC_METRICS,
                MidstreamOptions.TOPIC_DLQ, MidstreamOptions.TOPIC_REFERENCES)) {
            config.set(topic, topicPrefix + topic.defaultValue());
        }
        kafka.createTopics(PARTITIONS,
                List.of(config.get(MidstreamOptions.TOPIC_CHUNKS), config.get(MidstreamOptions.TOPIC_ALERTS),
                        config.get(MidstreamOptions.TOPIC_METRICS), config.get(MidstreamOptions.TOPIC_DLQ)),
                List.of(config.get(MidstreamOptions.TOPIC_REFERENCES)));
        return config;
    }

    /** A chunk far ahead in event time on every partition moves the watermark past every timeout. */
    private static void moveWatermarkPastEveryTimeout(KafkaProducer<byte[], byte[]> producer, String topic, LlmChunk template) {
        for (int p = 0; p < PARTITIONS; p++) {
            LlmChunk clock = LlmChunk.newBuilder(template).setSessionId("clock-" + p).setSeq(0).setToolCall(null)
                    .setEventTime(Instant.ofEpochMilli(START + TimeUnit.DAYS.toMillis(1))).setFinishReason(FinishReason.stop).build();
            producer.send(new ProducerRecord<>(topic, p, clock.getSessionId().getBytes(StandardCharsets.UTF_8), ChunkCodec.encode(clock)));
        }
    }

    private static JobClient startJob(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(MidstreamJob.withJobDefaults(config));
        env.setParallelism(PARTITIONS);
        MidstreamJob.build(env, config);
        return env.executeAsync("midstream-it");
    }

    private static SessionMetrics decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return SessionMetrics.fromByteBuffer(ByteBuffer.wrap(r.value()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
