package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree's nearest neighbour is as near as a scan's, with any Theiler window, limit and candidate. */
class KdTreeTest {
    @Property
    void nearestIsAsNearAsAScan(@ForAll @Size(min = 20, max = 300) List<@IntRange(min = -50, max = 50) Integer> values,
                                @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 3) int tau,
                                @ForAll @IntRange(min = 0, max = 12) int theiler, @ForAll @IntRange(min = -1, max = 400) int candidate) {
        // integers: many exact ties, where the answer may be any of the nearest
        double[] x = values.stream().mapToDouble(v -> v / 7.0).toArray();
        int count = x.length - (m - 1) * tau;
        if (count < 1) {
            return;
        }
        KdTree tree = new KdTree(x, m, tau, count);
        for (int limit : new int[] {count, count / 2}) {
            for (int q = 0; q < count; q++) {
                assertAsNearAsAScan(x, m, tau, theiler, limit, q, tree.nearest(q, theiler, limit, candidate));
            }
        }
    }

    /** j is a nearest point to q among 0..limit-1 outside the Theiler window, or -1 where there is none. */
    static void assertAsNearAsAScan(double[] x, int m, int tau, int theiler, int limit, int q, int j) {
        double expected = Double.POSITIVE_INFINITY;
        for (int k = 0; k < limit; k++) {
            if (Math.abs(k - q) > theiler) {
                expected = Math.min(expected, DelayEmbedding.squaredDistance(x, q, k, m, tau));
            }
        }
        if (expected == Double.POSITIVE_INFINITY) {
            assertThat(j).isEqualTo(-1);
        } else {
            assertThat(j).isBetween(0, limit - 1);
            assertThat(Math.abs(j - q)).isGreaterThan(theiler);
            assertThat(DelayEmbedding.squaredDistance(x, q, j, m, tau)).isEqualTo(expected);
        }
    }
}
