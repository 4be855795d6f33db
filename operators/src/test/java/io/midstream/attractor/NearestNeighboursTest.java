package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way of finding neighbours finds them as near as a scan's, with any Theiler window, of every point or every stride-th. */
class NearestNeighboursTest {
    @Property
    void everyNeighbourIsAsNearAsAScan(@ForAll @Size(min = 12, max = 300) List<@IntRange(min = -50, max = 50) Integer> values,
                                       @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 3) int tau,
                                       @ForAll @IntRange(min = 0, max = 12) int theiler, @ForAll @IntRange(min = 1, max = 5) int k,
                                       @ForAll @IntRange(min = 1, max = 5) int stride) {
        // integers: many exact ties, where the answer may be any of the nearest
        double[] x = values.stream().mapToDouble(v -> v / 7.0).toArray();
        int count = x.length - (m - 1) * tau;
        if (count < 1) {
            return;
        }
        for (int[] nearest : List.of(NearestNeighbours.pairwise(x, m, tau, count, theiler, k), NearestNeighbours.byTree(x, m, tau, count, theiler, k, 1))) {
            assertThat(nearest).hasSize(count * k);
            for (int q = 0; q < count; q++) {
                KdTreeTest.assertAsNearAsAScan(x, m, tau, theiler, count, q, nearest, q * k, k);
            }
        }
        for (int q = 0; q < count; q++) {
            KdTreeTest.assertAsNearAsAScan(x, m, tau, theiler, count, q, new int[] {NearestNeighbours.scan(x, m, tau, count, theiler, q)}, 0, 1);
        }
        int queries = (count + stride - 1) / stride;
        for (int[] nearest : List.of(NearestNeighbours.ofEvery(x, m, tau, count, theiler, stride), NearestNeighbours.byTree(x, m, tau, count, theiler, 1, stride))) {
            assertThat(nearest).hasSize(queries);
            for (int q = 0; q < queries; q++) {
                KdTreeTest.assertAsNearAsAScan(x, m, tau, theiler, count, q * stride, nearest, q, 1);
            }
        }
    }
}
