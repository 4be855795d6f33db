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
    void growingObligationsDelayAVerdictButDoNotHang() {
        String formula = "((X((true) U (p))) | (!(true))) & ((((r) U (q)) R (G(r))) U (!(r)))";
        LtlOracle.Verdict v = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> verdict(formula, trace("p,q,r", "")));
        assertThat(v.satisfied()).isFalse();
        assertThat(v.at()).isBetween(0, 1);
    }

    @Test
    void boundsCountPositionsOrEventTime() {
        assertThat(verdict("G(p -> F[<=2] q)", trace("p", "", "q"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("G(p -> F[<=2] q)", trace("p", "", "", "q"))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        assertThat(verdict("G(p -> F[<=2] q)", trace("", "p", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // trace times are 1 s apart: q at 2 s after p meets <=2s, not <=1999ms
        assertThat(verdict("G(p -> F[<=2s] q)", trace("p", "", "q"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("G(p -> F[<=1999ms] q)", trace("p", "", "q", ""))).isEqualTo(LtlOracle.Verdict.violatedAt(2));
        // !F[<=1s] p: p must stay away for a second, and time may run past that
        assertThat(verdict("!F[<=1s] p & F p", trace("", "", "p"))).isEqualTo(LtlOracle.Verdict.holds());
        assertThat(verdict("!F[<=1s] p & F p", trace("", "p"))).isEqualTo(LtlOracle.Verdict.violatedAt(1));
    }
}
