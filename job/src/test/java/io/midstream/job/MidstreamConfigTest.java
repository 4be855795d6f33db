package io.midstream.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MidstreamConfigTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("midstream.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void nestedAndDottedKeysAreReadAndArgumentsWin() throws Exception {
        Path f = file("""
                midstream:
                  kafka:
                    bootstrap-servers: broker:9092
                  session.inactivity-timeout: 90 s
                  delivery: exactly_once
                execution.checkpointing.interval: 30 s
                """);
        Configuration c = MidstreamConfig.load(f, Map.of("midstream.kafka.bootstrap-servers", "other:9092"));
        assertThat(c.get(MidstreamOptions.BOOTSTRAP_SERVERS)).isEqualTo("other:9092");
        assertThat(c.get(MidstreamOptions.INACTIVITY_TIMEOUT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.get(MidstreamOptions.DELIVERY)).isEqualTo(MidstreamOptions.Delivery.EXACTLY_ONCE);
        assertThat(c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.get(MidstreamOptions.REORDER_CAPACITY)).isEqualTo(64);
    }

    @Test
    void aMistypedSettingIsRefusedByName() throws Exception {
        Path f = file("midstream.session.inactivity-timout: 10 s\n");
        assertThatThrownBy(() -> MidstreamConfig.load(f, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'midstream.session.inactivity-timout'")
                .hasMessageContaining("midstream.session.inactivity-timeout");
    }

    @Test
    void aBadValueIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> MidstreamConfig.load(null, Map.of("midstream.session.reorder-capacity", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'midstream.session.reorder-capacity' has a bad value 'many'");
    }

    @Test
    void aFileThatIsNotYamlIsRefused() throws Exception {
        Path f = file("midstream: [unclosed\n");
        assertThatThrownBy(() -> MidstreamConfig.load(f, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read config file");
        assertThatThrownBy(() -> MidstreamConfig.load(dir.resolve("missing.yaml"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read config file");
    }

    @Test
    void theJobAlwaysRunsWithoutKryoAndWithCheckpoints() {
        Configuration c = MidstreamJob.withJobDefaults(new Configuration());
        assertThat(c.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadArgumentGetsTheUsage() {
        assertThatThrownBy(() -> MidstreamJob.main(new String[] {"--confg", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option")
                .hasMessageContaining("Usage: midstream-job");
    }

    @Test
    void theShippedConfigFileIsValid() {
        Path shipped = Path.of("..", "flink-conf", "midstream.yaml");
        assertThat(MidstreamConfig.load(shipped, Map.of()).get(MidstreamOptions.TOPIC_CHUNKS)).isEqualTo("llm.chunks");
    }
}
