package io.midstream.tools.cluster;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionMetrics;
import io.midstream.tools.KafkaClients;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import io.midstream.tools.kafka.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded job jar on a real standalone cluster: a JobManager and a TaskManager as separate JVM
 * processes from the Maven-built lib/, the job submitted through the REST API, sessions in, alerts,
 * metrics and dead letters out.
 */
class ClusterITCase {
    private static final Path HOME = Path.of(System.getProperty("midstream.home", ".."));

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, List.of("llm.chunks", "llm.alerts", "llm.metrics", "llm.chunks.dlq"), List.of("llm.references"));
        cluster = FlinkCluster.start(dir.resolve("cluster"), HOME.resolve("cluster/target/lib"), HOME.resolve("flink-conf"),
                18081, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theJobJarRunsOnAClusterOfProcesses() throws Exception {
        assertThat(cluster.processes()).hasSize(2);
        String job = cluster.submit(ClusterCommand.jobJar(HOME), "io.midstream.job.MidstreamJob", 2, List.of(
                "--config", HOME.resolve("flink-conf/midstream.yaml").toAbsolutePath().toString(),
                "-D", "midstream.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "-D", "midstream.rules.file=" + HOME.resolve("flink-conf/rules.yaml").toAbsolutePath(),
                "-D", "midstream.session.inactivity-timeout=5 s"));

        int malformed;
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            ChunkProducer out = new ChunkProducer(producer, "llm.chunks", 0.01, 3);
            LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(3, 60, 20, Scenario.MIXED, 3, "",
                    0, System.currentTimeMillis()), Corpus.load());
            out.run(g, false, () -> false);
            malformed = (int) out.malformedSent.sum();
        }
        List<ConsumerRecord<byte[], byte[]>> alerts = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> metrics = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(kafka.bootstrapServers())) {
            consumer.subscribe(List.of("llm.alerts", "llm.metrics", "llm.chunks.dlq"));
            while ((alerts.isEmpty() || metrics.size() < 60 || dead.size() < malformed) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    (r.topic().equals("llm.alerts") ? alerts : r.topic().equals("llm.metrics") ? metrics : dead).add(r);
                }
            }
        }
        assertThat(dead).hasSize(malformed);
        assertThat(metrics.stream().map(r -> decodeMetrics(r).getSessionId()).distinct().count()).isGreaterThan(30);
        assertThat(alerts).isNotEmpty().allSatisfy(r -> {
            Alert a = Alert.fromByteBuffer(ByteBuffer.wrap(r.value()));
            // the shipped rules look for loops and stalls (DTW, attractor), tool calls without a result and
            // secrets after a refusal (LTL); the generator's healthy sessions have none of these
            assertThat(a.getSessionId()).matches(a.getDetector() == io.midstream.avro.DetectorKind.LTL
                    ? "(tool-no-result|leak-after-refusal)-.*" : "(repetition-loop|stall)-.*");
        });

        assertThat(cluster.get("/jobs/" + job)).hasValueSatisfying(body -> assertThat(body)
                .contains("\"state\":\"RUNNING\"")
                .contains("Sessions: order, signals, metrics")
                .contains("Temporal compare: SPRING over reference patterns"));
        assertThat(cluster.get("/overview")).hasValueSatisfying(body -> assertThat(body).contains("\"taskmanagers\":1"));
    }

    private static SessionMetrics decodeMetrics(ConsumerRecord<byte[], byte[]> r) {
        try {
            return SessionMetrics.fromByteBuffer(ByteBuffer.wrap(r.value()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
