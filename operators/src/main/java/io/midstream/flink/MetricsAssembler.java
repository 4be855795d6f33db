package io.midstream.flink;

import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts each session's latest detector scores into its SessionMetrics. Window metrics leave at once
 * with the scores known by then. The final summary waits for the watermark to pass the session's
 * end: by then every detector has emitted what the session's last events caused, since each sends
 * a record before the watermark that follows it, so the summary carries the final scores.
 */
public final class MetricsAssembler extends KeyedCoProcessFunction<String, SessionMetrics, DetectorScore, SessionMetrics> {
    private static final long serialVersionUID = 1L;

    private final Duration orphanTtl;
    private transient MapState<String, DetectorScore> scores;
    private transient ValueState<SessionMetrics> summary;

    /** @param orphanTtl how long scores of a session whose summary never comes are kept (processing time) */
    public MetricsAssembler(Duration orphanTtl) {
        this.orphanTtl = orphanTtl;
    }

    @Override
    public void open(OpenContext context) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(orphanTtl).build();
        MapStateDescriptor<String, DetectorScore> scoresDescriptor =
                new MapStateDescriptor<>("scores", Types.STRING, TypeInformation.of(DetectorScore.class));
        scoresDescriptor.enableTimeToLive(ttl);
        scores = getRuntimeContext().getMapState(scoresDescriptor);
        ValueStateDescriptor<SessionMetrics> summaryDescriptor =
                new ValueStateDescriptor<>("summary", TypeInformation.of(SessionMetrics.class));
        summaryDescriptor.enableTimeToLive(ttl);
        summary = getRuntimeContext().getState(summaryDescriptor);
    }

    @Override
    public void processElement1(SessionMetrics metrics, Context ctx, Collector<SessionMetrics> out) throws Exception {
        if (metrics.getIsFinal()) {
            summary.update(metrics);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        } else {
            withLatestScores(metrics);
            out.collect(metrics);
        }
    }

    @Override
    public void processElement2(DetectorScore score, Context ctx, Collector<SessionMetrics> out) throws Exception {
        scores.put(score.getName(), score);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SessionMetrics> out) throws Exception {
        SessionMetrics last = summary.value();
        if (last != null) {
            withLatestScores(last);
            out.collect(last);
        }
        summary.clear();
        scores.clear();
    }

    private void withLatestScores(SessionMetrics metrics) throws Exception {
        Map<String, Double> values = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (DetectorScore s : scores.values()) {
            if (s.getLabel() == null) {
                values.put(s.getName(), s.getValue());
            } else {
                labels.put(s.getName(), s.getLabel());
            }
        }
        metrics.setScores(values);
        metrics.setLabels(labels);
    }
}
