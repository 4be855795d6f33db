package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree's nearest neighbours are as near as a scan's, with any Theiler window, limit, candidate and count. */
class KdTreeTest {
    @Property
    void nearestIsAsNearAsAScan(@ForAll @Size(min = 20, max = 300) List<@IntRange(min = -50, max = 50) Integer> values,
                                @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 3) int tau,
                                @ForAll @IntRange(min = 0, max = 12) int theiler, @ForAll @IntRange(min = -1, max = 400) int candidate,
                                @ForAll @IntRange(min = 1, max = 5) int k) {
        // integers: many exact ties, where the answer may be any of the nearest
        double[] x = values.stream().mapToDouble(v -> v / 7.0).toArray();
        int count = x.length - (m - 1) * tau;
        if (count < 1) {
            return;
        }
        KdTree tree = new KdTree(x, m, tau, count);
        int[] nearest = new int[k];
        for (int limit : new int[] {count, count / 2}) {
            for (int q = 0; q < count; q++) {
                assertAsNearAsAScan(x, m, tau, theiler, limit, q, new int[] {tree.nearest(q, theiler, limit, candidate)}, 0, 1);
                tree.nearest(q, theiler, limit, candidate, nearest, 0, k);
                assertAsNearAsAScan(x, m, tau, theiler, limit, q, nearest, 0, k);
            }
        }
    }

    /**
     * {@code found[from .. from + k - 1]} are q's k nearest points among 0..limit-1 outside the
     * Theiler window, nearest first, each once, as near as a scan's, and -1 where there are fewer.
     */
    static void assertAsNearAsAScan(double[] x, int m, int tau, int theiler, int limit, int q, int[] found, int from, int k) {
        List<Double> expected = new ArrayList<>();
        for (int j = 0; j < limit; j++) {
            if (Math.abs(j - q) > theiler) {
                expected.add(DelayEmbedding.squaredDistance(x, q, j, m, tau));
            }
        }
        Collections.sort(expected);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < k; i++) {
            int j = found[from + i];
            if (i >= expected.size()) {
                assertThat(j).isEqualTo(-1);
            } else {
                assertThat(j).isBetween(0, limit - 1);
                assertThat(Math.abs(j - q)).isGreaterThan(theiler);
                assertThat(seen.add(j)).as("%d found twice", j).isTrue();
                assertThat(DelayEmbedding.squaredDistance(x, q, j, m, tau)).isEqualTo(expected.get(i));
            }
        }
    }
}
