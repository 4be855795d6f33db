package io.midstream.tools.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.midstream.avro.Alert;
import io.midstream.avro.SessionMetrics;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded job jar on a real standalone cluster: a JobManager and a TaskManager as separate JVM
 * processes from the Maven-built lib/, the job submitted through the REST API, sessions in, alerts,
 * metrics and dead letters out; the detectors' own metrics read back over REST and from a
 * Prometheus Pushgateway that Flink's Prometheus reporter pushes to; the web UI rendered by
 * headless Chromium.
 */
class ClusterITCase {
    private static final Path HOME = JobRuns.HOME;
    private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern SUBTASK = Pattern.compile("^\\d+\\.");

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static Process pushgateway;
    static String pushgatewayUrl;
    static FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        assertThat(PUSHGATEWAY).as("Debian's prometheus-pushgateway (.ci/run installs it)").isExecutable();
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, List.of("llm.chunks", "llm.alerts", "llm.metrics", "llm.chunks.dlq"), List.of("llm.references"));
        int port = Ports.free();
        pushgatewayUrl = "http://127.0.0.1:" + port;
        pushgateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + port, "--persistence.file=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("pushgateway.log").toFile()).start();
        // the pull reporter (metrics.reporter.prom) listens on every interface and has no host setting;
        // on these machines servers bind to loopback, so the test takes the push variant of the same reporter
        cluster = FlinkCluster.start(dir.resolve("cluster"), HOME.resolve("cluster/target/lib"), HOME.resolve("flink-conf"), 18081, Map.of(
                "metrics.reporter.push.factory.class", "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory",
                "metrics.reporter.push.hostUrl", pushgatewayUrl,
                "metrics.reporter.push.jobName", "midstream",
                "metrics.reporter.push.randomJobNameSuffix", "true",
                "metrics.reporter.push.interval", "2 s"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.stop();
        }
        if (pushgateway != null) {
            pushgateway.destroy();
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
        long chunks;
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            ChunkProducer out = new ChunkProducer(producer, "llm.chunks", 0.01, 3);
            LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(3, 60, 20, Scenario.MIXED, 3, "",
                    0, System.currentTimeMillis()), Corpus.load());
            out.run(g, false, () -> false);
            malformed = (int) out.malformedSent.sum();
            chunks = out.chunks.sum();
        }
        List<ConsumerRecord<byte[], byte[]>> alerts = new ArrayList<>();
        // sessions with metrics, not metrics records: a session that ends early sends two or more
        Set<String> metered = new HashSet<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(kafka.bootstrapServers())) {
            consumer.subscribe(List.of("llm.alerts", "llm.metrics", "llm.chunks.dlq"));
            while ((alerts.isEmpty() || metered.size() <= 30 || dead.size() < malformed) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.topic().equals("llm.metrics")) {
                        metered.add(decodeMetrics(r).getSessionId());
                    } else {
                        (r.topic().equals("llm.alerts") ? alerts : dead).add(r);
                    }
                }
            }
        }
        assertThat(dead).hasSize(malformed);
        assertThat(metered).hasSizeGreaterThan(30);
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

        // the detectors' metrics, summed over subtasks, as the web UI shows them (refreshed every 10 s)
        // (names as Flink's metric system writes them: characters other than letters, digits, '-' and '.' become '_')
        String sessions = "Sessions__order__signals__metrics.";
        Map<String, Double> m = Map.of();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // until a fetch that is consistent too: each subtask's metrics are read one by one while its
        // sessions end, so a fetch can see a session's end in one metric and not yet in another
        while ((m.getOrDefault(sessions + "chunks", 0.0) < chunks || !openSessionsAgree(m, sessions)) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            m = operatorMetrics(job, Set.of("chunks", "openSessions", "sessionsStarted", "sessionsEnded", "alerts", "evaluationNanos_p99"));
        }
        assertThat(m).containsEntry(sessions + "chunks", (double) chunks)
                .containsKeys(sessions + "openSessions", "Temporal_compare__SPRING_over_reference_patterns.evaluationNanos_p99",
                        "Attractor__phase-space_class_per_signal.evaluationNanos_p99", "LTL__propositions_per_chunk.evaluationNanos_p99",
                        "LTL__tool-roundtrip.alerts", "LTL__no-secret-after-refusal.alerts");
        assertThat(m.get(sessions + "openSessions")).isBetween(0.0, 60.0)
                .isEqualTo(m.get(sessions + "sessionsStarted") - m.get(sessions + "sessionsEnded"));
        assertThat(m.entrySet().stream().filter(e -> e.getKey().endsWith(".alerts")).mapToDouble(Map.Entry::getValue).sum())
                .as("alerts counted where each detector raises them").isGreaterThanOrEqualTo(alerts.size());

        // the same metrics through the Prometheus reporter
        String pushed = "";
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pushed.contains("flink_taskmanager_job_task_operator_openSessions") && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pushgatewayUrl + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(pushed).contains("flink_taskmanager_job_task_operator_openSessions", "flink_taskmanager_job_task_operator_alerts",
                "flink_taskmanager_job_task_operator_evaluationNanos", "flink_taskmanager_job_task_operator_chunks");

        dashboard(job);
    }

    private static boolean openSessionsAgree(Map<String, Double> m, String operator) {
        Double open = m.get(operator + "openSessions");
        Double started = m.get(operator + "sessionsStarted");
        Double ended = m.get(operator + "sessionsEnded");
        return open != null && started != null && ended != null && open == started - ended;
    }

    /**
     * Debian's Chromium, headless, driven by Selenium through its chromedriver, opens the job's page
     * of the web UI: the page shows the running job and its graph, and a screenshot of it is kept.
     */
    private static void dashboard(String job) throws Exception {
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").isExecutable();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            int vertices = cluster.getJson("/jobs/" + job).orElseThrow().path("vertices").size();
            browser.get(cluster.webUrl() + "/#/job/running/" + job + "/overview");
            // the job's state and operators, then its graph: a box per vertex, where the drawing's
            // fit-to-view animation has left them (the same boxes at two polls in a row)
            String[] boxes = {""};
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
                String page = b.getPageSource();
                String now = (String) ((JavascriptExecutor) b).executeScript("return [...document.querySelectorAll('.node-label-wrapper')]"
                        + ".map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width].map(Math.round).join(','); }).join(' ');");
                boolean still = now.split(" ").length == vertices && now.equals(boxes[0]);
                boxes[0] = now;
                return still && page.contains("RUNNING") && page.contains("Sessions: order, signals, metrics") && page.contains("LTL: tool-roundtrip");
            });
            Path screenshot = HOME.resolve("tools/target/dashboard.png");
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(javax.imageio.ImageIO.read(screenshot.toFile()).getWidth()).isGreaterThanOrEqualTo(1000);
        } finally {
            browser.quit();
        }
    }

    /**
     * The job's operator metrics of these names, by {@code operator.metric}, summed over subtasks.
     * A vertex's are read in one request: the web UI's metric store is refreshed every 10 s, and
     * two requests could straddle a refresh.
     */
    private static Map<String, Double> operatorMetrics(String job, Set<String> names) {
        Map<String, Double> sums = new TreeMap<>();
        for (JsonNode vertex : cluster.getJson("/jobs/" + job).orElseThrow().path("vertices")) {
            String base = "/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            cluster.getJson(base).orElseThrow().forEach(n -> ids.add(n.path("id").asText()));
            List<String> wanted = ids.stream().filter(id -> names.contains(id.substring(id.lastIndexOf('.') + 1))).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            for (JsonNode n : cluster.getJson(base + "?get=" + URLEncoder.encode(String.join(",", wanted), StandardCharsets.UTF_8)).orElseThrow()) {
                sums.merge(SUBTASK.matcher(n.path("id").asText()).replaceFirst(""), Double.parseDouble(n.path("value").asText()), Double::sum);
            }
        }
        return sums;
    }

    private static SessionMetrics decodeMetrics(ConsumerRecord<byte[], byte[]> r) {
        try {
            return SessionMetrics.fromByteBuffer(ByteBuffer.wrap(r.value()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
