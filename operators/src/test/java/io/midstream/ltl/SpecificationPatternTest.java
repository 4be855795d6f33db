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
        for (String outside : new String[] {"G(p -> X X q)", "F G p", "p U (q U r)", "G(p -> F q) | G !r", "G(p -> F[<=3] F q)"}) {
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
        // a conjunction of conditions on one chunk is no shape
        assertThatThrownBy(() -> SpecificationPattern.shapes(LtlParser.parse("p & G(!r)")))
                .hasMessageStartingWith("cannot compile p to a CEP pattern");
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
        assertThatThrownBy(() -> shape("G(open -> (!close U (write & !close)))")).isInstanceOf(SpecificationPattern.UnsupportedFormulaException.class);
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
