package io.midstream.tools;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionMetrics;
import io.midstream.job.MidstreamOptions;
import io.midstream.job.kafka.DeadLetterSerializer;
import io.midstream.tools.generate.ChunkProducer;
import io.midstream.tools.generate.Corpus;
import io.midstream.tools.generate.LoadGenerator;
import io.midstream.tools.generate.Scenario;
import io.midstream.tools.kafka.EmbeddedKafka;
import io.midstream.tools.kafka.Ports;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./midstream demo}: a real Kafka broker and the job in one JVM, fed by the load generator,
 * with the Flink web UI; prints progress and every alert until Ctrl-C or the time is up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a Kafka broker, the job (Flink web UI on http://127.0.0.1:8081 or the next free port) and the load generator in this process.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--rate", defaultValue = "200", description = "Chunks per second from the load generator, roughly (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--web-port", defaultValue = "8081", description = "Preferred port of the Flink web UI (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--malformed", defaultValue = "0.005", description = "Share of malformed records mixed in, to show the dead-letter topic (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(names = "--rules", paramLabel = "FILE", defaultValue = "${sys:midstream.home:-.}/flink-conf/rules.yaml",
            description = "Rules file of the detectors (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--disorder", defaultValue = "0.02", description = "Probability of a swapped or repeated chunk (default: ${DEFAULT-VALUE}).")
    double disorder;

    private final AtomicBoolean stop = new AtomicBoolean();
    /** Set once the job is cancelled: the watcher reads what is left and leaves. */
    private final AtomicBoolean drain = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong metrics = new AtomicLong();
    private final AtomicLong summaries = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        long begin = System.nanoTime();
        System.out.println("midstream demo: starting a Kafka broker ...");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Configuration config = new Configuration();
            config.set(MidstreamOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            config.set(MidstreamOptions.INACTIVITY_TIMEOUT, Duration.ofSeconds(10));
            config.set(MidstreamOptions.IDLENESS, Duration.ofSeconds(5));
            config.set(MidstreamOptions.RULES_FILE, rules.toString());
            kafka.createTopics(parallelism,
                    List.of(config.get(MidstreamOptions.TOPIC_CHUNKS), config.get(MidstreamOptions.TOPIC_ALERTS),
                            config.get(MidstreamOptions.TOPIC_METRICS), config.get(MidstreamOptions.TOPIC_DLQ)),
                    List.of(config.get(MidstreamOptions.TOPIC_REFERENCES)));
            int port = Ports.freeFrom(webPort);
            JobClient job = LocalFlink.start(config, port, parallelism);
            System.out.printf("midstream demo: Kafka at %s, Flink web UI at http://127.0.0.1:%d, logs in %s%n",
                    kafka.bootstrapServers(), port, System.getProperty("midstream.log.file", "logs/midstream.log"));

            Thread watcher = new Thread(() -> watch(kafka.bootstrapServers(), config), "watch-results");
            watcher.start();
            Corpus corpus = Corpus.load();
            LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(System.nanoTime(), 0,
                    LoadGenerator.concurrencyFor(rate, corpus, Scenario.MIXED, 1, 60_000), Scenario.MIXED, 3, "", disorder,
                    System.currentTimeMillis()), corpus);
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
                ChunkProducer out = new ChunkProducer(producer, config.get(MidstreamOptions.TOPIC_CHUNKS), malformed, 7);
                Thread feeder = new Thread(() -> {
                    try {
                        out.run(generator, true, stop::get);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "load-generator");
                feeder.start();
                progress(out, job, port, begin);
                stop.set(true);
                feeder.join();
                System.out.println();
                System.out.println("midstream demo: stopping ...");
                Thread.sleep(2000); // what is in flight reaches the topics
                job.cancel().get(30, TimeUnit.SECONDS);
                drain.set(true);
                watcher.join(10_000);
                double secs = (System.nanoTime() - begin) / 1e9;
                System.out.printf("midstream demo: %d chunks in (%.0f/s), %d malformed records sent, %d dead letters out, "
                                + "%d metrics records (%d session summaries), %d alerts, in %.0f s%n",
                        out.chunks.sum(), out.chunks.sum() / secs, out.malformedSent.sum(), deadLetters.get(),
                        metrics.get(), summaries.get(), alerts.get(), secs);
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private void progress(ChunkProducer out, JobClient job, int port, long begin) throws Exception {
        boolean tty = System.console() != null;
        long deadline = seconds > 0 ? begin + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        long lastChunks = 0;
        long lastTime = System.nanoTime();
        int tick = 0;
        while (!stop.get() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = System.nanoTime();
            long chunks = out.chunks.sum();
            double perSecond = (chunks - lastChunks) / ((now - lastTime) / 1e9);
            lastChunks = chunks;
            lastTime = now;
            String line = String.format("[%4ds] job %s | chunks in %d (%.0f/s) | metrics %d (%d summaries) | alerts %d | dead letters %d | web UI http://127.0.0.1:%d",
                    TimeUnit.NANOSECONDS.toSeconds(now - begin), job.getJobStatus().get(), chunks, perSecond,
                    metrics.get(), summaries.get(), alerts.get(), deadLetters.get(), port);
            if (tty) {
                System.out.print("\r" + line);
            } else if (tick++ % 5 == 0) {
                System.out.println(line);
            }
        }
    }

    private void watch(String bootstrap, Configuration config) {
        String alertsTopic = config.get(MidstreamOptions.TOPIC_ALERTS);
        String metricsTopic = config.get(MidstreamOptions.TOPIC_METRICS);
        String dlqTopic = config.get(MidstreamOptions.TOPIC_DLQ);
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            consumer.subscribe(List.of(alertsTopic, metricsTopic, dlqTopic));
            while (true) {
                boolean draining = drain.get();
                var records = consumer.poll(Duration.ofMillis(500));
                if (draining && records.isEmpty()) {
                    return;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.topic().equals(metricsTopic)) {
                        metrics.incrementAndGet();
                        if (SessionMetrics.fromByteBuffer(ByteBuffer.wrap(r.value())).getIsFinal()) {
                            summaries.incrementAndGet();
                        }
                    } else if (r.topic().equals(alertsTopic)) {
                        alerts.incrementAndGet();
                        Alert a = Alert.fromByteBuffer(ByteBuffer.wrap(r.value()));
                        System.out.printf("%nALERT %s %s/%s tenant %s session %s seq %d-%d: %s%n", a.getSeverity(),
                                a.getDetector(), a.getRuleId(), a.getTenantId(), a.getSessionId(),
                                a.getFirstSeq(), a.getLastSeq(), a.getMessage());
                    } else if (deadLetters.incrementAndGet() <= 3) {
                        Header reason = r.headers().lastHeader(DeadLetterSerializer.REASON);
                        System.out.printf("%ndead letter: %s%n", reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("midstream demo: reading results failed: " + e);
        }
    }
}
