package io.midstream.flink;

import io.midstream.alerts.Alerts;
import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.ReferencePattern;
import io.midstream.avro.ReferenceUpdate;
import io.midstream.avro.SessionEvent;
import io.midstream.dtw.LocalCost;
import io.midstream.dtw.References;
import io.midstream.dtw.SpringMatcher;
import io.midstream.dtw.SpringState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Temporal compare: per session, SPRING over the session's signal for each of its tenant's
 * reference patterns; a reported match is an alert, and the closest distance so far per pattern is
 * a score. References come from the rules file and from llm.references, broadcast to every
 * subtask: an update adds or replaces a pattern, a deletion removes it, without a restart. A
 * session only ever sees its own tenant's patterns.
 *
 * <p>DTW lets one stream value match a whole run of equal query values, so a single chunk can
 * look like a plateau; a match must span at least {@code minMatchShare} of the pattern's length
 * (in seqs of the session).
 */
public final class TemporalCompareFunction extends KeyedBroadcastProcessFunction<String, SessionEvent, ReferenceUpdate, Alert> {
    private static final long serialVersionUID = 1L;

    /** Broadcast state: updates from llm.references by tenant/pattern; a deletion of a rules-file pattern stays as a marker. */
    public static final MapStateDescriptor<String, ReferenceUpdate> REFERENCES =
            new MapStateDescriptor<>("references", Types.STRING, TypeInformation.of(ReferenceUpdate.class));

    private final List<ReferencePattern> fromRules;
    private final LocalCost cost;
    private final double minMatchShare;

    private transient ValueState<SpringStates> springs;
    /** The compiled patterns by tenant and id, rebuilt from the broadcast state when it changed. */
    private transient Map<String, Map<String, Compiled>> byTenant;
    private transient Counter alerts;
    private transient Histogram evaluationNanos;

    private record Compiled(ReferencePattern pattern, SpringMatcher matcher) {}

    public TemporalCompareFunction(List<ReferencePattern> fromRules, LocalCost cost, double minMatchShare) {
        for (ReferencePattern p : fromRules) {
            String invalid = References.validate(p);
            if (invalid != null) {
                throw new IllegalArgumentException("reference " + p.getTenantId() + "/" + p.getPatternId() + ": " + invalid);
            }
        }
        if (!(minMatchShare >= 0 && minMatchShare <= 1)) {
            throw new IllegalArgumentException("the share of a pattern a match spans must be within [0, 1], not " + minMatchShare);
        }
        this.fromRules = List.copyOf(fromRules);
        this.cost = cost;
        this.minMatchShare = minMatchShare;
    }

    @Override
    public void open(OpenContext context) {
        springs = getRuntimeContext().getState(new ValueStateDescriptor<>("spring", TypeInformation.of(SpringStates.class)));
        alerts = DetectorMetrics.alerts(getRuntimeContext().getMetricGroup());
        evaluationNanos = DetectorMetrics.evaluationNanos(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(SessionEvent event, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        Map<String, Compiled> patterns = patterns(ctx.getBroadcastState(REFERENCES)).getOrDefault(event.getTenantId(), Map.of());
        switch (event.getKind()) {
            case START -> { }
            case CHUNK -> {
                if (patterns.isEmpty()) {
                    return;
                }
                long start = System.nanoTime();
                SpringStates session = springs.value();
                if (session == null) {
                    session = new SpringStates();
                }
                for (Compiled c : patterns.values()) {
                    Double x = event.getSignals().get(c.pattern().getSignal());
                    if (x == null) {
                        continue; // a chunk without the signal is no position of its series
                    }
                    String id = c.pattern().getPatternId();
                    SpringState state = session.get(id);
                    if (state == null || !c.matcher().owns(state)) {
                        state = c.matcher().newState(); // new, or the pattern was replaced
                    }
                    double before = state.getBest();
                    alert(c, c.matcher().update(state, event.getSeq(), x), event, out);
                    if (state.getBest() < before) {
                        ctx.output(Tags.SCORES, new DetectorScore(event.getTenantId(), event.getSessionId(),
                                "dtw." + id, state.getBest(), null, event.getSeq()));
                    }
                    session.put(id, state);
                }
                springs.update(session);
                DetectorMetrics.since(evaluationNanos, start);
            }
            case END -> {
                SpringStates session = springs.value();
                if (session != null) {
                    for (int i = 0; i < session.getPatternIds().length; i++) {
                        Compiled c = patterns.get(session.getPatternIds()[i]);
                        SpringState state = session.getStates()[i];
                        if (c != null && c.matcher().owns(state)) {
                            alert(c, c.matcher().finish(state), event, out);
                        }
                    }
                }
                springs.clear();
            }
        }
    }

    @Override
    public void processBroadcastElement(ReferenceUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        if (update.getDead() != null) {
            // every subtask gets the record; one of them reports it
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                ctx.output(Tags.DEAD_LETTERS, update.getDead());
            }
            return;
        }
        BroadcastState<String, ReferenceUpdate> state = ctx.getBroadcastState(REFERENCES);
        String key = key(update.getTenantId(), update.getPatternId());
        boolean inRules = fromRules.stream().anyMatch(p -> key(p.getTenantId(), p.getPatternId()).equals(key));
        if (update.getPattern() == null && !inRules) {
            state.remove(key);
        } else {
            state.put(key, update);
        }
        byTenant = null;
    }

    private void alert(Compiled c, SpringMatcher.Match m, SessionEvent event, Collector<Alert> out) {
        if (m == null) {
            return;
        }
        alerts.inc();
        ReferencePattern p = c.pattern();
        out.collect(Alerts.of(event.getTenantId(), event.getSessionId(), DetectorKind.DTW, p.getPatternId(), p.getSeverity(),
                m.start(), m.end(), m.distance(),
                String.format("%s matched reference %s: DTW %.4g <= %.4g over seq %d-%d",
                        p.getSignal(), p.getPatternId(), m.distance(), p.getEpsilon(), m.start(), m.end()),
                event.getEventTime()));
    }

    private Map<String, Map<String, Compiled>> patterns(ReadOnlyBroadcastState<String, ReferenceUpdate> state) throws Exception {
        if (byTenant == null) {
            Map<String, ReferencePattern> effective = new HashMap<>();
            for (ReferencePattern p : fromRules) {
                effective.put(key(p.getTenantId(), p.getPatternId()), p);
            }
            for (Map.Entry<String, ReferenceUpdate> e : state.immutableEntries()) {
                if (e.getValue().getPattern() == null) {
                    effective.remove(e.getKey());
                } else {
                    effective.put(e.getKey(), e.getValue().getPattern());
                }
            }
            Map<String, Map<String, Compiled>> compiled = new HashMap<>();
            for (ReferencePattern p : effective.values()) {
                double[] values = References.values(p);
                long minLength = Math.max(1, (long) Math.ceil(minMatchShare * values.length));
                compiled.computeIfAbsent(p.getTenantId(), t -> new HashMap<>())
                        .put(p.getPatternId(), new Compiled(p, new SpringMatcher(values, cost, p.getEpsilon(), minLength)));
            }
            byTenant = compiled;
        }
        return byTenant;
    }

    private static String key(String tenant, String pattern) {
        return tenant + "/" + pattern;
    }
}
