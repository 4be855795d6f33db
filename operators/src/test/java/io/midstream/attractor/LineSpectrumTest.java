package io.midstream.attractor;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Regular series keep their power in lines over a white floor at any noise; a broadband flow does not. */
class LineSpectrumTest {
    enum Regular { SINE, TORUS, SAWTOOTH }

    /**
     * The sawtooth's weak harmonics are counted as lines where it has at least 16 periods (fewer, and the
     * harmonics' lobes would cover most of the spectrum); whole periods, so that its harmonics above the
     * Nyquist frequency fold onto multiples of its own.
     */
    @Property(tries = 1000)
    void aRegularSeriesUnderWhiteNoiseIsLinesOverAFloor(@ForAll Regular kind, @ForAll @IntRange(min = 500, max = 5000) int n,
                                                        @ForAll @IntRange(min = 4, max = 60) int period,
                                                        @ForAll @DoubleRange(min = 0, max = 0.5) double noise,
                                                        @ForAll @LongRange(min = 1, max = 1000) long seed) {
        Assume.that(kind != Regular.SAWTOOTH || n / period >= 16);
        double[] clean = switch (kind) {
            case SINE -> Systems.sine(n, period + 0.37, 3, seed);
            case TORUS -> Systems.quasiPeriodic(n, period + 0.37, seed);
            case SAWTOOTH -> Systems.sawtooth(n, period, seed);
        };
        LineSpectrum lines = LineSpectrum.of(Spectrum.power(Systems.withNoise(clean, noise, seed)), n);
        assertThat(lines.continuous()).as("%s", lines).isFalse();
        assertThat(lines.lineShare()).as("%s", lines).isGreaterThanOrEqualTo(AttractorAnalysis.LINE_SHARE);
        // 2.2% of the spread is 0.05% of the power, with the floor's estimate a little off either way
        if (noise <= 0.015 || noise >= 0.03) {
            assertThat(lines.noisy()).as("%s", lines).isEqualTo(noise >= 0.03);
        }
    }

    /**
     * A sawtooth whose 25th harmonic is at the Nyquist frequency, its fundamental half a bin from a
     * bin: placed from the bins of its lines, the 25th harmonic was taken for the 26th, the weak ones
     * were marked off where they are and their power counted as a continuum (9 of 20,000 sawtooths
     * of 16 to 20 periods).
     */
    @Example
    void aSawtoothsWeakHarmonicsArePlacedFromItsLines() {
        LineSpectrum lines = LineSpectrum.of(Spectrum.power(Systems.withNoise(Systems.sawtooth(841, 50, 495), 0.15, 495)), 841);
        assertThat(lines.continuous()).as("%s", lines).isFalse();
    }

    /**
     * Lorenz's spectrum is broad at any noise, over 50 time units at least (over 20, sampled every
     * 0.01, all its power is in a few of the lowest bins). Rössler's need not be: over 200 time units a
     * trajectory can stay near a periodic orbit and leave a comb of lines with under 0.1% of the power
     * between them, which measurement noise can hide (README, known misses).
     */
    @Property(tries = 300)
    void aBroadbandFlowHasAContinuum(@ForAll @DoubleRange(min = 50, max = 250) double span,
                                     @ForAll @DoubleRange(min = 0.01, max = 0.05) double dt,
                                     @ForAll @DoubleRange(min = 0, max = 0.2) double noise,
                                     @ForAll @LongRange(min = 1, max = 1000) long seed) {
        int n = (int) Math.min(5000, span / dt);
        LineSpectrum lines = LineSpectrum.of(Spectrum.power(Systems.withNoise(Systems.lorenz(n, dt, seed), noise, seed)), n);
        assertThat(lines.continuous()).as("%s", lines).isTrue();
    }

    @Property(tries = 100)
    void whiteNoiseHasNoLines(@ForAll @IntRange(min = 100, max = 5000) int n, @ForAll @LongRange(min = 1, max = 1000) long seed) {
        assertThat(LineSpectrum.of(Spectrum.power(Systems.whiteNoise(n, seed)), n).lineShare()).isZero();
    }
}
