package io.midstream.ltl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** LTLf semantics on small traces worked out by hand (De Giacomo and Vardi 2013; design.md). */
class LtlOracleTest {
    private static List<LtlOracle.Step> trace(String... positions) {
        List<LtlOracle.Step> steps = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            steps.add(new LtlOracle.Step(positions[i].isEmpty() ? Set.of() : Set.of(positions[i].split(",")), 1000L * i));
        }
        return steps;
    }

    private static LtlOracle.Verdict verdict(String formula, List<LtlOracle.Step> trace) {
        return LtlOracle.verdict(LtlParser.parse(formula), trace);
    }

    @Test
    void nextIsStrongAndWeakNextIsItsDual() {
        assertThat(verdict("X true", trace("p"))).isEqualTo(LtlOracle.Verdict.violatedAt(0));
        assertThat(verdict("!X false", trace("p"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("G(p -> X q)", trace("", "p"))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
        assertThat(verdict("G(p -> X q)", trace("p", "q"))).isEqualTo(LtlOracle.Verdict.holds());
    }

    @Test
    void untilReleaseAndWeakUntilOnFiniteTraces() {
        assertThat(verdict("p U q", trace("p", "p"))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
        assertThat(verdict("p W q", trace("p", "p"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("p U q", trace("p", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
        assertThat(verdict("q R p", trace("p", "p"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("q R p", trace("p", "p,q", ""))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("q R p", trace("p", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
    }

    @Test
    void aViolationIsDecidedAtTheFirstPrefixThatNoContinuationSaves() {
        // a safety violation at the offending position
        assertThat(verdict("G !p", trace("", "p", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
        // an eventuality only at the end
        assertThat(verdict("G(p -> F q)", trace("p", "", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // before r: only once r has come
        assertThat(verdict("F r -> (!p U r)", trace("p", "", "r"))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        assertThat(verdict("F r -> (!p U r)", trace("p", "", ""))).isEqualTo(LtlOracle.Verdict.holds());
        // a contradiction is violated at once
        assertThat(verdict("F(p & !p)", trace("", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(0));
        // X X p can still hold after one position
        assertThat(verdict("X X p", trace("", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
    }

    /**
     * Nested until and release whose progressions grow at every step: the search for a continuation
     * visited ever larger obligations and ran for over an hour on a trace of two positions. It now
     * gives up within a budget of nodes, which can only put the deciding position later (here 1;
     * no continuation saves the prefix at 0), never change the verdict. A guard against the hang, not
     * a measure of speed.
     */
    @Test
    void nestedUntilAndReleaseAreDecidedAtTheEarliestPositionWithoutHanging() {
        // (r U q) R G r asks for r at every position, so !r never comes: no continuation of the first position saves it
        String formula = "((X((true) U (p))) | (!(true))) & ((((r) U (q)) R (G(r))) U (!(r)))";
        assertThat(assertTimeoutPreemptively(Duration.ofMinutes(2), () -> verdict(formula, trace("p,q,r", ""))))
                .isEqualTo(LtlOracle.Verdict.violatedAt(0));
        // F of a contradiction is false, so this asks p U !q at the first position, which fails at the third; the
        // search without a normal form gave up there and answered a position late
        String nested = "(F(((q) <-> (!r)) <-> ((q) <-> (r)))) U ((F[<=0] ((p) U (!q))) & (F[<=3] (r)))";
        assertThat(assertTimeoutPreemptively(Duration.ofMinutes(2), () -> verdict(nested, trace("p,q", "p,q", "q", ""))))
                .isEqualTo(LtlOracle.Verdict.violatedAt(2));
    }

    @Test
    void canonicalObligationsAreEqualWhateverTheNesting() {
        Obligation a = new Obligation.Lit("a", true);
        Obligation b = new Obligation.Lit("b", true);
        Obligation u = Obligation.of(LtlParser.parse("c U d"));
        // (a | u) & (b | u) and (a & b) | u are the same obligation; a | (a & u) is a
        assertThat(Obligation.canonical(Obligation.and(Obligation.or(a, u), Obligation.or(b, u))))
                .isEqualTo(Obligation.canonical(Obligation.or(Obligation.and(a, b), u)));
        assertThat(Obligation.canonical(Obligation.or(a, Obligation.and(a, u)))).isEqualTo(a);
        assertThat(Obligation.canonical(Obligation.and(a, new Obligation.Lit("a", false)))).isEqualTo(Obligation.FALSE);
        // a within 3 ms implies a within 5 ms; always a for 5 ms implies for 3 ms
        Obligation soon = new Obligation.Deadline(3, a, true);
        Obligation later = new Obligation.Deadline(5, a, true);
        assertThat(Obligation.canonical(Obligation.and(soon, later))).isEqualTo(soon);
        assertThat(Obligation.canonical(Obligation.or(soon, later))).isEqualTo(later);
        assertThat(Obligation.canonical(Obligation.and(new Obligation.StepBounded(3, a, false), new Obligation.StepBounded(5, a, false))))
                .isEqualTo(new Obligation.StepBounded(5, a, false));
    }

    @Test
    void boundsCountPositionsOrEventTime() {
        assertThat(verdict("G(p -> F[<=2] q)", trace("p", "", "q"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("G(p -> F[<=2] q)", trace("p", "", "", "q"))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        assertThat(verdict("G(p -> F[<=2] q)", trace("", "p", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // trace times are 1 s apart: q at 2 s after p meets <=2s, not <=1999ms
        assertThat(verdict("G(p -> F[<=2s] q)", trace("p", "", "q"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("G(p -> F[<=1999ms] q)", trace("p", "", "q", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // p must come within 100 ms, q within 10 ms of it but after 100 ms: p in (90, 100]. From 79 ms on, the
        // search must try that span for the next position, not only now and just past the deadline
        String between = "!F[<=100ms] q & F[<=100ms](p & F[<=10ms] q)";
        assertThat(LtlOracle.verdict(LtlParser.parse(between), List.of(new LtlOracle.Step(Set.of(), 0), new LtlOracle.Step(Set.of(), 79),
                new LtlOracle.Step(Set.of("p"), 95), new LtlOracle.Step(Set.of("q"), 101)))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(LtlOracle.verdict(LtlParser.parse(between), List.of(new LtlOracle.Step(Set.of(), 0), new LtlOracle.Step(Set.of(), 79),
                new LtlOracle.Step(Set.of(), 500)))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // !F[<=1s] p: p must stay away for a second, and time may run past that
        assertThat(verdict("!F[<=1s] p & F p", trace("", "", "p"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("!F[<=1s] p & F p", trace("", "p"))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
    }
}
