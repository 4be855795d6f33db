package io.midstream.attractor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The published invariants of chaotic systems, recovered from one coordinate's series. */
class InvariantsTest {
    private static double[] series(String system, int n, double dt, long seed) {
        return switch (system) {
            case "henon" -> Systems.henon(n, seed);
            case "logistic" -> Systems.logistic(n, seed);
            case "lorenz" -> Systems.lorenz(n, dt, seed);
            case "rossler" -> Systems.rossler(n, dt, seed);
            default -> throw new IllegalArgumentException(system);
        };
    }

    /** Within 15%: Hénon 0.419 per iteration, logistic ln 2. */
    @ParameterizedTest(name = "{0} n={1} seed={2}")
    @CsvSource({
            "henon, 2000, 1, 0.419", "henon, 5000, 2, 0.419", "henon, 3000, 7, 0.419",
            "logistic, 2000, 1, 0.6931", "logistic, 5000, 2, 0.6931", "logistic, 3000, 9, 0.6931"})
    void largestLyapunovExponentOfAMap(String system, int n, long seed, double published) {
        AttractorAnalysis.Report r = AttractorAnalysis.analyze(series(system, n, 1, seed), AttractorAnalysis.Settings.DEFAULT);
        assertThat(r.lyapunovPerSample()).isCloseTo(published, within(0.15 * published));
        assertThat(r.attractorClass()).isEqualTo(AttractorClass.CHAOTIC);
    }

    /**
     * Lorenz 0.906 and Rössler 0.071 per time unit, over 4 seeds and 2,000 to 5,000 samples at each
     * step: chaotic in every case, the median within 15%, and at least half of the cases within 15%.
     * Not every case: on a few dozen turns of a flow the divergence curve's slope varies from
     * trajectory to trajectory by more than that (README, known misses: Rössler sampled every 0.05
     * over 100 time units most of all).
     */
    @ParameterizedTest(name = "{0} dt={1}")
    @CsvSource({"lorenz, 0.01, 0.906", "lorenz, 0.02, 0.906", "lorenz, 0.05, 0.906", "rossler, 0.05, 0.071", "rossler, 0.1, 0.071", "rossler, 0.2, 0.071"})
    void largestLyapunovExponentOfAFlow(String system, double dt, double published) {
        List<Double> ratios = new ArrayList<>();
        for (int n : new int[] {2000, 3000, 5000}) {
            for (long seed = 1; seed <= 4; seed++) {
                AttractorAnalysis.Report r = AttractorAnalysis.analyze(series(system, n, dt, seed), AttractorAnalysis.Settings.DEFAULT);
                assertThat(r.attractorClass()).as("n %d seed %d", n, seed).isEqualTo(AttractorClass.CHAOTIC);
                ratios.add(r.lyapunovPerSample() / dt / published);
            }
        }
        Collections.sort(ratios);
        System.out.println(system + " dt " + dt + ": estimate / published " + ratios);
        assertThat(ratios.get(ratios.size() / 2)).as("median of %s", ratios).isCloseTo(1.0, within(0.15));
        assertThat(ratios.stream().filter(q -> Math.abs(q - 1) <= 0.15).count()).as("within 15%% of %s", ratios).isGreaterThanOrEqualTo(ratios.size() / 2L);
    }

    /** Within 10%: Hénon 1.22, Lorenz 2.07. */
    @ParameterizedTest(name = "{0} n={1} dt={2} seed={3}")
    @CsvSource({"henon, 2000, 1, 1, 1.22", "henon, 5000, 1, 3, 1.22", "lorenz, 5000, 0.01, 1, 2.07", "lorenz, 3000, 0.05, 4, 2.07"})
    void correlationDimension(String system, int n, double dt, long seed, double published) {
        AttractorAnalysis.Report r = AttractorAnalysis.analyze(series(system, n, dt, seed), AttractorAnalysis.Settings.DEFAULT);
        assertThat(r.correlationDimension()).isCloseTo(published, within(0.10 * published));
    }
}
