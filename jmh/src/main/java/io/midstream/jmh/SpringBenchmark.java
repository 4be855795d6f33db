package io.midstream.jmh;

import io.midstream.dtw.LocalCost;
import io.midstream.dtw.SpringMatcher;
import io.midstream.dtw.SpringState;
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

import java.util.concurrent.TimeUnit;

/**
 * SPRING per new stream value for a query of length m, with match reporting on; divide by m for
 * the cost per reference cell.
 *
 * <pre>jmh/run SpringBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpringBenchmark {
    @Param({"64", "128", "512"})
    int m;

    SpringMatcher matcher;
    SpringState state;
    double[] stream;
    long t;

    @Setup
    public void setUp() {
        double[] query = Series.randomWalk(m, 4);
        // an epsilon that some subsequences meet, so that reporting runs too
        matcher = new SpringMatcher(query, LocalCost.ABS, m * 0.5);
        state = matcher.newState();
        stream = Series.randomWalk(1 << 16, 5);
    }

    @Benchmark
    public Object update() {
        long i = t++;
        return matcher.update(state, i, stream[(int) (i & (stream.length - 1))]);
    }
}
