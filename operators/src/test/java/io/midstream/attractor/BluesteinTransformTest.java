package io.midstream.attractor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.transform.TransformType;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The transform of any length against the textbook sum, and the surrogates it makes against their series. */
class BluesteinTransformTest {
    @Property(tries = 300)
    void forwardIsTheTextbookSumAndInverseUndoesIt(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        Random random = new Random(seed);
        double[][] x = new double[2][n];
        for (int t = 0; t < n; t++) {
            x[0][t] = random.nextGaussian();
            x[1][t] = random.nextGaussian();
        }
        double[][] f = {x[0].clone(), x[1].clone()};
        BluesteinTransform.transformInPlace(f, TransformType.FORWARD);
        for (int k = 0; k < n; k++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * ((long) k * t % n) / n;
                re += x[0][t] * Math.cos(angle) - x[1][t] * Math.sin(angle);
                im += x[0][t] * Math.sin(angle) + x[1][t] * Math.cos(angle);
            }
            assertThat(f[0][k]).isCloseTo(re, within(1e-9 * n));
            assertThat(f[1][k]).isCloseTo(im, within(1e-9 * n));
        }
        BluesteinTransform.transformInPlace(f, TransformType.INVERSE);
        for (int t = 0; t < n; t++) {
            assertThat(f[0][t]).isCloseTo(x[0][t], within(1e-9));
            assertThat(f[1][t]).isCloseTo(x[1][t], within(1e-9));
        }
    }

    /** Surrogates of any length, made from one transform of their series, each have its power at every frequency. */
    @Property(tries = 200)
    void everySurrogateKeepsThePowerSpectrum(@ForAll @IntRange(min = 2, max = 600) int n, @ForAll long seed) {
        double[] y = Systems.withNoise(Systems.sine(n, 7.3, 1, seed), 0.3, seed);
        double[][] a = {y.clone(), new double[n]};
        BluesteinTransform.transformInPlace(a, TransformType.FORWARD);
        for (double[] surrogate : Spectrum.phaseRandomised(y, 3, new Random(seed))) {
            double[][] b = {surrogate.clone(), new double[n]};
            BluesteinTransform.transformInPlace(b, TransformType.FORWARD);
            for (int k = 0; k < n; k++) {
                assertThat(Math.hypot(b[0][k], b[1][k])).isCloseTo(Math.hypot(a[0][k], a[1][k]), within(1e-8 * n));
            }
        }
    }
}
