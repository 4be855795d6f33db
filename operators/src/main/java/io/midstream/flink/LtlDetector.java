package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionEvent;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Propositions;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.List;
import java.util.Optional;

/**
 * LTL rules as a detector of the job: propositions evaluated once per chunk, then one CEP
 * operator per compiled pattern of each rule, on the session-partitioned stream without a shuffle.
 * Every rule is compiled here, when the job is built: a rule outside the fragment stops the job
 * from starting, with the reason.
 */
public final class LtlDetector implements Detector {
    private final Propositions propositions;
    private final List<LtlRule> rules;

    public LtlDetector(Propositions propositions, List<LtlRule> rules) {
        this.propositions = propositions;
        this.rules = List.copyOf(rules);
        rules.forEach(rule -> LtlPatterns.compile(rule.formula(), propositions.bits()));
    }

    @Override
    public String name() {
        return "ltl";
    }

    @Override
    public Outputs attach(KeyedStream<SessionEvent, String> sessions) {
        DataStream<LtlEvent> events = sessions
                .transform("LTL: propositions per chunk", TypeInformation.of(LtlEvent.class), new LtlEventOperator(propositions, needed(propositions, rules)))
                .uid("ltl-events");
        return new Outputs(violations(DataStreamUtils.reinterpretAsKeyedStream(events, new ByKey(), Types.STRING), propositions, rules),
                Optional.empty(), Optional.empty());
    }

    /** The chunk events that some pattern of the rules can take. */
    public static LtlPatterns.Needed needed(Propositions propositions, List<LtlRule> rules) {
        LtlPatterns.Needed needed = LtlPatterns.Needed.NOTHING;
        for (LtlRule rule : rules) {
            needed = needed.or(LtlPatterns.Needed.of(LtlPatterns.compile(rule.formula(), propositions.bits())));
        }
        return needed;
    }

    /**
     * The alerts of every rule on a stream of LTL events keyed by session, the union of the CEP
     * operators' outputs (no operator of its own: that would be one more task for every alert to
     * pass); shared with the offline cep engine.
     */
    public static DataStream<Alert> violations(KeyedStream<LtlEvent, String> events, Propositions propositions, List<LtlRule> rules) {
        TypeSerializer<LtlEvent> serializer = events.getType().createSerializer(events.getExecutionConfig().getSerializerConfig());
        DataStream<Alert> all = null;
        for (LtlRule rule : rules) {
            Pattern<LtlEvent, LtlEvent> pattern = LtlPatterns.compile(rule.formula(), propositions.bits());
            SingleOutputStreamOperator<Alert> found = events
                    .transform("LTL: " + rule.id(), TypeInformation.of(Alert.class), operator(rule, pattern, serializer)).uid("ltl-" + rule.id());
            DataStream<Alert> both = found.union(found.getSideOutput(LtlViolations.TIMEOUTS));
            all = all == null ? both : all.union(both);
        }
        return all;
    }

    /**
     * The CEP operator of a rule's compiled pattern, as {@code CEP.pattern(...).process(...)}
     * would build it. A pattern with a time window needs CEP's event-time timers and order; one
     * without is matched as its events come, which is their session's order already.
     */
    public static CepOperator<LtlEvent, String, Alert> operator(LtlRule rule, Pattern<LtlEvent, LtlEvent> pattern, TypeSerializer<LtlEvent> serializer) {
        NFACompiler.NFAFactory<LtlEvent> nfa = NFACompiler.compileFactory(pattern, true);
        LtlViolations violations = new LtlViolations(rule);
        return LtlPatterns.windowed(pattern)
                ? new CepOperator<>(serializer, false, nfa, new LtlEvent.Order(), pattern.getAfterMatchSkipStrategy(), violations, null)
                : new InOrderCepOperator(serializer, nfa, pattern.getAfterMatchSkipStrategy(), violations);
    }

    private static final class ByKey implements KeySelector<LtlEvent, String> {
        @Override
        public String getKey(LtlEvent e) {
            return e.key();
        }
    }
}
