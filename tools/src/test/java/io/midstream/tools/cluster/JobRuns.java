package io.midstream.tools.cluster;

import io.midstream.avro.Alert;
import io.midstream.tools.KafkaClients;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs of the job jar on a {@link FlinkCluster} that drain one topic of chunks, each with its own
 * output topics, as the recovery and savepoint tests compare them: the same load, the same rules,
 * alerts read back under read_committed.
 */
final class JobRuns {
    static final Path HOME = Path.of(System.getProperty("midstream.home", ".."));

    private JobRuns() {
    }

    /** Fills a topic with a mixed load of 1,000 concurrent sessions until it holds {@code chunks}. */
    static void produce(String bootstrap, String topic, int chunks) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
            ChunkProducer out = new ChunkProducer(producer, topic, 0, 5);
            LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(5, 0, 1000, Scenario.MIXED, 3, "", 0, 1_700_000_000_000L), Corpus.load());
            out.run(g, false, () -> out.chunks.sum() >= chunks);
        }
    }

    /** The topics a run's outputs go to: {@code prefix.alerts}, {@code prefix.metrics}, {@code prefix.dlq}. */
    static List<String> outputs(String prefix) {
        return List.of(prefix + ".alerts", prefix + ".metrics", prefix + ".dlq");
    }

    /** The job's settings for one run: its own topics, group and transactional ids; it drains the topic and finishes. */
    static Map<String, String> settings(String bootstrap, String chunks, String prefix, String delivery) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("midstream.kafka.bootstrap-servers", bootstrap);
        s.put("midstream.kafka.group-id", prefix);
        s.put("midstream.kafka.starting-offsets", "EARLIEST");
        s.put("midstream.kafka.bounded", "true");
        s.put("midstream.topics.chunks", chunks);
        s.put("midstream.topics.alerts", prefix + ".alerts");
        s.put("midstream.topics.metrics", prefix + ".metrics");
        s.put("midstream.topics.dlq", prefix + ".dlq");
        s.put("midstream.topics.references", chunks + ".references");
        s.put("midstream.delivery", delivery);
        s.put("midstream.kafka.transactional-id-prefix", prefix + "-" + System.nanoTime());
        s.put("midstream.rules.file", HOME.resolve("flink-conf/rules.yaml").toAbsolutePath().toString());
        s.put("midstream.session.inactivity-timeout", "5 s");
        s.put("execution.checkpointing.interval", "2 s");
        return s;
    }

    /** Submits the job jar with these settings, from a savepoint unless that is null. */
    static String submit(FlinkCluster cluster, Map<String, String> settings, String savepoint) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", HOME.resolve("flink-conf/midstream.yaml").toAbsolutePath().toString()));
        settings.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
        return cluster.submit(ClusterCommand.jobJar(HOME), "io.midstream.job.MidstreamJob", 2, args, savepoint);
    }

    /** Every alert of a topic under read_committed, by id; {@code all} gets each record, duplicates too. */
    static Map<String, Alert> alerts(String bootstrap, String topic, List<Alert> all) {
        KafkaClients.readAll(bootstrap, topic, Duration.ofSeconds(10), Duration.ofSeconds(5), r -> all.add(decode(r)));
        Map<String, Alert> byId = new LinkedHashMap<>();
        all.forEach(a -> byId.put(a.getAlertId(), a));
        return byId;
    }

    private static Alert decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return Alert.fromByteBuffer(ByteBuffer.wrap(r.value()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String describe(Alert a) {
        return a.getDetector() + "/" + a.getRuleId() + " " + a.getSessionId() + " seq " + a.getFirstSeq() + "-" + a.getLastSeq() + ": " + a.getMessage();
    }

    /**
     * Waits until the job's consumer group has committed the end of every partition of the topic:
     * the source has read all of it and a checkpoint has completed since.
     */
    static void awaitConsumed(String bootstrap, String group, String topic, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all().get();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                if (end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + group + " committed " + committed + ", not the end " + end + " after " + timeout);
                }
                Thread.sleep(500);
            }
        }
    }

    static long completedCheckpoints(FlinkCluster cluster, String job) {
        return cluster.getJson("/jobs/" + job + "/checkpoints").map(j -> j.path("counts").path("completed").asLong()).orElse(0L);
    }

    /** Waits until {@code more} checkpoints of the job have completed since the call. */
    static void awaitCheckpoints(FlinkCluster cluster, String job, int more) throws InterruptedException {
        long start = completedCheckpoints(cluster, job);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (completedCheckpoints(cluster, job) < start + more) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + more + " checkpoints of job " + job + " in 3 minutes");
            }
            Thread.sleep(250);
        }
    }
}
