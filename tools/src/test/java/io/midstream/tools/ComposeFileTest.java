package io.midstream.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.midstream.job.MidstreamOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, as far as it can be checked without a Docker engine: Debian's docker-compose
 * validates it against the Compose schema and resolves it; what it resolves to must then agree with
 * the build (the Flink and Kafka versions of the pom, the files the Dockerfile copies and mounts, the
 * job's topics).
 */
class ComposeFileTest {
    private static final Path HOME = Path.of(System.getProperty("midstream.home", ".."));
    private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY --from=build /src/(\\S+) (\\S+)$");

    @Test
    void theComposeFileIsValidAndAgreesWithTheBuild() throws Exception {
        assertThat(DOCKER_COMPOSE).as("Debian's docker-compose (.ci/run installs it)").isExecutable();
        Process p = new ProcessBuilder(DOCKER_COMPOSE.toString(), "-f", HOME.resolve("docker-compose.yml").toString(), "config")
                .redirectErrorStream(true).start();
        String resolved = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("docker-compose config: %s", resolved).isZero();

        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(resolved).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("kafka", "topics", "jobmanager", "taskmanager", "submit", "generator");
        String flink = "flink:" + System.getProperty("flink.version") + "-java17";
        String kafka = "apache/kafka:" + System.getProperty("kafka.version");
        assertThat(List.of("jobmanager", "taskmanager")).allSatisfy(s -> assertThat(services.path(s).path("image").asText()).isEqualTo(flink));
        assertThat(List.of("kafka", "topics")).allSatisfy(s -> assertThat(services.path(s).path("image").asText()).isEqualTo(kafka));
        assertThat(services.path("jobmanager").path("ports").toString()).contains("8081");

        // what the containers mount from the project is there, and holds the cluster's configuration
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0]; // resolved short syntax: a bind mount's source is absolute
                if (source.startsWith("/")) {
                    assertThat(Path.of(source)).exists();
                }
            }
        }
        assertThat(HOME.resolve("flink-conf/config.yaml")).exists();

        // the image carries what the build makes, under the paths the commands use
        String dockerfile = Files.readString(HOME.resolve("Dockerfile"));
        Matcher copy = COPY.matcher(dockerfile);
        List<String> targets = new ArrayList<>();
        while (copy.find()) {
            String source = copy.group(1);
            try (var found = Files.newDirectoryStream(HOME.resolve(source).getParent(), Path.of(source).getFileName().toString())) {
                assertThat(found.iterator().hasNext()).as("the build makes %s", source).isTrue();
            }
            targets.add(copy.group(2));
        }
        assertThat(targets).contains("/opt/midstream/midstream-job.jar", "/opt/midstream/conf", "/opt/midstream/tools/classes");
        assertThat(services.path("submit").path("command").toString())
                .contains("/opt/midstream/midstream-job.jar", "/opt/midstream/conf/midstream.yaml", "kafka:9092");
        assertThat(services.path("generator").path("command").toString()).contains(Main.class.getName(), "/opt/midstream/tools/classes");

        // the topics the one-shot service creates are the job's
        assertThat(services.path("topics").path("command").toString()).contains(
                MidstreamOptions.TOPIC_CHUNKS.defaultValue(), MidstreamOptions.TOPIC_ALERTS.defaultValue(),
                MidstreamOptions.TOPIC_METRICS.defaultValue(), MidstreamOptions.TOPIC_DLQ.defaultValue(),
                MidstreamOptions.TOPIC_REFERENCES.defaultValue() + " --partitions 2 --config cleanup.policy=compact");
    }
}
