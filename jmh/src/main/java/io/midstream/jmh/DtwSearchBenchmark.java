package io.midstream.jmh;

import io.midstream.dtw.Dtw;
import io.midstream.dtw.LocalCost;
import io.midstream.dtw.UcrSearch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import smile.math.distance.DynamicTimeWarping;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The window of a long random walk closest to a query of length n (window 10%): the UCR suite's
 * pruning against the exhaustive search, ours and Smile's, on the same inputs in the same run.
 *
 * <pre>jmh/run DtwSearchBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DtwSearchBenchmark {
    public enum Search { PRUNED, EXHAUSTIVE, SMILE_EXHAUSTIVE }

    @Param({"100", "1000"})
    int n;

    @Param
    Search search;

    double[] query;
    double[] series;
    int window;

    @Setup
    public void setUp() {
        series = Series.randomWalk(20 * n, 3);
        query = Arrays.copyOfRange(Series.randomWalk(30 * n, 3), 25 * n, 26 * n); // a stretch the series does not hold
        window = n / 10;
    }

    @Benchmark
    public double bestDistance() {
        if (search == Search.PRUNED) {
            return UcrSearch.bestMatch(query, series, window, LocalCost.ABS).distance();
        }
        double best = Double.POSITIVE_INFINITY;
        double[] candidate = new double[n];
        for (int p = 0; p + n <= series.length; p++) {
            System.arraycopy(series, p, candidate, 0, n);
            double d = search == Search.EXHAUSTIVE ? Dtw.distance(candidate, query, window, LocalCost.ABS)
                    : DynamicTimeWarping.d(candidate, query, window);
            best = Math.min(best, d);
        }
        return best;
    }
}
