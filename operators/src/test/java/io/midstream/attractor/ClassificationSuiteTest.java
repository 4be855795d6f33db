package io.midstream.attractor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class of a varied suite of series: several seeds, lengths from 500, sampling steps, added
 * measurement noise; chaotic systems, sines, sawtooths and square waves (also of periods that are
 * not a whole number of samples), two incommensurate frequencies (also nearly commensurate ones),
 * decays to a constant, white and AR(1) noise.
 */
class ClassificationSuiteTest {
    record Case(String name, AttractorClass expected, LongFunction<double[]> series) {}

    static List<Case> suite() {
        List<Case> cases = new ArrayList<>();
        for (int n : new int[] {500, 1000, 2000}) {
            cases.add(new Case("henon " + n, AttractorClass.CHAOTIC, s -> Systems.henon(n, s)));
            cases.add(new Case("logistic " + n, AttractorClass.CHAOTIC, s -> Systems.logistic(n, s)));
            cases.add(new Case("henon+5% " + n, AttractorClass.CHAOTIC, s -> Systems.withNoise(Systems.henon(n, s), 0.05, s)));
            for (double dt : new double[] {0.02, 0.05}) {
                cases.add(new Case("lorenz dt " + dt + " " + n, AttractorClass.CHAOTIC, s -> Systems.lorenz(n, dt, s)));
            }
            for (double dt : new double[] {0.1, 0.2}) {
                cases.add(new Case("rossler dt " + dt + " " + n, AttractorClass.CHAOTIC, s -> Systems.rossler(n, dt, s)));
            }
            for (double period : new double[] {7.3, 25, 60}) {
                cases.add(new Case("sine " + period + " " + n, AttractorClass.PERIODIC, s -> Systems.sine(n, period, 3, s)));
                cases.add(new Case("sine+5% " + period + " " + n, AttractorClass.PERIODIC,
                        s -> Systems.withNoise(Systems.sine(n, period, 3, s), 0.05, s)));
            }
            cases.add(new Case("sawtooth 17 " + n, AttractorClass.PERIODIC, s -> Systems.sawtooth(n, 17, s)));
            cases.add(new Case("sawtooth+20% 17 " + n, AttractorClass.PERIODIC, s -> Systems.withNoise(Systems.sawtooth(n, 17, s), 0.2, s)));
            cases.add(new Case("sawtooth 11.3 " + n, AttractorClass.PERIODIC, s -> Systems.sawtooth(n, 11.3, s)));
            cases.add(new Case("square+10% 6.4 " + n, AttractorClass.PERIODIC, s -> Systems.withNoise(Systems.square(n, 6.4, s), 0.1, s)));
            cases.add(new Case("sine+30% 25 " + n, AttractorClass.PERIODIC, s -> Systems.withNoise(Systems.sine(n, 25, 3, s), 0.3, s)));
            cases.add(new Case("quasi 20 " + n, AttractorClass.QUASI_PERIODIC, s -> Systems.quasiPeriodic(n, 20, s)));
            cases.add(new Case("quasi+20% 20 " + n, AttractorClass.QUASI_PERIODIC, s -> Systems.withNoise(Systems.quasiPeriodic(n, 20, s), 0.2, s)));
            cases.add(new Case("quasi 45 " + n, AttractorClass.QUASI_PERIODIC, s -> Systems.quasiPeriodic(n, 45, s)));
            cases.add(new Case("quasi e/2 17 " + n, AttractorClass.QUASI_PERIODIC, s -> Systems.torus(n, 17, Math.E / 2, s)));
            cases.add(new Case("decay " + n, AttractorClass.FIXED_POINT, s -> Systems.decay(n, 1000, 400, 0.05, s)));
            cases.add(new Case("decay to 0 " + n, AttractorClass.FIXED_POINT, s -> Systems.decay(n, 0, 5, 0.05, s)));
            cases.add(new Case("white " + n, AttractorClass.STOCHASTIC, s -> Systems.whiteNoise(n, s)));
            cases.add(new Case("ar1 0.5 " + n, AttractorClass.STOCHASTIC, s -> Systems.ar1(n, 0.5, s)));
            cases.add(new Case("ar1 0.95 " + n, AttractorClass.STOCHASTIC, s -> Systems.ar1(n, 0.95, s)));
        }
        return cases;
    }

