package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The false-neighbour test stops counting early, but decides as the whole count would. */
class FalseNearestNeighboursTest {
    @Property
    void decidesAsTheWholeCount(@ForAll long seed, @ForAll @IntRange(min = 20, max = 400) int n,
                                @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 3) int tau,
                                @ForAll @DoubleRange(min = 0, max = 0.6) double threshold, @ForAll @DoubleRange(min = 0, max = 1) double noise) {
        double[] x = logisticWithNoise(n, noise, seed);
        assertThat(FalseNearestNeighbours.fewFalse(x, m, tau, threshold)).isEqualTo(share(x, m, tau) <= threshold);
    }

    @Test
    void embedsMapsAndFlowsInTheirDimension() {
        assertThat(FalseNearestNeighbours.dimension(Systems.logistic(2000, 1), 1, 6, 0.02)).isEqualTo(1);
        assertThat(FalseNearestNeighbours.dimension(Systems.henon(2000, 1), 1, 6, 0.02)).isEqualTo(2);
        assertThat(FalseNearestNeighbours.dimension(Systems.lorenz(2000, 0.05, 1), 3, 6, 0.02)).isEqualTo(3);
    }

    /** Kennel et al.'s share, every point's nearest neighbour found by a scan: no ties, the values are continuous. */
    private static double share(double[] x, int m, int tau) {
        int count = x.length - m * tau;
        if (count < 10) {
            return 1;
        }
        double size = Stats.sd(x);
        int falses = 0;
        for (int i = 0; i < count; i++) {
            int nearest = -1;
            double nearestSq = Double.POSITIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                double sq = DelayEmbedding.squaredDistance(x, i, j, m, tau);
                if (j != i && sq < nearestSq) {
                    nearest = j;
                    nearestSq = sq;
                }
            }
            double r = Math.sqrt(nearestSq);
            double extra = Math.abs(x[i + m * tau] - x[nearest + m * tau]);
            if (extra / r > FalseNearestNeighbours.R_TOL || Math.sqrt(r * r + extra * extra) / size > FalseNearestNeighbours.A_TOL) {
                falses++;
            }
        }
        return (double) falses / count;
    }

    /** A chaotic map with observation noise: few false neighbours at low noise, many at high. */
    private static double[] logisticWithNoise(int n, double noise, long seed) {
        Random random = new Random(seed);
        double v = 0.1 + 0.8 * random.nextDouble();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            v = 4 * v * (1 - v);
            x[i] = v + noise * random.nextGaussian();
        }
        return x;
    }
}
