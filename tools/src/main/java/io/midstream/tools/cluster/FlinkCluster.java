package io.midstream.tools.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.midstream.tools.kafka.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster without the binary distribution: a JobManager and a
 * TaskManager as separate JVM processes on loopback, started from the jars Maven put in
 * {@code cluster/target/lib} with {@code flink-conf/config.yaml}. Its folder holds the
 * configuration, the logs, the checkpoints and the process ids, so that another process can find
 * it, submit to it and stop it.
 */
public final class FlinkCluster {
    private static final Pattern RESULT = Pattern.compile("BASH_JAVA_UTILS_EXEC_RESULT:(.*)");
    private static final List<String> OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FlinkCluster(Path dir) {
        this.dir = dir;
    }

    /** The cluster whose folder this is, running or not. */
    public static FlinkCluster at(Path dir) {
        return new FlinkCluster(dir);
    }

    /**
     * Starts a JobManager and a TaskManager and waits until the TaskManager has registered.
     *
     * @param lib     the Flink runtime jars
     * @param conf    a folder with config.yaml and log4j.properties
     * @param webPort preferred port of the REST API and web UI; the next free one is taken if busy
     * @param extra   settings of both processes over config.yaml's, such as a metric reporter
     */
    public static FlinkCluster start(Path dir, Path lib, Path conf, int webPort, Map<String, String> extra, Duration timeout)
            throws IOException, InterruptedException {
        FlinkCluster cluster = new FlinkCluster(dir);
        if (cluster.running()) {
            throw new IllegalStateException("a cluster already runs from " + dir + " (./midstream cluster down stops it)");
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("log"));
        for (String f : List.of("config.yaml", "log4j.properties")) {
            Files.copy(conf.resolve(f), dir.resolve("conf").resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        int rest = Ports.freeFrom(webPort);
        List<String> settings = new ArrayList<>(List.of(
                "-D", "rest.port=" + rest,
                "-D", "jobmanager.rpc.port=" + Ports.free(),
                "-D", "execution.checkpointing.dir=" + dir.resolve("checkpoints").toUri(),
                "-D", "execution.checkpointing.savepoint-dir=" + dir.resolve("savepoints").toUri()));
        extra.forEach((k, v) -> settings.addAll(List.of("-D", k + "=" + v)));
        Files.writeString(dir.resolve("rest.port"), Integer.toString(rest));
        Files.writeString(dir.resolve("settings"), String.join("\n", settings));
        String classpath = lib.toAbsolutePath() + "/*";
        long jm = cluster.launch("jobmanager", classpath, "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", settings);
        long tm = cluster.launch("taskmanager", classpath, "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", settings);
        Files.writeString(dir.resolve("pids"), jm + "\n" + tm + "\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cluster.get("/overview").map(o -> !o.contains("\"taskmanagers\":0")).orElse(false)) {
            if (System.nanoTime() > deadline) {
                cluster.stop();
                throw new IllegalStateException("the cluster did not come up in " + timeout + "; see " + dir.resolve("log"));
            }
            Thread.sleep(250);
        }
        return cluster;
    }