    @Test
    void theClassIsRightOnAlmostAllOfAVariedSuite() {
        int right = 0;
        int total = 0;
        Map<AttractorClass, Map<AttractorClass, Integer>> confusion = new EnumMap<>(AttractorClass.class);
        List<String> wrong = new ArrayList<>();
        for (Case c : suite()) {
            for (long seed = 1; seed <= 3; seed++) {
                AttractorClass got = AttractorAnalysis.analyze(c.series().apply(seed), AttractorAnalysis.Settings.DEFAULT).attractorClass();
                confusion.computeIfAbsent(c.expected(), k -> new EnumMap<>(AttractorClass.class)).merge(got, 1, Integer::sum);
                total++;
                if (got == c.expected()) {
                    right++;
                } else {
                    wrong.add(c.name() + " seed " + seed + ": " + got);
                }
            }
        }
        System.out.println("classified " + right + " of " + total + "; confusion " + confusion + "; wrong " + wrong);
        assertThat((double) right / total).as("share classified right; wrong: %s", wrong).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Chaos under measurement noise of a tenth of its spread, which nearest-neighbour prediction one
     * sample ahead took for noise (Rössler in 8 cases of 18 at these lengths and seeds).
     */
    @Test
    void aFlowUnderTenPercentNoiseIsChaotic() {
        List<String> wrong = new ArrayList<>();
        int total = 0;
        for (int n : new int[] {500, 1000, 2000}) {
            for (long seed = 1; seed <= 6; seed++) {
                for (String system : new String[] {"lorenz", "rossler"}) {
                    double[] x = system.equals("lorenz") ? Systems.lorenz(n, 0.05, seed) : Systems.rossler(n, 0.1, seed);
                    AttractorClass got = AttractorAnalysis.analyze(Systems.withNoise(x, 0.1, seed), AttractorAnalysis.Settings.DEFAULT).attractorClass();
                    total++;
                    if (got != AttractorClass.CHAOTIC) {
                        wrong.add(system + " n " + n + " seed " + seed + ": " + got);
                    }
                }
            }
        }
        assertThat(wrong).as("of %d", total).hasSizeLessThanOrEqualTo(total / 10);
    }

    /**
     * Two slow frequencies over five to eight turns of the slower, too few values for the 0-1 test
     * once subsampled by half the delay: their lines, no harmonics of one frequency, decide. The
     * surrogates that came next, sums of sinusoids themselves, called 23 of these 24 noise or chaos.
     */
    @Test
    void aSlowTorusIsQuasiPeriodic() {
        List<String> wrong = new ArrayList<>();
        for (double[] periodAndLength : new double[][] {{70, 600}, {90, 800}}) {
            for (double ratio : new double[] {(1 + Math.sqrt(5)) / 2, Math.sqrt(2)}) {
                for (long seed = 1; seed <= 6; seed++) {
                    double[] x = Systems.torus((int) periodAndLength[1], periodAndLength[0], ratio, seed);
                    AttractorClass got = AttractorAnalysis.analyze(x, AttractorAnalysis.Settings.DEFAULT).attractorClass();
                    if (got != AttractorClass.QUASI_PERIODIC) {
                        wrong.add("period " + periodAndLength[0] + ", ratio " + ratio + ", n " + periodAndLength[1] + ", seed " + seed + ": " + got);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Decays that have not settled to 1% by the last quarter, a rate of 4.5 to 9 over the series
     * (1% to 0.01% of the amplitude left at its end), which were periodic or stochastic in 18 of 54.
     */
    @Test
    void aDecayStillSettlingIsAFixedPoint() {
        List<String> wrong = new ArrayList<>();
        for (double rateTimesLength : new double[] {4.5, 6, 9}) {
            for (int n : new int[] {500, 1000, 3000}) {
                for (long seed = 1; seed <= 6; seed++) {
                    AttractorClass got = AttractorAnalysis.analyze(Systems.decay(n, 100, 500, rateTimesLength / n, seed), AttractorAnalysis.Settings.DEFAULT).attractorClass();
                    if (got != AttractorClass.FIXED_POINT) {
                        wrong.add("rate " + rateTimesLength + " / n, n " + n + ", seed " + seed + ": " + got);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Levels under measurement noise whose standard deviation is under 1% of the level, or of the
     * range of the decay that led there: decays to 1,000, 0, 2 and 100 (noise of a tenth, a
     * twentieth, a fiftieth and a fiftieth of the series' spread) and a keep-alive cadence of
     * 1,000 ms with a jitter of 8 ms. The largest deviation of their last quarter, which noise lifts
     * with every sample (about 3.3 standard deviations over 500), left 82 of these 90 unsettled.
     */
    @Test
    void aLevelUnderMeasurementNoiseIsAFixedPoint() {
        assertThat(misclassified((n, seed) -> {
            Random jitter = new Random(seed);
            double[] cadence = new double[n];
            for (int i = 0; i < n; i++) {
                cadence[i] = 1000 + 8 * jitter.nextGaussian();
            }
            return new double[][] {Systems.withNoise(Systems.decay(n, 1000, 400, 0.05, seed), 0.1, seed + 100),
                    Systems.withNoise(Systems.decay(n, 0, 5, 0.05, seed), 0.05, seed + 100),
                    Systems.withNoise(Systems.decay(n, 2, 5, 10.0 / n, seed), 0.02, seed + 100),
                    Systems.withNoise(Systems.decay(n, 100, 500, 6.0 / n, seed), 0.02, seed + 100), cadence};
        }, EnumSet.of(AttractorClass.FIXED_POINT))).isEmpty();
    }

    /**
     * Decays to 0 and to 2 under noise over 1% of their range, which by the definition have not
     * settled: what is left after the decay is noise, a fixed point at most, never chaos or a cycle.
     * With the decay in the series, the tests after the fixed point, which assume a stationary
     * series, called all 36 periodic, quasi-periodic or chaotic.
     */
    @Test
    void aDecayUnderHeavyNoiseIsNotChaosOrACycle() {
        assertThat(misclassified((n, seed) -> new double[][] {
                Systems.withNoise(Systems.decay(n, 0, 5, 0.05, seed), 0.2, seed + 100),
                Systems.withNoise(Systems.decay(n, 2, 5, 10.0 / n, seed), 0.1, seed + 100)},
                EnumSet.of(AttractorClass.FIXED_POINT, AttractorClass.STOCHASTIC))).isEmpty();
    }

    /** The series made for 500, 1,000 and 2,000 samples and seeds 1 to 6 whose class is not one of {@code right}. */
    private static List<String> misclassified(BiFunction<Integer, Long, double[][]> series, Set<AttractorClass> right) {
        List<String> wrong = new ArrayList<>();
        for (int n : new int[] {500, 1000, 2000}) {
            for (long seed = 1; seed <= 6; seed++) {
                double[][] made = series.apply(n, seed);
                for (int i = 0; i < made.length; i++) {
                    AttractorClass got = AttractorAnalysis.analyze(made[i], AttractorAnalysis.Settings.DEFAULT).attractorClass();
                    if (!right.contains(got)) {
                        wrong.add("series " + i + ", n " + n + ", seed " + seed + ": " + got);
                    }
                }
            }
        }
        return wrong;
    }

    /**
     * A healthy stream's latency (40 ms, jitter 10 ms) with one long gap, as a tool's call makes, in
     * a window of the operator's 64 values: the gap set the range against which the last quarter
     * counted as settled, and 138 of these 192 windows were stalls.
     */
    @Test
    void oneLongGapInAJitteryLatencyIsNoFixedPoint() {
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (int at = 0; at < 64; at++) {
                Random random = new Random(seed * 100 + at);
                double[] latency = new double[64];
                for (int i = 0; i < latency.length; i++) {
                    latency[i] = Math.max(1, 40 + 10 * random.nextGaussian());
                }
                latency[at] = 3000;
                if (AttractorAnalysis.analyze(latency, AttractorAnalysis.Settings.DEFAULT).attractorClass() == AttractorClass.FIXED_POINT) {
                    wrong.add("seed " + seed + ", gap at " + at);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Lorenz over 10 time units, 500 or 1,000 samples, which the determinism test once cut to their
     * last 256 or 512 and took for noise (11 of 24 chaotic at each step).
     */
    @Test
    void aShortFlowIsChaotic() {
        for (double[] stepAndLength : new double[][] {{0.02, 500}, {0.01, 1000}}) {
            List<String> wrong = new ArrayList<>();
            for (long seed = 1; seed <= 24; seed++) {
                AttractorClass got = AttractorAnalysis.analyze(Systems.lorenz((int) stepAndLength[1], stepAndLength[0], seed), AttractorAnalysis.Settings.DEFAULT).attractorClass();
                if (got != AttractorClass.CHAOTIC) {
                    wrong.add("seed " + seed + ": " + got);
                }
            }
            assertThat(wrong).as("Lorenz, dt %s, %s samples, of 24", stepAndLength[0], stepAndLength[1]).hasSizeLessThanOrEqualTo(4);
        }
    }
}
