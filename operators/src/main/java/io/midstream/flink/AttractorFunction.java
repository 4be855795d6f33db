package io.midstream.flink;

import io.midstream.alerts.Alerts;
import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.AttractorClass;
import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Attractor detection: per session, a window of the last W values of each watched signal,
 * analysed every K chunks once it holds enough values. An alert comes when a signal enters a class
 * its watch flags (fixed_point on latency_ms is a stall, periodic on surprise a repetition loop);
 * class, exponent and dimension go to SessionMetrics as attractor.&lt;signal&gt;.*.
 */
public final class AttractorFunction extends KeyedProcessFunction<String, SessionEvent, Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttractorFunction.class);

    /** A signal to watch and the classes that raise an alert on it. */
    public record Watch(String id, String signal, Set<AttractorClass> alertOn, Severity severity) implements Serializable {
        public Watch {
            alertOn = alertOn.isEmpty() ? EnumSet.noneOf(AttractorClass.class) : EnumSet.copyOf(alertOn);
        }
    }

    /**
     * @param window    values kept per signal (W)
     * @param every     chunks between two evaluations (K)
     * @param minWindow values a signal needs before it is evaluated
     */
    public record Config(List<Watch> watches, int window, int every, int minWindow, AttractorAnalysis.Settings analysis)
            implements Serializable {
        public Config {
            if (window < 16 || every < 1 || minWindow < 16 || minWindow > window) {
                throw new IllegalArgumentException("need window >= 16, every >= 1 and 16 <= min-window <= window; got "
                        + window + ", " + every + ", " + minWindow);
            }
            watches = List.copyOf(watches);
        }
    }

    private final Config config;
    private transient ValueState<AttractorWindows> state;
    private transient Counter evaluations;
    private transient Counter failures;
    private transient Counter alerts;
    private transient Histogram evaluationNanos;

    public AttractorFunction(Config config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("attractor", TypeInformation.of(AttractorWindows.class)));
        var metrics = getRuntimeContext().getMetricGroup();
        evaluations = metrics.counter("attractorEvaluations");
        failures = metrics.counter("attractorFailures");
        alerts = DetectorMetrics.alerts(metrics);
        evaluationNanos = DetectorMetrics.evaluationNanos(metrics);
    }

    @Override
    public void processElement(SessionEvent event, Context ctx, Collector<Alert> out) throws Exception {
        switch (event.getKind()) {
            case START -> { }
            case END -> state.clear();
            case CHUNK -> {
                AttractorWindows windows = state.value();
                if (windows == null) {
                    windows = new AttractorWindows(config.watches().size(), config.window());
                }
                for (int w = 0; w < config.watches().size(); w++) {
                    Double v = event.getSignals().get(config.watches().get(w).signal());
                    if (v != null) {
                        windows.add(w, event.getSeq(), v);
                    }
                }
                windows.setSinceEvaluation(windows.getSinceEvaluation() + 1);
                if (windows.getSinceEvaluation() >= config.every()) {
                    windows.setSinceEvaluation(0);
                    evaluate(windows, event, ctx, out);
                }
                state.update(windows);
            }
        }
    }

    private void evaluate(AttractorWindows windows, SessionEvent event, Context ctx, Collector<Alert> out) {
        for (int w = 0; w < config.watches().size(); w++) {
            if (windows.getSizes()[w] < config.minWindow()) {
                continue;
            }
            Watch watch = config.watches().get(w);
            AttractorAnalysis.Report r;
            long start = System.nanoTime();
            try {
                r = AttractorAnalysis.analyze(windows.series(w), config.analysis());
            } catch (RuntimeException e) {
                // a window the analysis cannot take must not fail the job
                failures.inc();
                LOG.warn("attractor analysis of {} failed in session {}", watch.signal(), ctx.getCurrentKey(), e);
                continue;
            }
            evaluations.inc();
            DetectorMetrics.since(evaluationNanos, start);
            String prefix = "attractor." + watch.signal() + ".";
            ctx.output(Tags.SCORES, new DetectorScore(event.getTenantId(), event.getSessionId(), prefix + "class", 0.0,
                    r.attractorClass().label(), event.getSeq()));
            if (r.lyapunovPerSample() != null) {
                ctx.output(Tags.SCORES, new DetectorScore(event.getTenantId(), event.getSessionId(), prefix + "lyapunov",
                        r.lyapunovPerSample(), null, event.getSeq()));
            }
            if (r.correlationDimension() != null) {
                ctx.output(Tags.SCORES, new DetectorScore(event.getTenantId(), event.getSessionId(), prefix + "dimension",
                        r.correlationDimension(), null, event.getSeq()));
            }
            int previous = windows.getLastClass()[w];
            windows.getLastClass()[w] = r.attractorClass().ordinal();
            if (watch.alertOn().contains(r.attractorClass()) && previous != r.attractorClass().ordinal()) {
                alerts.inc();
                out.collect(Alerts.of(event.getTenantId(), event.getSessionId(), DetectorKind.ATTRACTOR, watch.id(),
                        watch.severity(), windows.oldestSeq(w), event.getSeq(),
                        r.lyapunovPerSample() == null ? 0.0 : r.lyapunovPerSample(),
                        String.format("%s entered %s over the last %d values (lyapunov %s, dimension %s)", watch.signal(),
                                r.attractorClass().label(), windows.getSizes()[w], format(r.lyapunovPerSample()),
                                format(r.correlationDimension())),
                        event.getEventTime()));
            }
        }
    }

    private static String format(Double v) {
        return v == null ? "-" : String.format("%.3g", v);
    }
}
