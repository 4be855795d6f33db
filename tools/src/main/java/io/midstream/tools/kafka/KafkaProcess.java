package io.midstream.tools.kafka;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft) as a child process, so that it does not share a JVM with
 * the job; its folder keeps the data, the log and the process id, so another process can stop it.
 */
public final class KafkaProcess {
    private final Path dir;

    private KafkaProcess(Path dir) {
        this.dir = dir;
    }

    public static KafkaProcess at(Path dir) {
        return new KafkaProcess(dir);
    }

    /** Formats fresh storage in {@code dir}, starts the broker on free loopback ports, waits until it answers. */
    public static KafkaProcess start(Path dir, Duration timeout) throws IOException, InterruptedException {
        KafkaProcess kafka = new KafkaProcess(dir);
        if (kafka.running()) {
            throw new IllegalStateException("a broker already runs from " + dir);
        }
        Files.createDirectories(dir);
        // a stopped broker's storage has another cluster id: the new one starts empty
        EmbeddedKafka.delete(dir.resolve("data"));
        int port = Ports.free();
        Properties props = EmbeddedKafka.brokerProperties(dir.resolve("data"), port, Ports.free());
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "midstream broker");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        if (StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8)) != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + log.toString(StandardCharsets.UTF_8));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-Dlog4j2.configurationFile=" + writeLogConfig(dir).toUri(),
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kafka.out").toFile()).start();
        Files.writeString(dir.resolve("pid"), Long.toString(p.pid()));
        Files.writeString(dir.resolve("bootstrap"), "127.0.0.1:" + port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!kafka.answers()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                kafka.stop();
                throw new IllegalStateException("the broker did not come up; see " + dir.resolve("kafka.out"));
            }
            Thread.sleep(250);
        }
        return kafka;
    }

    public String bootstrapServers() throws IOException {
        return Files.readString(dir.resolve("bootstrap")).strip();
    }

    public boolean running() throws IOException {
        return process().isPresent();
    }

    public void stop() throws IOException {
        var p = process();
        if (p.isPresent()) {
            p.get().destroy();
            try {
                p.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(dir.resolve("pid"));
    }

    private java.util.Optional<ProcessHandle> process() throws IOException {
        Path pid = dir.resolve("pid");
        if (!Files.exists(pid)) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).filter(ProcessHandle::isAlive);
    }

    private boolean answers() throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static Path writeLogConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("log4j2.properties"), String.join("\n", List.of(
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = File",
                "appender.file.type = File",
                "appender.file.name = File",
                "appender.file.fileName = " + dir.resolve("kafka.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n")));
    }
}
