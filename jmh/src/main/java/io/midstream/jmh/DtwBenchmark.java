package io.midstream.jmh;

import io.midstream.dtw.Dtw;
import io.midstream.dtw.LocalCost;
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

import java.util.concurrent.TimeUnit;

/**
 * Banded DTW of two random walks of length n, window 10% of n, absolute cost: ours against Smile's
 * {@code DynamicTimeWarping.d(x, y, radius)} on the same inputs in the same run.
 *
 * <pre>jmh/run DtwBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DtwBenchmark {
    public enum Implementation {
        MIDSTREAM {
            @Override
            double distance(double[] a, double[] b, int window) {
                return Dtw.distance(a, b, window, LocalCost.ABS);
            }
        },
        SMILE {
            @Override
            double distance(double[] a, double[] b, int window) {
                return DynamicTimeWarping.d(a, b, window);
            }
        };

        abstract double distance(double[] a, double[] b, int window);
    }

    @Param({"100", "1000"})
    int n;

    @Param
    Implementation implementation;

    double[] a;
    double[] b;
    int window;

    @Setup
    public void setUp() {
        a = Series.randomWalk(n, 1);
        b = Series.randomWalk(n, 2);
        window = n / 10;
        double ours = Implementation.MIDSTREAM.distance(a, b, window);
        double theirs = Implementation.SMILE.distance(a, b, window);
        if (Math.abs(ours - theirs) > 1e-9 * Math.abs(ours)) {
            throw new IllegalStateException("the implementations disagree: " + ours + " and " + theirs);
        }
    }

    @Benchmark
    public double distance() {
        return implementation.distance(a, b, window);
    }
}
