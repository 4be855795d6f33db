package io.midstream.ltl;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegexPrefilterTest {
    private static final String SECRET = "sk-live-[0-9a-f]{16,}|AKIA[0-9A-Z]{16}|(?i)password is \\S+";
    private static final String REFUSAL = "(?i)\\b(I can(no|')t|I cannot|I'm not able to) (help|share)";

    private static final List<String> EXPRESSIONS = List.of(SECRET, REFUSAL,
            "a(b|c)+d", "(?i:foo)bar", "x{2,3}y", "x{0}y", "\\Qa.b\\E+", "[ab]c", "colou?r", "(?P<n>abc)|def",
            "a{,2}b", "^ab$|cd", "ab*c", "(ab)??c", "a.c|\\d+z", "[]a]b", "[^\\]x]q", "(?s).*tail", "\\bword\\b",
            "(?i)straße", "(?i)kelvin", "(?i)ſs", "a|", "(|x)y", "\\x41b", "[[:alpha:]]z", "a+?b", "\\.\\*", "(?U)a+b",
            "(a|b)(c|d)(e|f)(g|h)(i|j)", "\\p{Greek}x", "\\pLyz", "[\\p{Lu}\\x{41}]q");

    @Test
    void findsTheLiteralsOfTheShippedExpressions() {
        assertThat(RegexPrefilter.of(SECRET).literals()).isEqualTo(Set.of("sk-live-", "akia", "password is "));
        assertThat(RegexPrefilter.of(REFUSAL).literals()).isEqualTo(Set.of("i cannot help", "i can't help",
                "i'm not able to help", "i cannot share", "i can't share", "i'm not able to share"));
        assertThat(RegexPrefilter.of("(b|c)+d").literals()).isEqualTo(Set.of("b", "c"));
        assertThat(RegexPrefilter.of("x{2,3}yz").literals()).isEqualTo(Set.of("yz"));
    }

    @Test
    void givesUpWhereNothingIsRequiredOrTheSyntaxIsNotModelled() {
        assertThat(RegexPrefilter.of("a*|b").literals()).isNull();
        assertThat(RegexPrefilter.of("\\x41b").literals()).isNull();
        assertThat(RegexPrefilter.of("[ab]+").literals()).isNull();
        assertThat(RegexPrefilter.of("colou?r").mayMatch("a colour")).isTrue();
    }

    @Test
    void skipsOrdinaryText() {
        RegexPrefilter secret = RegexPrefilter.of(SECRET);
        assertThat(secret.mayMatch("The capital of France is Paris, and the weather is fine.")).isFalse();
        assertThat(secret.mayMatch("my PassWord Is hunter2")).isTrue();
    }

    /** The prefilter never rules out text in which RE2/J finds a match. */
    @Property(tries = 2000)
    void neverRulesOutAMatch(@ForAll("expressions") String expression, @ForAll("texts") String text) {
        if (!RegexPrefilter.of(expression).mayMatch(text)) {
            assertThat(Pattern.compile(expression).matcher(text).find()).as("%s in %s", expression, text).isFalse();
        }
    }

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of(EXPRESSIONS);
    }

    /** Pieces of the expressions' literals in other cases, case-orbit characters, and filler. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("sk-live-", "0123456789abcdef", "AKIA", "akia", "ABCDEFGHIJKLMNOP", "PASSWORD is ", "paſſword IS ",
                "I can't help", "I CANNOT share", "i'm not able to help", "\u212Aelvin", "STRASSE", "strasse", "straẞe", "ß",
                "abcd", "xxy", "a.b", "colour", "color", "fooBAR", "FOObar", "word", "tail", "q", "]b", "Ab", "a*", ".*", "aab",
                "ace", "bdfhj", "acegi", " ", "\n", "z", "7z", "İ", "ı", "s", "S", "αx", "byz", "Aq")
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
    }
}
