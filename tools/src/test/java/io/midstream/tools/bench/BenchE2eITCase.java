package io.midstream.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.midstream.tools.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A short smoke of {@code ./midstream bench e2e}: every figure is measured and written; the figures themselves are the command's job. */
class BenchE2eITCase {
    @Test
    void theBenchmarkMeasuresEveryFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int exit = Main.run("bench", "e2e", "--chunks", "20000", "--rate", "500", "--seconds", "6", "--open-sessions", "300",
                "--json", json.toString());
        assertThat(exit).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.at("/throughput/pass_through/chunks_per_s").asDouble()).isPositive();
        assertThat(r.at("/throughput/full/chunks_per_s").asDouble()).isPositive();
        assertThat(r.at("/latency/pass_through/measured").asLong()).as("chunks timed through the pass-through job").isPositive();
        assertThat(r.at("/latency/full/measured").asLong()).as("alerts timed through the full job").isPositive();
        long byDetector = 0;
        for (JsonNode d : r.at("/latency/full/by_detector")) {
            byDetector += d.path("measured").asLong();
        }
        assertThat(byDetector).as("alerts timed by detector").isEqualTo(r.at("/latency/full/measured").asLong());
        // state grows with open sessions and goes back down when they end; the operator that joins
        // metrics with scores keeps nothing of ended sessions (it kept ~430 B each, 258 KB for 600,
        // while orphaned scores stayed behind)
        long one = r.at("/state/state_bytes_open_300").asLong();
        long two = r.at("/state/state_bytes_open_600").asLong();
        assertThat(two).isGreaterThan(one);
        assertThat(r.at("/state/state_bytes_after_end").asLong()).isLessThan(one);
        r.path("state").path("state_bytes_after_end_by_operator").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("Metrics with detector scores")) {
                assertThat(e.getValue().asLong()).as(e.getKey()).isLessThan(50_000);
            }
        });
        assertThat(r.at("/state/state_bytes_after_end_by_operator").toString()).contains("Metrics with detector scores");
    }
}
