package io.midstream.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.LlmChunk;
import io.midstream.chunk.ChunkCodec;
import io.midstream.job.MidstreamConfig;
import io.midstream.job.MidstreamJob;
import io.midstream.job.MidstreamOptions;
import io.midstream.tools.KafkaClients;
import io.midstream.tools.LocalFlink;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import io.midstream.tools.kafka.EmbeddedKafka;
import io.midstream.tools.kafka.KafkaProcess;
import io.midstream.tools.kafka.Ports;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.RunnableWithException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * {@code ./midstream bench e2e}: the whole job measured the way a user sizes it, against a
 * pass-through job in the same run, with the broker in a process of its own: throughput draining
 * a pre-loaded topic, latency at a fixed offered rate, and state per open session.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmark: a Kafka broker as a separate process, the pass-through job and the full job in a MiniCluster.",
                "Prints one table; --json writes the same figures for tools."})
final class E2eBenchmark implements Callable<Integer> {
    @Option(names = "--chunks", defaultValue = "3000000", description = "Chunks pre-loaded for the throughput runs (default: ${DEFAULT-VALUE}).")
    long chunks;
    @Option(names = "--rate", defaultValue = "10000", description = "Offered chunks/s in the latency runs (default: ${DEFAULT-VALUE}).")
    double rate;
    @Option(names = "--seconds", defaultValue = "30", description = "Length of each latency run (default: ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--open-sessions", defaultValue = "5000", description = "Open sessions per step of the state run (default: ${DEFAULT-VALUE}).")
    int openSessions;
    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism and topic partitions (default: ${DEFAULT-VALUE}).")
    int parallelism;
    @Option(names = "--rules", defaultValue = "${sys:midstream.home}/flink-conf/rules.yaml", description = "Rules of the full job (default: ${DEFAULT-VALUE}).")
    Path rules;
    @Option(names = "--throughput-profile", defaultValue = "${sys:midstream.home}/flink-conf/high-throughput.yaml",
            description = "Flink and job settings of the throughput runs (default: ${DEFAULT-VALUE}).")
    Path throughputProfile;
    @Option(names = "--latency-profile", defaultValue = "${sys:midstream.home}/flink-conf/low-latency.yaml",
            description = "Settings of the latency and state runs (default: ${DEFAULT-VALUE}).")
    Path latencyProfile;
    @Option(names = "--warm-up-drains", defaultValue = "1",
            description = "Unmeasured drains of each job before its measured one, so that the JIT has compiled its code; more follow, up to 5, "
                    + "while the JIT compiled for over a tenth of the last one's time; 0: none, a cold measurement (default: ${DEFAULT-VALUE}).")
    int warmUpDrains;
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    private final Map<String, Object> results = new LinkedHashMap<>();
    private String bootstrap;
    private Path checkpoints;
    private int run;

    @Override
    public Integer call() throws Exception {
        if (chunks < 1 || rate <= 0 || seconds < 1 || openSessions < 1 || parallelism < 1) {
            throw new IllegalArgumentException("--chunks, --rate, --seconds, --open-sessions and --parallelism must be positive");
        }
        if (warmUpDrains < 0) {
            throw new IllegalArgumentException("--warm-up-drains must be at least 0");
        }
        Path dir = Files.createTempDirectory("midstream-bench");
        checkpoints = dir.resolve("checkpoints");
        System.out.println("bench e2e: starting a Kafka broker process in " + dir);
        KafkaProcess kafka = KafkaProcess.start(dir.resolve("kafka"), Duration.ofSeconds(90));
        try {
            bootstrap = kafka.bootstrapServers();
            results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
            results.put("settings", Map.of("chunks", chunks, "rate", rate, "seconds", seconds, "open_sessions", openSessions,
                    "parallelism", parallelism, "warm_up_drains", warmUpDrains, "throughput_profile", throughputProfile.toString(), "latency_profile", latencyProfile.toString()));
            throughput();
            latency();
            state();
        } finally {
            kafka.stop();
        }
        report();
        // the broker's data, about 1 GB after 3,000,000 chunks; a failed run keeps it, with the broker's log
        EmbeddedKafka.delete(dir);
        return 0;
    }

