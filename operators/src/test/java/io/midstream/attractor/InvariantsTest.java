package io.midstream.attractor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** Within 15%: Hénon 0.419 per iteration, logistic ln 2, Lorenz 0.906 and Rössler 0.071 per time unit. */
    @ParameterizedTest(name = "{0} n={1} dt={2} seed={3}")
    @CsvSource({
            "henon, 2000, 1, 1, 0.419", "henon, 5000, 1, 2, 0.419", "henon, 3000, 1, 7, 0.419",
            "logistic, 2000, 1, 1, 0.6931", "logistic, 5000, 1, 2, 0.6931", "logistic, 3000, 1, 9, 0.6931",
            "lorenz, 2000, 0.05, 1, 0.906", "lorenz, 5000, 0.05, 2, 0.906", "lorenz, 4000, 0.04, 5, 0.906",
            "lorenz, 5000, 0.01, 1, 0.906", "lorenz, 3000, 0.02, 3, 0.906",
            "rossler, 2000, 0.1, 1, 0.071", "rossler, 5000, 0.1, 2, 0.071", "rossler, 5000, 0.05, 3, 0.071", "rossler, 5000, 0.2, 2, 0.071"})
    void largestLyapunovExponent(String system, int n, double dt, long seed, double published) {
        AttractorAnalysis.Report r = AttractorAnalysis.analyze(series(system, n, dt, seed), AttractorAnalysis.Settings.DEFAULT);
        assertThat(r.lyapunovPerSample() / dt).isCloseTo(published, within(0.15 * published));
        assertThat(r.attractorClass()).isEqualTo(AttractorClass.CHAOTIC);
    }

    /** Within 10%: Hénon 1.22, Lorenz 2.07. */
    @ParameterizedTest(name = "{0} n={1} dt={2} seed={3}")
    @CsvSource({"henon, 2000, 1, 1, 1.22", "henon, 5000, 1, 3, 1.22", "lorenz, 5000, 0.01, 1, 2.07", "lorenz, 3000, 0.05, 4, 2.07"})
    void correlationDimension(String system, int n, double dt, long seed, double published) {
        AttractorAnalysis.Report r = AttractorAnalysis.analyze(series(system, n, dt, seed), AttractorAnalysis.Settings.DEFAULT);
        assertThat(r.correlationDimension()).isCloseTo(published, within(0.10 * published));
    }
}
