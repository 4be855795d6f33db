package io.midstream.ltl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LtlParserTest {
    @Test
    void bindsAsDocumented() {
        assertThat(LtlParser.parse("a -> b -> c")).isEqualTo(LtlParser.parse("a -> (b -> c)"));
        assertThat(LtlParser.parse("a | b & c")).isEqualTo(LtlParser.parse("a | (b & c)"));
        assertThat(LtlParser.parse("a & b U c")).isEqualTo(LtlParser.parse("a & (b U c)"));
        assertThat(LtlParser.parse("!a U b")).isEqualTo(LtlParser.parse("(!a) U b"));
        assertThat(LtlParser.parse("a U b U c")).isEqualTo(LtlParser.parse("a U (b U c)"));
        assertThat(LtlParser.parse("a <-> b -> c")).isEqualTo(LtlParser.parse("a <-> (b -> c)"));
        assertThat(LtlParser.parse("G F p && X q || r")).isEqualTo(LtlParser.parse("((G (F p)) & (X q)) | r"));
        // Dwyer et al.'s notation: precedence after q as printed in their mappings
        assertThat(LtlParser.parse("[]!q | <>(q & (!p W s))")).isEqualTo(LtlParser.parse("G(!q) | F(q & (!p W s))"));
        assertThat(LtlParser.parse("[](q & !r -> (!p W r)) <-> <>[]p")).isEqualTo(LtlParser.parse("G((q & !r) -> (!p W r)) <-> F G p"));
    }

    @Test
    void readsBounds() {
        assertThat(LtlParser.parse("F[<=3] p")).isEqualTo(new Formula.BoundedEventually(Formula.Bound.ofChunks(3), new Formula.Prop("p")));
        assertThat(LtlParser.parse("F[<=30s] p")).isEqualTo(new Formula.BoundedEventually(Formula.Bound.ofTime(Duration.ofSeconds(30)), new Formula.Prop("p")));
        assertThat(LtlParser.parse("F[<= 500ms] p")).isEqualTo(new Formula.BoundedEventually(Formula.Bound.ofTime(Duration.ofMillis(500)), new Formula.Prop("p")));
        assertThat(LtlParser.parse("Fx & Gy & X_1")).isEqualTo(new Formula.And(new Formula.And(new Formula.Prop("Fx"), new Formula.Prop("Gy")), new Formula.Prop("X_1")));
    }

    @Test
    void printsWhatReadsBack() {
        for (String text : new String[] {"G((q & !r & F r) -> ((p -> F[<=2s] s) U r))", "!(a W b) R X c", "a <-> (b | true)", "F[<=0] false"}) {
            Formula f = LtlParser.parse(text);
            assertThat(LtlParser.parse(Formula.print(f))).isEqualTo(f);
        }
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertThatThrownBy(() -> LtlParser.parse("G(p -> )")).hasMessageStartingWith("at position 7: expected a proposition");
        assertThatThrownBy(() -> LtlParser.parse("F[<=3x] p")).hasMessageStartingWith("at position 5: expected a unit ms, s, m or h");
        assertThatThrownBy(() -> LtlParser.parse("p q")).hasMessageStartingWith("at position 2: expected an operator");
        assertThatThrownBy(() -> LtlParser.parse("(p & q")).hasMessageStartingWith("at position 6: expected ')' but found the end");
        assertThatThrownBy(() -> LtlParser.parse("G U")).hasMessageContaining("U is an operator");
        assertThatThrownBy(() -> LtlParser.parse("!".repeat(500) + "p")).hasMessageContaining("nested at most");
    }

    /** A long formula is shown around the error, not whole: the caret stays under the position. */
    @Test
    void aLongFormulaIsShownAroundTheError() {
        String text = "p & ".repeat(100) + "(q | )" + " & r".repeat(100);
        int position = text.indexOf(')');
        String[] lines = catchThrowable(() -> LtlParser.parse(text)).getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("  ...").endsWith("...").hasSizeLessThan(2 * LtlSyntaxException.CONTEXT + 10);
        int caret = lines[2].indexOf('^');
        assertThat(lines[1].charAt(caret)).isEqualTo(text.charAt(position));
        assertThat(lines[1].substring(caret - 6, caret + 1)).isEqualTo(text.substring(position - 6, position + 1));
    }
}
