package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The prediction error reads the nearest of each point's k neighbours, whichever search gave them. */
class DeterminismTest {
    @Property
    void predictsFromTheNearestOfKNeighbours(@ForAll long seed, @ForAll @IntRange(min = 30, max = 400) int n,
                                             @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 3) int tau,
                                             @ForAll @IntRange(min = 0, max = 10) int theiler, @ForAll @IntRange(min = 1, max = 5) int k) {
        // continuous values: no ties, so that every search finds the same nearest point
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        int usable = n - m * tau;
        double ofK = Determinism.predictionError(x, m, tau, NearestNeighbours.of(x, m, tau, usable, theiler, k), k, 1);
        double ofOne = Determinism.predictionError(x, m, tau, NearestNeighbours.of(x, m, tau, usable, theiler), 1, 1);
        assertThat(ofK).isEqualTo(ofOne);
    }
}
