package io.midstream.ltl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecificationPatternTest {
    private static SpecificationPattern.Shape shape(String formula) {
        return SpecificationPattern.of(LtlParser.parse(formula));
    }

    @Test
    void findsPatternScopeAndParts() {
        SpecificationPattern.Shape s = shape("G((call & !done & F done) -> ((call -> F[<=30s] (result | error)) U done))");
        assertThat(s.kind()).isEqualTo(SpecificationPattern.Kind.BOUNDED_RESPONSE);
        assertThat(s.scope()).isEqualTo(SpecificationPattern.Scope.BETWEEN);
        assertThat(s.p()).isEqualTo(LtlParser.parse("call"));
        assertThat(s.s()).isEqualTo(LtlParser.parse("result | error"));
        assertThat(s.r()).isEqualTo(LtlParser.parse("done"));
        assertThat(shape("G(!leak)").kind()).isEqualTo(SpecificationPattern.Kind.ABSENCE);
        // operands in another order, and a scope condition that is itself a disjunction
        assertThat(shape("G((F r & !r & q) -> (!p U r))").scope()).isEqualTo(SpecificationPattern.Scope.BETWEEN);
        assertThat(shape("F (a | b) -> (!c U (d | (a | b)))").r()).isEqualTo(LtlParser.parse("a | b"));
    }

    @Test
    void refusesWhatItCannotCompileAndSaysWhy() {
        for (String outside : new String[] {"G(p -> X X q)", "F(p & F q)", "p U (q U r)", "G(p -> F q) | G !r", "G(p -> F[<=3] F q)"}) {
            assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse(outside)))
                    .isInstanceOf(SpecificationPattern.UnsupportedFormulaException.class)
                    .hasMessageContaining("the sub-formula")
                    .hasMessageContaining("response         globally    G (p -> F s)");
        }
    }

    @Test
    void aConjunctionIsItsConjunctsShapesAndARefusalNamesTheConjunctThatFitsNone() {
        assertThat(SpecificationPattern.shapes(LtlParser.parse("G(p -> F q) & G !r & (F t -> (!u U t))")))
                .extracting(SpecificationPattern.Shape::kind, SpecificationPattern.Shape::scope)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SpecificationPattern.Kind.RESPONSE, SpecificationPattern.Scope.GLOBALLY),
                        org.assertj.core.groups.Tuple.tuple(SpecificationPattern.Kind.ABSENCE, SpecificationPattern.Scope.GLOBALLY),
                        org.assertj.core.groups.Tuple.tuple(SpecificationPattern.Kind.ABSENCE, SpecificationPattern.Scope.BEFORE));
        // a template's own conjunction is not split: the between scope stays one shape
        assertThat(SpecificationPattern.shapes(LtlParser.parse("G((q & !r & F r) -> (!p U r))"))).singleElement()
                .extracting(SpecificationPattern.Shape::scope).isEqualTo(SpecificationPattern.Scope.BETWEEN);
        assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse("G(!r) & G(p -> X X q)")))
                .hasMessageStartingWith("cannot compile G (p -> X X q) to a CEP pattern: the sub-formula X q fits none");
        // conjuncts that share a proposition can decide the conjunction before either does alone
        assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse("G(c -> F[<=1] a) & G(!a)")))
                .hasMessageStartingWith("cannot compile G (c -> F[<=1] a) & G !a to a CEP pattern: its conjuncts share the proposition a");
        // a condition alone is one on the first chunk, a conjunct like any other
        assertThat(SpecificationPattern.shapes(LtlParser.parse("p & G(!r)"))).extracting(SpecificationPattern.Shape::kind)
                .containsExactly(SpecificationPattern.Kind.UNTIL, SpecificationPattern.Kind.ABSENCE);
        assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse("p & X q")))
                .hasMessageStartingWith("cannot compile X q to a CEP pattern");
    }

    @Test
    void aConditionAloneHoldsAtTheFirstChunk() {
        SpecificationPattern.Shape first = shape("ok | !retry");
        assertThat(first.kind()).isEqualTo(SpecificationPattern.Kind.UNTIL);
        assertThat(first.p()).isEqualTo(LtlParser.parse("false"));
        assertThat(first.s()).isEqualTo(LtlParser.parse("ok | !retry"));
        assertThat(shape("true").s()).isEqualTo(LtlParser.parse("true"));
    }

    @Test
    void alwaysEventuallyAndEventuallyAlwaysAskForTheLastChunk() {
        for (String f : new String[] {"G F done", "F G done", "[]<>done", "F(G(done))"}) {
            SpecificationPattern.Shape last = shape(f);
            assertThat(last.kind()).as(f).isEqualTo(SpecificationPattern.Kind.AT_END);
            assertThat(last.p()).as(f).isEqualTo(LtlParser.parse("done"));
        }
    }

    @Test
    void strongUntilAfterEachQIsUntilAfterQUntilR() {
        assertThat(SpecificationPattern.shapes(LtlParser.parse("G(call -> (waiting U result))")))
                .extracting(SpecificationPattern.Shape::kind, SpecificationPattern.Shape::scope, SpecificationPattern.Shape::p,
                        SpecificationPattern.Shape::s, SpecificationPattern.Shape::q, SpecificationPattern.Shape::r)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SpecificationPattern.Kind.UNTIL, SpecificationPattern.Scope.AFTER_UNTIL,
                        LtlParser.parse("waiting"), null, LtlParser.parse("call"), LtlParser.parse("result")));
        assertThat(shape("G((call & !result) -> (waiting U result))").kind()).isEqualTo(SpecificationPattern.Kind.UNTIL);
        assertThat(SpecificationPattern.shapes(LtlParser.parse("G(!call | (!error U result)) & G(!leak)"))).hasSize(2);
        assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse("G(call -> (waiting U result)) & G(!result)")))
                .hasMessageContaining("its conjuncts share the proposition result");
    }

    @Test
    void takesReleaseDistributedFAndGAndWeakUntilSpelledOut() {
        // a R b is b W (a & b): b up to and with the first a
        SpecificationPattern.Shape release = shape("done R ok");
        assertThat(SpecificationPattern.normal(LtlParser.parse("done R ok"))).isEqualTo(LtlParser.parse("ok W (done & ok)"));
        assertThat(release.kind()).isIn(SpecificationPattern.Kind.PRECEDENCE, SpecificationPattern.Kind.EXISTENCE);
        SpecificationPattern.Shape either = shape("F a | F (b & c)");
        assertThat(either.kind()).isEqualTo(SpecificationPattern.Kind.EXISTENCE);
        assertThat(either.p()).isEqualTo(LtlParser.parse("a | (b & c)"));
        // G over a conjunction: conjuncts that share a proposition are one universality
        SpecificationPattern.Shape both = shape("G(ok) & G(ok -> !leak) & G(!late)");
        assertThat(both.kind()).isEqualTo(SpecificationPattern.Kind.UNIVERSALITY);
        assertThat(both.p()).isEqualTo(LtlParser.parse("ok & (!ok | !leak) & !late"));
        assertThat(shape("G(!write) | (!write U auth)").kind()).isEqualTo(SpecificationPattern.Kind.PRECEDENCE);
        assertThat(shape("G(!write) | (!write U auth)").s()).isEqualTo(LtlParser.parse("auth"));
    }

    @Test
    void takesOtherSpellingsOfATemplate() {
        SpecificationPattern.Shape response = shape("G(!call | F result)");
        assertThat(response.kind()).isEqualTo(SpecificationPattern.Kind.RESPONSE);
        assertThat(response.p()).isEqualTo(LtlParser.parse("call"));
        assertThat(shape("!F leak").p()).isEqualTo(LtlParser.parse("leak"));
        assertThat(shape("G(open -> !F leak)").scope()).isEqualTo(SpecificationPattern.Scope.AFTER);
        assertThat(shape("F open -> F(open & (!write W auth))").someQ()).isTrue();
        // a negated proposition where the template negates p: p is the negation
        assertThat(shape("G(!ok -> F retry)").p()).isEqualTo(LtlParser.parse("!ok"));
        assertThat(shape("G(!!ok | F retry)").p()).isEqualTo(LtlParser.parse("!ok"));
        // between q and r and after q until r with q for q & !r, but for existence, where r at q violates
        assertThat(shape("G(open -> (!write W close))").scope()).isEqualTo(SpecificationPattern.Scope.AFTER_UNTIL);
        assertThat(shape("G((open & F close) -> (ok U close))").scope()).isEqualTo(SpecificationPattern.Scope.BETWEEN);
        // not existence (a q with r would violate it, as q & !r does not), but until after each q, which it is as written
        assertThat(shape("G(open -> (!close U (write & !close)))").kind()).isEqualTo(SpecificationPattern.Kind.UNTIL);
        // weak until as precedence: the template's !p takes a condition that is no negation, p its negation
        SpecificationPattern.Shape weakUntil = shape("call W done");
        assertThat(weakUntil.kind()).isEqualTo(SpecificationPattern.Kind.PRECEDENCE);
        assertThat(weakUntil.p()).isEqualTo(LtlParser.parse("!call"));
        assertThat(shape("G(ok)").kind()).as("tried last").isEqualTo(SpecificationPattern.Kind.UNIVERSALITY);
        assertThat(shape("(ok | retry) U done").kind()).isEqualTo(SpecificationPattern.Kind.UNTIL);
        // as Dwyer et al. print their mappings
        assertThat(shape("<>r -> (p -> (!r U (s & !r))) U r").scope()).isEqualTo(SpecificationPattern.Scope.BEFORE);
        assertThat(shape("[](q & !r -> (!p W (s | r)))").scope()).isEqualTo(SpecificationPattern.Scope.AFTER_UNTIL);
    }

    @Test
    void tellsDwyersPrecedenceAfterSomeQFromTheFirstQForm() {
        SpecificationPattern.Shape some = shape("G(!open) | F(open & (!write W auth))");
        assertThat(some.kind()).isEqualTo(SpecificationPattern.Kind.PRECEDENCE);
        assertThat(some.scope()).isEqualTo(SpecificationPattern.Scope.AFTER);
        assertThat(some.someQ()).isTrue();
        assertThat(some.p()).isEqualTo(LtlParser.parse("write"));
        assertThat(shape("G(!open) | (!open U (open & (!write W auth)))").someQ()).isFalse();
    }
}
