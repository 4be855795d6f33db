package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionEvent;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Propositions;
import io.midstream.ltl.SpecificationPattern;
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

import java.util.ArrayList;
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
    private final List<RulePattern> patterns;

    public LtlDetector(Propositions propositions, List<LtlRule> rules) {
        this.propositions = propositions;
        this.patterns = compile(propositions, rules);
    }

    /**
     * A rule's pattern, or one of those of a conjunction: {@code part} 1, 2, ... for each conjunct,
     * whose alerts are the rule's (the first is where the conjunction is violated), 0 for a rule of
     * one shape.
     */
    public record RulePattern(LtlRule rule, int part, LtlPatterns.Compiled compiled) {
        /** The rule's id, and the part's number in a conjunction. */
        public String name() {
            return rule.id() + (part == 0 ? "" : "-" + part);
        }
    }

    @Override
    public String name() {
        return "ltl";
    }

    @Override
    public Outputs attach(KeyedStream<SessionEvent, String> sessions) {
        DataStream<LtlEvent> events = sessions
                .transform("LTL: propositions per chunk", TypeInformation.of(LtlEvent.class), new LtlEventOperator(propositions, LtlEvents.of(patterns)))
                .uid("ltl-events");
        return new Outputs(violations(DataStreamUtils.reinterpretAsKeyedStream(events, new ByKey(), Types.STRING), patterns),
                Optional.empty(), Optional.empty());
    }

    /** Every rule's patterns, in order, each that reads marks with a slot of its own. */
    public static List<RulePattern> compile(Propositions propositions, List<LtlRule> rules) {
        List<RulePattern> compiled = new ArrayList<>();
        int slot = 0;
        for (LtlRule rule : rules) {
            try {
                List<SpecificationPattern.Shape> shapes = SpecificationPattern.shapes(rule.formula());
                for (int i = 0; i < shapes.size(); i++) {
                    LtlPatterns.Compiled c = LtlPatterns.compile(shapes.get(i), propositions.bits(), slot);
                    slot += c.marks() == null ? 0 : 1;
                    // a rule of one shape keeps the uid it always had, so that savepoints restore into it
                    compiled.add(new RulePattern(rule, shapes.size() == 1 ? 0 : i + 1, c));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + rule.id() + ": " + e.getMessage(), e);
            }
        }
        return compiled;
    }

    /**
     * The alerts of every rule on a stream of LTL events keyed by session, the union of the CEP
     * operators' outputs (no operator of its own: that would be one more task for every alert to
     * pass); shared with the offline cep engine.
     */
    public static DataStream<Alert> violations(KeyedStream<LtlEvent, String> events, List<RulePattern> patterns) {
        TypeSerializer<LtlEvent> serializer = events.getType().createSerializer(events.getExecutionConfig().getSerializerConfig());
        DataStream<Alert> all = null;
        for (RulePattern p : patterns) {
            SingleOutputStreamOperator<Alert> found = events
                    .transform("LTL: " + p.name(), TypeInformation.of(Alert.class), operator(p.rule(), p.compiled().pattern(), serializer))
                    .uid("ltl-" + p.name());
            DataStream<Alert> both = found.union(found.getSideOutput(LtlViolations.TIMEOUTS));
            all = all == null ? both : all.union(both);
        }
        return all;
    }

    /**
     * The CEP operator of a rule's compiled pattern, as {@code CEP.pattern(...).process(...)}
     * would build it, given only the events that a stage of the pattern can take.
     */
    public static CepOperator<LtlEvent, String, Alert> operator(LtlRule rule, Pattern<LtlEvent, LtlEvent> pattern, TypeSerializer<LtlEvent> serializer) {
        return new RuleCepOperator(serializer, NFACompiler.compileFactory(pattern, true), pattern.getAfterMatchSkipStrategy(),
                new LtlViolations(rule), LtlPatterns.Needed.of(pattern), LtlPatterns.windowed(pattern));
    }

    private static final class ByKey implements KeySelector<LtlEvent, String> {
        @Override
        public String getKey(LtlEvent e) {
            return e.key();
        }
    }
}