    // ---- throughput: both jobs drain the same pre-loaded topic

    private void throughput() throws Exception {
        String input = topic("chunks");
        EmbeddedKafka.createTopics(bootstrap, parallelism, List.of(input), List.of());
        System.out.printf("bench e2e: pre-loading %d chunks ...%n", chunks);
        Corpus corpus = Corpus.load();
        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(42, 0, 2000, Scenario.MIXED, 3, "tp-", 0, 1_700_000_000_000L), corpus);
        java.util.Set<String> sessions = new java.util.HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
            ChunkProducer out = new ChunkProducer(producer, input, 0, 1).onSend(c -> sessions.add(c.getTenantId() + "/" + c.getSessionId()));
            out.run(generator, false, () -> out.chunks.sum() >= chunks);
        }
        // the pass-through writes to the alerts topic of its run: each drain has topics of its own
        Map<String, Object> passThrough = drain("pass-through", input, (env, c) -> PassThroughJob.build(env, c, c.get(MidstreamOptions.TOPIC_ALERTS)));
        long written = count(topic("alerts-" + run));
        passThrough.put("chunks_written", written);
        if (written < chunks) {
            throw new IllegalStateException("the pass-through job wrote " + written + " of " + chunks + " chunks: the drain is not complete");
        }
        Map<String, Object> full = drain("full", input, MidstreamJob::build);
        long summaries = finalSummaries(topic("metrics-" + run));
        full.put("sessions_summarised", summaries);
        if (summaries < sessions.size()) {
            throw new IllegalStateException("the full job summarised " + summaries + " of " + sessions.size() + " sessions: the drain is not complete");
        }
        double ratio = (double) full.get("chunks_per_s") / (double) passThrough.get("chunks_per_s");
        results.put("throughput", Map.of("pass_through", passThrough, "full", full, "ratio", ratio));
    }

    /**
     * Drains the topic with a bounded source, after drains that are not measured: a job's code is
     * compiled by the JIT in its first seconds of work (the C2 compiler took more CPU than the
     * session task in a profile of a run without them, and half a core through a measured drain of
     * 10 s after one warm-up drain of 1,000,000 chunks), which a job that runs for days does not
     * pay. Each job runs in this JVM, so what the JIT compiled for the warm-up serves the measured
     * drain. At least {@code --warm-up-drains} of them, then more, up to {@link #MAX_WARM_UP_DRAINS},
     * while the JIT compiled for over {@link #JIT_SETTLED} of the last one's wall time. The rate is
     * over the wall time from all tasks running to the job FINISHED, which leaves deploying out but
     * includes the sources finding their partitions.
     */
    private Map<String, Object> drain(String name, String input, BiConsumer<StreamExecutionEnvironment, Configuration> job) throws Exception {
        int warmUps = 0;
        double jitShare = 1;
        while (warmUps < warmUpDrains || warmUpDrains > 0 && warmUps < MAX_WARM_UP_DRAINS && jitShare > JIT_SETTLED) {
            warmUps++;
            System.out.printf("bench e2e: %s job draining %d chunks to warm up (%d) ...%n", name, chunks, warmUps);
            Drain warmUp = drainOnce(name, input, job);
            jitShare = warmUp.jitSeconds() / warmUp.seconds();
        }
        System.out.printf("bench e2e: %s job draining %d chunks ...%n", name, chunks);
        resetPeakHeap();
        Drain drain = drainOnce(name, input, job);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("chunks_per_s", chunks / drain.seconds());
        r.put("seconds", drain.seconds());
        r.put("deploying_included", drain.deployingIncluded());
        r.put("warm_up_drains", warmUps);
        r.put("jit_compiling_s", drain.jitSeconds());
        r.put("peak_heap_mb", peakHeap() >> 20);
        System.out.printf("bench e2e: %s: %.0f chunks/s (%.1f s from %s; the JIT compiled for %.1f s meanwhile)%n", name,
                chunks / drain.seconds(), drain.seconds(),
                drain.deployingIncluded() ? "RUNNING to FINISHED, deploying included" : "all tasks running to FINISHED", drain.jitSeconds());
        return r;
    }

    /** Warm-up drains at most, whatever the JIT does. */
    static final int MAX_WARM_UP_DRAINS = 5;
    /** The JIT's compiler threads busy for a tenth of a drain's wall time: a twentieth of two cores. */
    static final double JIT_SETTLED = 0.1;

    /**
     * Seconds of a drain, from all its tasks running or, where that was not seen, from the job's
     * RUNNING; and the seconds the JIT's compiler threads spent meanwhile (summed over threads).
     */
    private record Drain(double seconds, boolean deployingIncluded, double jitSeconds) {}

    /** One drain of the topic by a new job. */
    private Drain drainOnce(String name, String input, BiConsumer<StreamExecutionEnvironment, Configuration> job) throws Exception {
        Configuration c = config(throughputProfile, input);
        c.set(MidstreamOptions.SOURCE_BOUNDED, true);
        int port = Ports.free();
        JobClient client = LocalFlink.start(c, port, parallelism, job, "bench " + name);
        long running = waitForRunning(client);
        // the JIT's time over the timed interval only, not while each drain's new MiniCluster starts
        // (Pekko's configuration and actors are compiled a little further at every start)
        long compilingAtRunning = compilationMillis();
        long tasks = waitForTasks(client, port);
        long compiling = tasks < 0 ? compilingAtRunning : compilationMillis();
        client.getJobExecutionResult().get(30, TimeUnit.MINUTES);
        return new Drain((System.nanoTime() - (tasks < 0 ? running : tasks)) / 1e9, tasks < 0, (compilationMillis() - compiling) / 1000.0);
    }

    private static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * When every task of the job has been deployed and runs (or has already finished), as Flink's
     * REST API says: the job is RUNNING while its tasks are still being deployed, which takes a
     * second or more here and is no part of its throughput. -1 for a drain so short that it ended
     * before that was seen (its MiniCluster goes with it).
     */
    private static long waitForTasks(JobClient client, int port) throws Exception {
        String job = "/jobs/" + client.getJobID();
        while (true) {
            try {
                JsonNode vertices = get(port, job).path("vertices");
                boolean all = vertices.size() > 0;
                for (JsonNode vertex : vertices) {
                    JsonNode tasks = vertex.path("tasks");
                    all &= tasks.path("RUNNING").asInt() + tasks.path("FINISHED").asInt() == vertex.path("parallelism").asInt();
                }
                if (all) {
                    return System.nanoTime();
                }
            } catch (java.io.IOException e) {
                // the REST endpoint is not up yet, or the job has ended and its MiniCluster with it
            }
            if (client.getJobExecutionResult().isDone()) {
                return -1;
            }
            Thread.sleep(10);
        }
    }

    /** How many final session summaries a metrics topic holds. */
    private long finalSummaries(String topic) {
        long[] n = {0};
        readAll(topic, r -> {
            try {
                n[0] += io.midstream.avro.SessionMetrics.getDecoder().decode(r.value()).getIsFinal() ? 1 : 0;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return n[0];
    }

    /** How many records a topic holds (read_committed). */
    private long count(String topic) {
        long[] n = {0};
        readAll(topic, r -> n[0]++);
        return n[0];
    }

    /** Every record of a topic, until it has been quiet for 3 s (10 s before the first). */
    private void readAll(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        KafkaClients.readAll(bootstrap, topic, Duration.ofSeconds(10), Duration.ofSeconds(3), each);
    }

    // ---- latency: a fixed offered rate in real time; from a chunk's append to what it causes being readable

    private void latency() throws Exception {
        Map<String, Object> pt = latencyRun("pass-through", "pt", (env, c) -> PassThroughJob.build(env, c, topic("lat-pt-out")), "lat-pt-out", false);
        Map<String, Object> full = latencyRun("full", "full", MidstreamJob::build, null, true);
        results.put("latency", Map.of("pass_through", pt, "full", full,
                "p99_ratio", (double) full.get("p99_ms") / Math.max(0.001, (double) pt.get("p99_ms"))));
    }

    private Map<String, Object> latencyRun(String name, String prefix, BiConsumer<StreamExecutionEnvironment, Configuration> job,
                                           String outputTopic, boolean alerts) throws Exception {
        String input = topic("lat-" + prefix + "-chunks");
        Configuration c = config(latencyProfile, input);
        String watched = alerts ? c.get(MidstreamOptions.TOPIC_ALERTS) : topic(outputTopic);
        EmbeddedKafka.createTopics(bootstrap, parallelism, List.of(input, watched), List.of());
        System.out.printf("bench e2e: %s job at %.0f chunks/s for %d s ...%n", name, rate, seconds);
        JobClient client = LocalFlink.start(c, Ports.free(), parallelism, job, "bench latency " + name);
        waitForRunning(client);
        Thread.sleep(3000); // sources have their partitions

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram histogram = histogram();
        Map<String, Histogram> byDetector = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(() -> watch(watched, alerts, sentAt, histogram, byDetector, stop), "bench-watch");
        watcher.start();
        Corpus corpus = Corpus.load();
        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(7, 0,
                LoadGenerator.concurrencyFor(rate, corpus, Scenario.MIXED, 7, seconds * 1000L), Scenario.MIXED, 3, prefix + "-", 0, System.currentTimeMillis()), corpus);
        long until = System.currentTimeMillis() + seconds * 1000L;
        long sent;
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
            ChunkProducer out = new ChunkProducer(producer, input, 0, 1)
                    .onSend(chunk -> sentAt.put(key(chunk.getTenantId(), chunk.getSessionId(), chunk.getSeq()), System.currentTimeMillis()));
            out.run(generator, true, () -> System.currentTimeMillis() >= until);
            sent = out.chunks.sum();
        }
        Thread.sleep(5000); // what is in flight arrives
        stop.set(true);
        watcher.join(10_000);
        client.cancel().get(60, TimeUnit.SECONDS);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("offered_chunks_per_s", sent / (double) seconds);
        r.putAll(figures(name, histogram));
        if (alerts) {
            Map<String, Object> detectors = new TreeMap<>();
            byDetector.forEach((detector, h) -> detectors.put(detector, figures(name + ", " + detector + " alerts", h)));
            r.put("by_detector", detectors);
        }
        return r;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    }

    /** Count, p50, p99 and max of a histogram of microseconds, in ms, also printed. */
    private static Map<String, Object> figures(String name, Histogram h) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("measured", h.getTotalCount());
        r.put("p50_ms", h.getValueAtPercentile(50) / 1000.0);
        r.put("p99_ms", h.getValueAtPercentile(99) / 1000.0);
        r.put("max_ms", h.getMaxValue() / 1000.0);
        System.out.printf("bench e2e: %s: %d measured, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name,
                h.getTotalCount(), (double) r.get("p50_ms"), (double) r.get("p99_ms"), (double) r.get("max_ms"));
        return r;
    }

    /**
     * Records, per output record, the time from its chunk's append to now; an alert decided by a
     * deadline counts from the deadline. Alerts are also recorded by detector (LTL by rule), to tell which adds what.
     */
    private void watch(String topic, boolean alerts, Map<String, Long> sentAt, Histogram histogram, Map<String, Histogram> byDetector,
                       AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    try {
                        long from;
                        Histogram detector = null;
                        if (alerts) {
                            Alert a = Alert.getDecoder().decode(record.value());
                            Long sent = sentAt.get(key(a.getTenantId(), a.getSessionId(), a.getLastSeq()));
                            if (sent == null) {
                                continue;
                            }
                            from = Math.max(sent, a.getEventTime().toEpochMilli());
                            // LTL by rule: a rule with a time bound decides when the watermark passes it, others at once
                            String by = a.getDetector() == DetectorKind.LTL ? "LTL " + a.getRuleId() : a.getDetector().name();
                            detector = byDetector.computeIfAbsent(by, d -> histogram());
                        } else {
                            LlmChunk chunk = ChunkCodec.decode(record.value());
                            Long sent = sentAt.get(key(chunk.getTenantId(), chunk.getSessionId(), chunk.getSeq()));
                            if (sent == null) {
                                continue;
                            }
                            from = sent;
                        }
                        long micros = Math.max(0, now - from) * 1000;
                        histogram.recordValue(micros);
                        if (detector != null) {
                            detector.recordValue(micros);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("an output record does not decode", e);
                    }
                }
            }
        }
    }

    // ---- state: per open session, and back down when sessions end

    private void state() throws Exception {
        String input = topic("state-chunks");
        Configuration c = config(latencyProfile, input);
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
        c.set(MidstreamOptions.INACTIVITY_TIMEOUT, Duration.ofHours(1));
        c.set(MidstreamOptions.ENDED_RETENTION, Duration.ofSeconds(1));
        EmbeddedKafka.createTopics(bootstrap, parallelism, List.of(input), List.of());
        int port = Ports.free();
        System.out.printf("bench e2e: state of %d, then %d open sessions, then none ...%n", openSessions, 2 * openSessions);
        resetPeakHeap();
        JobClient client = LocalFlink.start(c, port, parallelism, MidstreamJob::build, "bench state");
        waitForRunning(client);
        long now = System.currentTimeMillis();
        long base = stateAfter(client, port, () -> { });
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap)) {
            ChunkProducer out = new ChunkProducer(producer, input, 0, 1);
            long one = stateAfter(client, port, () -> openSessions(out, 0, openSessions, now, false));
            long two = stateAfter(client, port, () -> openSessions(out, openSessions, 2 * openSessions, now, false));
            long ended = stateAfter(client, port, () -> {
                openSessions(out, 0, 2 * openSessions, now, true);
                producer.flush();
                // every session ends before the tick below is sent: a partition whose source was idle
                // and read its chunks after the tick's would deliver them behind the watermark, and
                // their timers would wait for a watermark that no further chunk brings
                awaitMetric(client, port, "Sessions", ".sessionsEnded", values -> sum(values) >= 2L * openSessions);
                // a session far ahead in event time moves the watermark past every ended session's
                // retention and past the inactivity timers that the sessions had set; measured once
                // every operator has seen that watermark, however long idleness takes to tell
                out.send(chunk("tick", 0, now + TimeUnit.HOURS.toMillis(2), true));
                producer.flush();
                awaitWatermarks(client, port, now + TimeUnit.HOURS.toMillis(1) + TimeUnit.MINUTES.toMillis(1));
            });
            long peak = peakHeap();
            Map<String, Long> byOperator = stateByOperator(client, port);
            client.cancel().get(60, TimeUnit.SECONDS);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("state_bytes_empty", base);
            r.put("state_bytes_open_" + openSessions, one);
            r.put("state_bytes_open_" + 2 * openSessions, two);
            r.put("state_bytes_after_end", ended);
            r.put("state_kb_per_1000_open_sessions", (two - one) / (double) openSessions * 1000 / 1024);
            r.put("peak_heap_mb", peak >> 20);
            r.put("state_bytes_after_end_by_operator", byOperator);
            results.put("state", r);
            System.out.printf("bench e2e: state %d B empty, %d B with %d open, %d B with %d open, %d B after they end%n",
                    base, one, openSessions, two, 2 * openSessions, ended);
        }
    }

    private static void openSessions(ChunkProducer out, int from, int to, long now, boolean finish) {
        for (int i = from; i < to; i++) {
            out.send(chunk("open-" + i, finish ? 1 : 0, now + (finish ? 1000 : 0), finish));
        }
    }

    private static LlmChunk chunk(String session, long seq, long time, boolean finish) {
        return LlmChunk.newBuilder().setTenantId("tenant-1").setSessionId(session).setSeq(seq).setEventTime(Instant.ofEpochMilli(time))
                .setText("a chunk of text " + seq).setTokenCount(4)
                .setFinishReason(finish ? io.midstream.avro.FinishReason.stop : null).build();
    }

    /** Does {@code step}, then waits for two checkpoints to complete and returns the last one's state size. */
    private static long stateAfter(JobClient client, int port, RunnableWithException step) throws Exception {
        step.run();
        Thread.sleep(2000);
        long first = completedCheckpoints(client, port);
        JsonNode latest = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            JsonNode stats = checkpoints(client, port);
            if (stats.path("counts").path("completed").asLong() >= first + 2) {
                latest = stats.path("latest").path("completed");
                break;
            }
            Thread.sleep(200);
        }
        if (latest == null) {
            throw new IllegalStateException("no checkpoint completed in two minutes");
        }
        return latest.path("state_size").asLong(latest.path("checkpointed_size").asLong());
    }

    /** The latest completed checkpoint's state size per operator chain, by name. */
    private static Map<String, Long> stateByOperator(JobClient client, int port) throws Exception {
        JsonNode latest = checkpoints(client, port).path("latest").path("completed");
        JsonNode details = get(port, "/jobs/" + client.getJobID() + "/checkpoints/details/" + latest.path("id").asLong());
        JsonNode job = get(port, "/jobs/" + client.getJobID());
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode vertex : job.path("vertices")) {
            JsonNode task = details.path("tasks").path(vertex.path("id").asText());
            out.put(vertex.path("name").asText(), task.path("state_size").asLong(task.path("checkpointed_size").asLong()));
        }
        return out;
    }

    private static long completedCheckpoints(JobClient client, int port) throws Exception {
        return checkpoints(client, port).path("counts").path("completed").asLong();
    }

    /**
     * Waits until every operator past the sources, in every subtask, has passed on a watermark of
     * at least {@code at}: the session operator first, then the operators behind it (the one that
     * joins metrics with scores holds a session until its own watermark passes the end). An
     * operator's output watermark, not the task's input one: a two-input task reports the minimum
     * of its inputs, and the references' idle broadcast input never has one.
     */
    private static void awaitWatermarks(JobClient client, int port, long at) throws Exception {
        awaitMetric(client, port, "", ".currentOutputWatermark", values -> values.stream().allMatch(v -> v >= at));
    }

    /**
     * Waits, for each vertex past the sources whose name starts with {@code vertexPrefix} in the
     * job's order, until the values of its metrics named {@code suffix} in every subtask are
     * {@code done}.
     */
    private static void awaitMetric(JobClient client, int port, String vertexPrefix, String suffix, Predicate<List<Long>> done) throws Exception {
        String job = "/jobs/" + client.getJobID();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (JsonNode vertex : get(port, job).path("vertices")) {
            String name = vertex.path("name").asText();
            if (name.startsWith("Source:") || !name.startsWith(vertexPrefix)) {
                continue;
            }
            String metrics = job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            while (true) {
                List<String> ids = new ArrayList<>();
                for (JsonNode m : get(port, metrics)) {
                    if (m.path("id").asText().endsWith(suffix)) {
                        ids.add(m.path("id").asText());
                    }
                }
                List<Long> values = new ArrayList<>();
                for (JsonNode m : get(port, metrics + "?get=" + String.join(",", ids))) {
                    values.add(Long.parseLong(m.path("value").asText()));
                }
                if (!values.isEmpty() && done.test(values)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the metrics " + suffix + " of " + name + " did not reach the wanted values in 2 minutes: " + values);
                }
                Thread.sleep(200);
            }
        }
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static JsonNode checkpoints(JobClient client, int port) throws Exception {
        return get(port, "/jobs/" + client.getJobID() + "/checkpoints");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A GET of Flink's REST API. */
    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    // ---- shared

    private Configuration config(Path profile, String input) {
        run++;
        Configuration c = MidstreamConfig.load(profile, Map.of());
        c.set(MidstreamOptions.BOOTSTRAP_SERVERS, bootstrap);
        c.set(MidstreamOptions.TOPIC_CHUNKS, input);
        c.set(MidstreamOptions.GROUP_ID, "bench-" + run);
        c.set(MidstreamOptions.STARTING_OFFSETS, MidstreamOptions.StartingOffsets.EARLIEST);
        c.set(MidstreamOptions.TOPIC_ALERTS, topic("alerts-" + run));
        c.set(MidstreamOptions.TOPIC_METRICS, topic("metrics-" + run));
        c.set(MidstreamOptions.TOPIC_DLQ, topic("dlq-" + run));
        c.set(MidstreamOptions.TOPIC_REFERENCES, topic("references"));
        c.set(MidstreamOptions.RULES_FILE, rules.toString());
        // the REST API's views of a job and of its metrics are cached for 3 and 10 s by default: a
        // drain timed from its tasks running as seen there started up to 3 s late (1,357,982
        // chunks/s for a pass-through drain of 3 s)
        c.set(WebOptions.REFRESH_INTERVAL, Duration.ofMillis(20));
        c.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(200));
        // checkpoints to files, as on a cluster: the JobManager's memory takes at most 5 MB per
        // subtask, which 10,000 open sessions (the default state run) exceed
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        EmbeddedKafka.createTopics(bootstrap, parallelism, List.of(c.get(MidstreamOptions.TOPIC_ALERTS), c.get(MidstreamOptions.TOPIC_METRICS),
                c.get(MidstreamOptions.TOPIC_DLQ)), List.of(c.get(MidstreamOptions.TOPIC_REFERENCES)));
        return c;
    }

    private static String topic(String name) {
        return "bench." + name;
    }

    private static String key(String tenant, String session, long seq) {
        return tenant + "/" + session + "/" + seq;
    }

    private static long waitForRunning(JobClient client) throws Exception {
        while (client.getJobStatus().get() != JobStatus.RUNNING) {
            if (client.getJobStatus().get().isTerminalState()) {
                client.getJobExecutionResult().get();
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    @SuppressWarnings("unchecked")
    private void report() throws Exception {
        Map<String, Object> t = (Map<String, Object>) results.get("throughput");
        Map<String, Object> l = (Map<String, Object>) results.get("latency");
        Map<String, Object> s = (Map<String, Object>) results.get("state");
        Map<String, Object> tpt = (Map<String, Object>) t.get("pass_through");
        Map<String, Object> tfull = (Map<String, Object>) t.get("full");
        Map<String, Object> lpt = (Map<String, Object>) l.get("pass_through");
        Map<String, Object> lfull = (Map<String, Object>) l.get("full");
        System.out.println();
        System.out.printf("%-52s %14s %14s %8s%n", "measure", "pass-through", "full job", "ratio");
        System.out.printf("%-52s %14.0f %14.0f %8.2f%n", "throughput, chunks/s (" + chunks + " chunks, p=" + parallelism + ")",
                (double) tpt.get("chunks_per_s"), (double) tfull.get("chunks_per_s"), (double) t.get("ratio"));
        System.out.printf("%-52s %14d %14d%n", "peak heap while draining, MB", (long) tpt.get("peak_heap_mb"), (long) tfull.get("peak_heap_mb"));
        for (String p : new String[] {"p50_ms", "p99_ms", "max_ms"}) {
            System.out.printf("%-52s %14.1f %14.1f %8s%n", "latency " + p.replace("_ms", "") + ", ms (" + (int) rate + " chunks/s offered)",
                    (double) lpt.get(p), (double) lfull.get(p), p.equals("p99_ms") ? String.format("%.2f", (double) l.get("p99_ratio")) : "");
        }
        System.out.printf("%-52s %14.0f %14.0f%n", "offered in the latency run, chunks/s (measured)",
                (double) lpt.get("offered_chunks_per_s"), (double) lfull.get("offered_chunks_per_s"));
        System.out.printf("%-52s %14s %14d%n", "latency samples (chunks out / alerts out)", lpt.get("measured"), (long) lfull.get("measured"));
        ((Map<String, Map<String, Object>>) lfull.get("by_detector")).forEach((detector, f) -> System.out.printf("%-52s %14s %14s%n",
                "  " + detector + ": alerts, p50 / p99 ms", "", String.format("%d, %.1f / %.1f", (long) f.get("measured"), (double) f.get("p50_ms"), (double) f.get("p99_ms"))));
        System.out.printf("%-52s %14s %14.1f%n", "state per 1,000 open sessions, KB", "", (double) s.get("state_kb_per_1000_open_sessions"));
        System.out.printf("%-52s %14s %14s%n", "state: empty / " + openSessions + " / " + 2 * openSessions + " open / after end, B", "",
                s.get("state_bytes_empty") + " / " + s.get("state_bytes_open_" + openSessions) + " / " + s.get("state_bytes_open_" + 2 * openSessions) + " / " + s.get("state_bytes_after_end"));
        System.out.println("state after the sessions end, by operator chain, B:");
        ((Map<String, Long>) s.get("state_bytes_after_end_by_operator")).forEach((op, bytes) -> System.out.printf("  %10d  %s%n", bytes, op));
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
            System.out.println("bench e2e: figures in " + json);
        }
    }
}
