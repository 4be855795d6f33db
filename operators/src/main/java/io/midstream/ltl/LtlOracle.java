package io.midstream.ltl;

import java.util.List;
import java.util.Set;

/**
 * The reference evaluator: the LTLf verdict of a formula on a finite trace by formula
 * progression, and the earliest position that decides a violation: the first prefix that every
 * continuation (including none) violates.
 */
public final class LtlOracle {
    private LtlOracle() {}

    /** One position of a trace: the propositions that hold there, and its event time in ms. */
    public record Step(Set<String> holds, long time) {}

    /** {@code at} is the deciding position of a violation, null when the trace satisfies the formula. */
    public record Verdict(boolean satisfied, Integer at) {
        public static Verdict holds() {
            return new Verdict(true, null);
        }

        public static Verdict violatedAt(int at) {
            return new Verdict(false, at);
        }
    }

    public static Verdict verdict(Formula formula, List<Step> trace) {
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one position");
        }
        Obligation o = Obligation.of(formula);
        for (int i = 0; i < trace.size(); i++) {
            Step step = trace.get(i);
            if (i > 0 && step.time() < trace.get(i - 1).time()) {
                throw new IllegalArgumentException("times go back at position " + i);
            }
            boolean endingHereHolds = Progression.last(o, step.holds()::contains, step.time());
            if (i == trace.size() - 1) {
                return endingHereHolds ? Verdict.holds() : Verdict.violatedAt(i);
            }
            Obligation rest = Obligation.canonical(Progression.next(o, step.holds()::contains, step.time()));
            if (!endingHereHolds && (rest.equals(Obligation.FALSE) || !Satisfiability.satisfiable(rest, step.time()))) {
                return Verdict.violatedAt(i);
            }
            if (endingHereHolds && rest.equals(Obligation.TRUE)) {
                return Verdict.holds();
            }
            o = rest;
        }
        throw new AssertionError("unreachable");
    }
}
