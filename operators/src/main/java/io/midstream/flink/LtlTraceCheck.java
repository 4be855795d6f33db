package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.ltl.LtlOracle;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Propositions;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs recorded traces through rules' compiled CEP patterns in a MiniCluster, as the job does:
 * each trace is a session (START, its positions, END) keyed by its id. A verdict's position is
 * where the first alert was decided: its last event, or for a timeout the first position past
 * the deadline. For {@code analyze ltl --engine cep} and the tests that compare it with the oracle.
 */
public final class LtlTraceCheck {
    private LtlTraceCheck() {}

    /** The verdict of every rule (by id) on every trace (by key). */
    public static Map<String, Map<String, LtlOracle.Verdict>> run(List<LtlRule> rules, Propositions propositions,
                                                                  Map<String, List<LtlOracle.Step>> traces) throws Exception {
        Map<String, Integer> bits = propositions.bits();
        List<LtlDetector.RulePattern> compiled = LtlDetector.compile(propositions, rules);
        LtlEvents perChunk = LtlEvents.of(compiled);
        List<LtlEvent> events = new ArrayList<>();
        traces.forEach((key, steps) -> {
            events.add(new LtlEvent("", key, LtlEvent.START, -1, 0, steps.get(0).time(), 0));
            long[] state = perChunk.newState();
            long holds = 0;
            for (int i = 0; i < steps.size(); i++) {
                holds = Propositions.bitsOf(List.copyOf(steps.get(i).holds()), bits);
                perChunk.chunk("", key, i, i, steps.get(i).time(), holds, state, events::add);
            }
            int last = steps.size() - 1;
            events.add(new LtlEvent("", key, LtlEvent.END, last, last, steps.get(last).time(), holds));
        });
        // one stream in time order, as a watermark needs; each session keeps its own order
        events.sort(Comparator.comparingLong((LtlEvent e) -> e.time).thenComparing(new LtlEvent.Order()));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(Math.min(2, Runtime.getRuntime().availableProcessors()));
        var sessions = env.fromData(TypeInformation.of(LtlEvent.class), events.toArray(LtlEvent[]::new)).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LtlEvent>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e.time))
                .setParallelism(1)
                .keyBy(LtlEvent::key, Types.STRING)
                // the rules' CEP operators chained after one task, as in the job, not each behind a shuffle of its own
                .map(e -> e).returns(TypeInformation.of(LtlEvent.class));

        Map<String, Map<String, Integer>> firstAt = new HashMap<>();
        try (CloseableIterator<Alert> it = LtlDetector.violations(DataStreamUtils.reinterpretAsKeyedStream(sessions, LtlEvent::key, Types.STRING), compiled).executeAndCollect("LTL over recorded traces")) {
            while (it.hasNext()) {
                Alert alert = it.next();
                int at = decidedAt(alert, traces.get(alert.getSessionId()));
                firstAt.computeIfAbsent(alert.getRuleId(), r -> new HashMap<>()).merge(alert.getSessionId(), at, Math::min);
            }
        }
        Map<String, Map<String, LtlOracle.Verdict>> verdicts = new LinkedHashMap<>();
        for (LtlRule rule : rules) {
            Map<String, Integer> at = firstAt.getOrDefault(rule.id(), Map.of());
            Map<String, LtlOracle.Verdict> byTrace = new LinkedHashMap<>();
            traces.keySet().forEach(key -> byTrace.put(key, at.containsKey(key) ? LtlOracle.Verdict.violatedAt(at.get(key)) : LtlOracle.Verdict.holds()));
            verdicts.put(rule.id(), byTrace);
        }
        return verdicts;
    }

    /** The alert's last event, or the first position at or past the time it was decided (a timeout). */
    private static int decidedAt(Alert alert, List<LtlOracle.Step> steps) {
        long decided = alert.getEventTime().toEpochMilli();
        int firstAtOrAfter = steps.size() - 1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).time() >= decided) {
                firstAtOrAfter = i;
                break;
            }
        }
        return (int) Math.max(alert.getLastSeq(), firstAtOrAfter);
    }
}
