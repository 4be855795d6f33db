package io.midstream.tools.cluster;

import io.midstream.avro.Alert;
import io.midstream.tools.KafkaClients;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import io.midstream.tools.kafka.EmbeddedKafka;
import io.midstream.tools.kafka.Ports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection on a real cluster of processes: 200,000 chunks drained by the job while its
 * TaskManager is killed with SIGKILL twice (a new one started each time, as a supervisor would).
 * The job recovers by itself from its checkpoints; with exactly-once, under read_committed, its
 * alerts are exactly those of an uninterrupted run: none lost, none twice; with at-least-once no
 * alert id of the uninterrupted run is missing.
 */
class RecoveryITCase {
    private static final Path HOME = Path.of(System.getProperty("midstream.home", ".."));
    private static final int CHUNKS = 200_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // three drains of 200,000 chunks on 2 cores: more than the 5 minutes of other tests
    void killedTaskManagersLoseAndRepeatNoAlert() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, List.of("rec.chunks", "ref.alerts", "ref.metrics", "ref.dlq", "eos.alerts", "eos.metrics", "eos.dlq",
                            "alo.alerts", "alo.metrics", "alo.dlq"),
                    List.of("rec.references"));
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
                ChunkProducer out = new ChunkProducer(producer, "rec.chunks", 0, 5);
                LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(5, 0, 1000, Scenario.MIXED, 3, "", 0, 1_700_000_000_000L), Corpus.load());
                out.run(g, false, () -> out.chunks.sum() >= CHUNKS);
            }

            FlinkCluster cluster = FlinkCluster.start(dir.resolve("cluster"), HOME.resolve("cluster/target/lib"), HOME.resolve("flink-conf"),
                    Ports.free(), Duration.ofSeconds(120));
            Map<String, Alert> reference;
            try {
                // the same chunks through the same job on the same cluster, without faults
                String uninterrupted = submit(cluster, settings(kafka.bootstrapServers(), "ref", "EXACTLY_ONCE"));
                awaitState(cluster, uninterrupted, "FINISHED", Duration.ofMinutes(8));
                reference = alerts(kafka.bootstrapServers(), "ref.alerts", new ArrayList<>());
                assertThat(reference).as("the load has loops, stalls, tool calls without results and leaks").hasSizeGreaterThan(100);
                runKillingTaskManagers(cluster, settings(kafka.bootstrapServers(), "eos", "EXACTLY_ONCE"));
                runKillingTaskManagers(cluster, settings(kafka.bootstrapServers(), "alo", "AT_LEAST_ONCE"));
            } finally {
                cluster.stop();
            }

            List<Alert> exactlyOnce = new ArrayList<>();
            Map<String, Alert> recovered = alerts(kafka.bootstrapServers(), "eos.alerts", exactlyOnce);
            assertThat(exactlyOnce).extracting(Alert::getAlertId).as("exactly-once: no alert twice").doesNotHaveDuplicates();
            Set<String> lost = new HashSet<>(reference.keySet());
            lost.removeAll(recovered.keySet());
            Set<String> extra = new HashSet<>(recovered.keySet());
            extra.removeAll(reference.keySet());
            assertThat(lost.stream().map(reference::get).map(RecoveryITCase::describe)).as("lost to the failures").isEmpty();
            assertThat(extra.stream().map(recovered::get).map(RecoveryITCase::describe)).as("not in the uninterrupted run").isEmpty();
            // at-least-once may repeat what followed the last checkpoint, under the same ids: none may be missing
            Set<String> atLeastOnce = alerts(kafka.bootstrapServers(), "alo.alerts", new ArrayList<>()).keySet();
            assertThat(reference.keySet().stream().filter(id -> !atLeastOnce.contains(id)).map(reference::get).map(RecoveryITCase::describe))
                    .as("at-least-once: lost").isEmpty();
        }
    }

    /** Runs the job to its end while its TaskManager is killed twice, a new one started each time. */
    private static void runKillingTaskManagers(FlinkCluster cluster, Map<String, String> settings) throws Exception {
        String job = submit(cluster, settings);
        for (int kill = 0; kill < 2; kill++) {
            awaitCheckpoints(cluster, job, 2);
            List<ProcessHandle> processes = cluster.processes();
            ProcessHandle taskManager = processes.get(processes.size() - 1);
            assertThat(cluster.get("/jobs/" + job)).as("the job still runs before kill %d", kill + 1)
                    .hasValueSatisfying(b -> assertThat(b).contains("\"state\":\"RUNNING\""));
            taskManager.destroyForcibly();
            taskManager.onExit().get(30, TimeUnit.SECONDS);
            cluster.addTaskManager(HOME.resolve("cluster/target/lib"));
        }
        awaitState(cluster, job, "FINISHED", Duration.ofMinutes(8));
        // both losses were seen and recovered from, by the job itself
        assertThat(cluster.get("/jobs/" + job + "/exceptions")).hasValueSatisfying(b -> assertThat(
                json(b).path("exceptionHistory").path("entries").size()).isGreaterThanOrEqualTo(2));
    }

    private static String submit(FlinkCluster cluster, Map<String, String> settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", HOME.resolve("flink-conf/midstream.yaml").toAbsolutePath().toString()));
        settings.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
        return cluster.submit(ClusterCommand.jobJar(HOME), "io.midstream.job.MidstreamJob", 2, args);
    }

    /** The job's settings for one run: its own topics, group and transactional ids; it drains the topic and finishes. */
    private static Map<String, String> settings(String bootstrap, String prefix, String delivery) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("midstream.kafka.bootstrap-servers", bootstrap);
        s.put("midstream.kafka.group-id", prefix);
        s.put("midstream.kafka.starting-offsets", "EARLIEST");
        s.put("midstream.kafka.bounded", "true");
        s.put("midstream.topics.chunks", "rec.chunks");
        s.put("midstream.topics.alerts", prefix + ".alerts");
        s.put("midstream.topics.metrics", prefix + ".metrics");
        s.put("midstream.topics.dlq", prefix + ".dlq");
        s.put("midstream.topics.references", "rec.references");
        s.put("midstream.delivery", delivery);
        s.put("midstream.kafka.transactional-id-prefix", prefix + "-" + System.nanoTime());
        s.put("midstream.rules.file", HOME.resolve("flink-conf/rules.yaml").toAbsolutePath().toString());
        s.put("midstream.session.inactivity-timeout", "5 s");
        s.put("execution.checkpointing.interval", "2 s");
        return s;
    }

    /** Every alert of a topic under read_committed, by id; {@code all} gets each record, duplicates too. */
    private static Map<String, Alert> alerts(String bootstrap, String topic, List<Alert> all) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < quietUntil) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    all.add(Alert.fromByteBuffer(ByteBuffer.wrap(r.value())));
                }
            }
        }
        Map<String, Alert> byId = new LinkedHashMap<>();
        all.forEach(a -> byId.put(a.getAlertId(), a));
        return byId;
    }

    private static String describe(Alert a) {
        return a.getDetector() + "/" + a.getRuleId() + " " + a.getSessionId() + " seq " + a.getFirstSeq() + "-" + a.getLastSeq() + ": " + a.getMessage();
    }

    private static void awaitCheckpoints(FlinkCluster cluster, String job, int more) throws Exception {
        long start = completed(cluster, job);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (completed(cluster, job) < start + more) {
            assertThat(System.nanoTime()).as("checkpoints complete").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static long completed(FlinkCluster cluster, String job) {
        return cluster.get("/jobs/" + job + "/checkpoints").map(b -> json(b).path("counts").path("completed").asLong()).orElse(0L);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitState(FlinkCluster cluster, String job, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cluster.get("/jobs/" + job).map(b -> b.contains("\"state\":\"" + state + "\"")).orElse(false)) {
            assertThat(System.nanoTime()).as("the job reaches %s", state).isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