    /** The JobManager and TaskManager processes, in that order, of those that still run. */
    public List<ProcessHandle> processes() throws IOException {
        Path pids = dir.resolve("pids");
        if (!Files.exists(pids)) {
            return List.of();
        }
        List<ProcessHandle> out = new ArrayList<>();
        for (String line : Files.readAllLines(pids)) {
            if (!line.isBlank()) {
                ProcessHandle.of(Long.parseLong(line.strip())).filter(ProcessHandle::isAlive).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Starts one more TaskManager with the cluster's settings, as a supervisor replaces a lost
     * one; returns its process.
     */
    public ProcessHandle addTaskManager(Path lib) throws IOException, InterruptedException {
        List<String> settings = Files.readAllLines(dir.resolve("settings")).stream().filter(l -> !l.isBlank()).toList();
        long pid = launch("taskmanager-" + System.nanoTime(), lib.toAbsolutePath() + "/*", "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", settings);
        Files.writeString(dir.resolve("pids"), pid + "\n", java.nio.file.StandardOpenOption.APPEND);
        return ProcessHandle.of(pid).orElseThrow();
    }

    public boolean running() throws IOException {
        return !processes().isEmpty();
    }

    public String webUrl() throws IOException {
        return "http://127.0.0.1:" + Files.readString(dir.resolve("rest.port")).strip();
    }

    /** Uploads a job jar and runs it; returns the job id. */
    public String submit(Path jar, String entryClass, int parallelism, List<String> args) throws IOException, InterruptedException {
        return submit(jar, entryClass, parallelism, args, null);
    }

    /** Uploads a job jar and runs it, from a savepoint unless that is null; returns the job id. */
    public String submit(Path jar, String entryClass, int parallelism, List<String> args, String savepoint)
            throws IOException, InterruptedException {
        String boundary = "midstream-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(webUrl() + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(jar), tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        String jarId = Path.of(field(upload, "filename")).getFileName().toString();
        Map<String, Object> request = new java.util.HashMap<>(Map.of("entryClass", entryClass, "parallelism", parallelism, "programArgsList", args));
        if (savepoint != null) {
            request.put("savepointPath", savepoint);
        }
        return field(post("/jars/" + jarId + "/run", request), "jobid");
    }

    /**
     * Stops a job with a savepoint (its sources stop, a last savepoint is taken, its Kafka
     * transactions commit) and returns the savepoint's location, from which {@link #submit} resumes.
     * With {@code drain}, the watermark first goes to the end of time, so that every event-time
     * verdict still open is given, as at the end of a bounded input; the job is then not resumed.
     */
    public String stopWithSavepoint(String job, boolean drain, Duration timeout) throws IOException, InterruptedException {
        String trigger = field(post("/jobs/" + job + "/stop", Map.of("drain", drain)), "request-id");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = getJson("/jobs/" + job + "/savepoints/" + trigger).orElse(null);
            if (status != null && status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("location")) {
                    return operation.get("location").asText();
                }
                throw new IllegalStateException("the savepoint failed: " + operation.path("failure-cause").path("stack-trace").asText(operation.toString()));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no savepoint of job " + job + " after " + timeout);
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(webUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET on the REST API as JSON; empty while it does not answer. */
    public Optional<JsonNode> getJson(String path) {
        return get(path).map(FlinkCluster::json);
    }

    /** Waits until a job is in a state (RUNNING, FINISHED, ...); fails after the timeout. */
    public void awaitState(String job, String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!getJson("/jobs/" + job).map(j -> j.path("state").asText().equals(state)).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job + " is not " + state + " after " + timeout + ": " + get("/jobs/" + job).orElse("no answer"));
            }
            Thread.sleep(250);
        }
    }

    /** GET on the REST API; empty while it does not answer. */
    public Optional<String> get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(webUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops both processes (TERM, then KILL after 15 s). */
    public void stop() throws IOException {
        List<ProcessHandle> running = processes();
        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : running) {
            try {
                p.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        Files.deleteIfExists(dir.resolve("pids"));
    }

    private long launch(String role, String classpath, String resourceCommand, String mainClass, List<String> settings)
            throws IOException, InterruptedException {
        Path conf = dir.resolve("conf");
        List<String> resources = bashJavaUtils(classpath, resourceCommand, conf);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(OPENS);
        command.addAll(Arrays.asList(resources.get(0).trim().split("\\s+")));
        command.add("-Dlog.file=" + dir.resolve("log").resolve(role + ".log"));
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        command.addAll(List.of("-cp", classpath, mainClass, "--configDir", conf.toString()));
        command.addAll(settings);
        command.addAll(Arrays.asList(resources.get(1).trim().split("\\s+")));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").resolve(role + ".out").toFile())
                .start();
        return p.pid();
    }

    /** Flink's memory calculation: the JVM options (first) and the -D settings (second) a process needs. */
    private static List<String> bashJavaUtils(String classpath, String command, Path conf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-cp", classpath, "org.apache.flink.runtime.util.bash.BashJavaUtils",
                command, "--configDir", conf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> results = new ArrayList<>();
        Matcher m = RESULT.matcher(out);
        while (m.find()) {
            results.add(m.group(1));
        }
        if (results.size() != 2) {
            throw new IllegalStateException("Flink's memory calculation failed: " + out);
        }
        return results;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String field(HttpResponse<String> response, String name) throws IOException {
        JsonNode value = response.statusCode() / 100 == 2 ? JSON.readTree(response.body()).get(name) : null;
        if (value == null) {
            throw new IllegalStateException("the cluster answered " + response.statusCode() + ": " + response.body());
        }
        return value.asText();
    }
}
