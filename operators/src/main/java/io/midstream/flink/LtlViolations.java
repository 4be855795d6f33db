package io.midstream.flink;

import io.midstream.alerts.Alerts;
import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.ltl.LtlRule;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns a rule's CEP matches, each a prefix of a session that violates the rule, into alerts
 * whose seq range is the evidence; a timed-out partial match is a response that did not come
 * in time, and becomes an alert too (on {@link #TIMEOUTS}, where CEP puts them).
 */
public final class LtlViolations extends PatternProcessFunction<LtlEvent, Alert> implements TimedOutPartialMatchHandler<LtlEvent> {
    public static final OutputTag<Alert> TIMEOUTS = new OutputTag<>("ltl-timeouts") {};

    private final LtlRule rule;
    private transient Counter alerts;

    public LtlViolations(LtlRule rule) {
        this.rule = rule;
    }

    @Override
    public void open(OpenContext context) {
        alerts = DetectorMetrics.alerts(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processMatch(Map<String, List<LtlEvent>> match, Context ctx, Collector<Alert> out) {
        // decided at its last event, whose time is not the record's timestamp in processing time
        out.collect(alert(match, null, "violated"));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<LtlEvent>> match, Context ctx) {
        ctx.output(TIMEOUTS, alert(match, ctx.timestamp(), "violated: no response in time"));
    }

    /** {@code decidedAt}: null for the time of the match's last event. */
    private Alert alert(Map<String, List<LtlEvent>> match, Long decidedAt, String what) {
        alerts.inc();
        LtlEvent first = null;
        LtlEvent last = null;
        for (List<LtlEvent> stage : match.values()) {
            for (LtlEvent e : stage) {
                if (first == null || order(e, first) < 0) {
                    first = e;
                }
                if (last == null || order(e, last) > 0) {
                    last = e;
                }
            }
        }
        return Alerts.of(last.tenant, last.session, DetectorKind.LTL, rule.id(), rule.severity(), first.seq, last.seq, 1.0,
                "rule " + rule.id() + " " + what + ": " + rule.text(), Instant.ofEpochMilli(decidedAt == null ? last.time : decidedAt));
    }

    private static int order(LtlEvent a, LtlEvent b) {
        return LtlEvent.Order.INSTANCE.compare(a, b);
    }
}
