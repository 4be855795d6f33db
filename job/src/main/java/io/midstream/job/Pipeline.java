package io.midstream.job;

import io.midstream.avro.Alert;
import io.midstream.avro.DeadLetter;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.SessionMetrics;
import io.midstream.avro.SourceRecord;
import io.midstream.flink.Detector;
import io.midstream.flink.MetricsAssembler;
import io.midstream.flink.SessionFunction;
import io.midstream.flink.SessionKey;
import io.midstream.flink.SplitDeadLetters;
import io.midstream.flink.Tags;
import io.midstream.session.SessionSettings;
import io.midstream.signals.SignalExtractor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job's dataflow between its source and its sinks, which the caller owns (Kafka in the job,
 * anything in a test):
 * decoded records, then chunks keyed by session, put in order, turned into session events, read
 * by every detector; alerts, metrics with the detectors' scores, and dead letters come out.
 */
public final class Pipeline {
    private Pipeline() {}

    /** What the dataflow produces; alerts only where there are detectors. */
    public record Results(Optional<DataStream<Alert>> alerts, DataStream<SessionMetrics> metrics,
                          DataStream<DeadLetter> deadLetters) {}

    public static Results build(DataStream<SourceRecord> records, SessionSettings settings,
                                List<Detector> detectors, Duration orphanScoreTtl) {
        SingleOutputStreamOperator<LlmChunk> chunks = records
                .process(new SplitDeadLetters()).name("Split dead letters").uid("split-dead-letters");
        SingleOutputStreamOperator<SessionEvent> sessions = chunks
                .keyBy(c -> SessionKey.of(c.getTenantId(), c.getSessionId()), Types.STRING)
                .process(new SessionFunction(settings)).name("Sessions: order, signals, metrics").uid("sessions");
        // the session operator's outputs are partitioned by session already: no second shuffle
        KeyedStream<SessionEvent, String> keyedSessions = DataStreamUtils.reinterpretAsKeyedStream(
                sessions, e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING);

        List<DataStream<Alert>> alerts = new ArrayList<>();
        List<DataStream<DetectorScore>> scores = new ArrayList<>();
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>(List.of(chunks.getSideOutput(Tags.DEAD_LETTERS), sessions.getSideOutput(Tags.DEAD_LETTERS)));
        for (Detector detector : detectors) {
            Detector.Outputs found = detector.attach(keyedSessions);
            alerts.add(found.alerts());
            found.scores().ifPresent(scores::add);
            found.deadLetters().ifPresent(deadLetters::add);
        }

        DataStream<SessionMetrics> metrics = sessions.getSideOutput(Tags.METRICS);
        if (!scores.isEmpty()) {
            metrics = DataStreamUtils.reinterpretAsKeyedStream(metrics, m -> SessionKey.of(m.getTenantId(), m.getSessionId()), Types.STRING)
                    .connect(DataStreamUtils.reinterpretAsKeyedStream(union(scores), s -> SessionKey.of(s.getTenantId(), s.getSessionId()), Types.STRING))
                    .process(new MetricsAssembler(orphanScoreTtl)).name("Metrics with detector scores").uid("metrics-assembler");
        }
        return new Results(alerts.isEmpty() ? Optional.empty() : Optional.of(union(alerts)), metrics, union(deadLetters));
    }

    /** One stream of all the given ones (at least one). */
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> all = streams.get(0);
        for (DataStream<T> next : streams.subList(1, streams.size())) {
            all = all.union(next);
        }
        return all;
    }

    public static SessionSettings sessionSettings(Configuration config) {
        return new SessionSettings(
                config.get(MidstreamOptions.INACTIVITY_TIMEOUT),
                config.get(MidstreamOptions.REORDER_CAPACITY),
                config.get(MidstreamOptions.METRICS_EVERY),
                config.get(MidstreamOptions.ENDED_RETENTION),
                new SignalExtractor(
                        config.get(MidstreamOptions.NGRAM_SIZE),
                        config.get(MidstreamOptions.NGRAM_WINDOW),
                        config.get(MidstreamOptions.RECENT_TEXT_CHARS)));
    }
}
