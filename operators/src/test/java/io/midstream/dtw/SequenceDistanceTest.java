package io.midstream.dtw;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceDistanceTest {
    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property
    void lcsIsTheTextbookTable(@ForAll @Size(max = 30) List<@IntRange(max = 4) Integer> a,
                               @ForAll @Size(max = 30) List<@IntRange(max = 4) Integer> b) {
        assertThat(Lcs.length(ints(a), ints(b))).isEqualTo(Reference.lcs(ints(a), ints(b)));
    }

    @Property
    void editDistanceIsTheTextbookTable(@ForAll @Size(max = 30) List<@IntRange(max = 4) Integer> a,
                                        @ForAll @Size(max = 30) List<@IntRange(max = 4) Integer> b) {
        assertThat(EditDistance.of(ints(a), ints(b))).isEqualTo(Reference.edit(ints(a), ints(b)));
    }

    /** Sequences over several 64-bit words, from a few tokens (long runs of matches) or many (few matches, negative too). */
    @Property
    void longSequencesAreTheTextbookTables(@ForAll @Size(max = 300) List<@IntRange(max = 3) Integer> a,
                                           @ForAll @Size(max = 300) List<@IntRange(max = 3) Integer> b,
                                           @ForAll @IntRange(min = -1000, max = 1000) int spread) {
        int[] x = ints(a);
        int[] y = ints(b);
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] * 7 + i) % 4 == 0 ? y[i] * spread : y[i];
        }
        assertThat(Lcs.length(x, y)).isEqualTo(Reference.lcs(x, y));
        assertThat(EditDistance.of(x, y)).isEqualTo(Reference.edit(x, y));
    }

    @Test
    void wordsAreComparedAsTokens() {
        Tokens tokens = new Tokens();
        int[] a = tokens.ids(List.of("the", "cat", "sat", "on", "the", "mat"));
        int[] b = tokens.ids(List.of("the", "cat", "lay", "on", "a", "mat"));
        assertThat(Lcs.length(a, b)).isEqualTo(4);
        assertThat(EditDistance.of(a, b)).isEqualTo(2);
    }
}
