package io.midstream.tools.cluster;

import io.midstream.avro.Alert;
import io.midstream.tools.kafka.EmbeddedKafka;
import io.midstream.tools.kafka.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.midstream.tools.cluster.JobRuns.HOME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop with a savepoint and resume, on a real cluster of processes with the RocksDB state
 * backend: the job is stopped while about a thousand sessions are open, resumed from the
 * savepoint, and its alerts are then exactly those of an uninterrupted run on the heap backend.
 */
class SavepointITCase {
    private static final int CHUNKS = 100_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // two drains of 100,000 chunks and a restore on 2 cores
    void resumedFromASavepointTheVerdictsAreThoseOfAnUninterruptedRun() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopics(2, Stream.of(List.of("sp.chunks"), JobRuns.outputs("ref"), JobRuns.outputs("resumed"))
                    .flatMap(List::stream).toList(), List.of("sp.chunks.references"));
            JobRuns.produce(bootstrap, "sp.chunks", CHUNKS);

            FlinkCluster cluster = FlinkCluster.start(dir.resolve("cluster"), HOME.resolve("cluster/target/lib"), HOME.resolve("flink-conf"),
                    Ports.free(), Map.of(), Duration.ofSeconds(120));
            try {
                String uninterrupted = JobRuns.submit(cluster, JobRuns.settings(bootstrap, "sp.chunks", "ref", "EXACTLY_ONCE"), null);
                cluster.awaitState(uninterrupted, "FINISHED", Duration.ofMinutes(4));
                Map<String, Alert> reference = JobRuns.alerts(bootstrap, "ref.alerts", new ArrayList<>());
                assertThat(reference).hasSizeGreaterThan(50);

                Map<String, String> settings = JobRuns.settings(bootstrap, "sp.chunks", "resumed", "EXACTLY_ONCE");
                settings.put("state.backend.type", "rocksdb");
                settings.put("execution.checkpointing.incremental", "true");
                String first = JobRuns.submit(cluster, settings, null);
                JobRuns.awaitCheckpoints(cluster, first, 1);
                String savepoint = cluster.stopWithSavepoint(first, false, Duration.ofMinutes(2));
                cluster.awaitState(first, "FINISHED", Duration.ofSeconds(30));
                int beforeStop = JobRuns.alerts(bootstrap, "resumed.alerts", new ArrayList<>()).size();
                assertThat(beforeStop).as("the stop came while the topic was being drained").isBetween(1, reference.size() - 1);

                String resumed = JobRuns.submit(cluster, settings, savepoint);
                // a bounded Kafka source restored from a savepoint reads to its end but does not finish
                // (FLINK-31006): once it has read everything, the job is stopped with a drain, which gives
                // every open verdict as the end of the input does
                JobRuns.awaitConsumed(bootstrap, "resumed", "sp.chunks", Duration.ofMinutes(4));
                cluster.stopWithSavepoint(resumed, true, Duration.ofMinutes(2));
                cluster.awaitState(resumed, "FINISHED", Duration.ofSeconds(30));
                assertThat(cluster.getJson("/jobs/" + resumed + "/checkpoints")).as("restored from the savepoint")
                        .hasValueSatisfying(j -> assertThat(j.path("latest").path("restored").path("external_path").asText())
                                .isEqualTo(savepoint));

                List<Alert> all = new ArrayList<>();
                Map<String, Alert> alerts = JobRuns.alerts(bootstrap, "resumed.alerts", all);
                assertThat(all).extracting(Alert::getAlertId).as("no alert twice across the stop").doesNotHaveDuplicates();
                assertThat(reference.keySet().stream().filter(id -> !alerts.containsKey(id)).map(reference::get).map(JobRuns::describe))
                        .as("lost across the stop").isEmpty();
                assertThat(alerts.keySet().stream().filter(id -> !reference.containsKey(id)).map(alerts::get).map(JobRuns::describe))
                        .as("not in the uninterrupted run").isEmpty();
            } finally {
                cluster.stop();
            }
        }
    }
}
