package io.midstream.attractor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The correlation dimension in several embedding dimensions from one pass, and its saturation across them. */
class CorrelationDimensionTest {
    /** White noise fills every space it is embedded in: the estimate in each dimension is that dimension. */
    @Test
    void noiseFillsEachDimensionOfOnePass() {
        double[] e = CorrelationDimension.estimates(Systems.whiteNoise(3000, 5), 1, 4, 1, 1, 250);
        for (int d = 1; d <= 4; d++) {
            assertThat(e[d - 1]).as("dimension %d of %s", d, Arrays.toString(e)).isCloseTo(d, within(0.1 * d));
        }
    }

    /** One pass gives each dimension what a pass of its own over the same points gives. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void onePassIsEachDimensionsOwnEstimate(long seed) {
        double[] x = Systems.lorenz(2000, 0.05, seed);
        int tau = 3;
        double[] e = CorrelationDimension.estimates(x, 1, 5, tau, 30, 250);
        for (int d = 1; d <= 5; d++) {
            // the same points: the pass over dimensions up to 5 leaves out the last 4 tau values' points
            double[] same = Arrays.copyOf(x, x.length - (5 - d) * tau);
            assertThat(e[d - 1]).as("dimension %d", d).isCloseTo(CorrelationDimension.estimate(same, d, tau, 30, 250), within(0.05));
        }
    }

    /** From one dimension up, the Lorenz estimate grows until the embedding holds the attractor, and stays at 2.07. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aChaoticAttractorSaturatesAtItsDimension(long seed) {
        double[] x = Systems.lorenz(3000, 0.05, seed);
        assertThat(CorrelationDimension.estimate(x, 1, 3, 30, 250)).isCloseTo(1, within(0.1));
        assertThat(CorrelationDimension.saturated(x, 1, 6, 3, 30, 250)).isCloseTo(2.07, within(0.207));
    }

    /** Noise, white or red, has a finite estimate in any one dimension, but it never saturates. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 0.9})
    void noiseNeverSaturates(double phi) {
        double[] x = Systems.ar1(3000, phi, 7);
        int tau = MutualInformation.delay(x, 300);
        assertThat(CorrelationDimension.estimate(x, 2, tau, 30, 250)).isCloseTo(2, within(0.3));
        assertThat(CorrelationDimension.saturated(x, 2, 6, tau, 30, 250)).isNaN();
        assertThat(AttractorAnalysis.analyze(x, AttractorAnalysis.Settings.DEFAULT).correlationDimension()).isNull();
    }
}
