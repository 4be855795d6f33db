package io.midstream.jmh;

import io.midstream.dtw.EditDistance;
import io.midstream.dtw.Lcs;
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
 * LCS and edit distance of two token sequences of length n (a vocabulary of 200 words).
 *
 * <pre>jmh/run SequenceDistanceBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SequenceDistanceBenchmark {
    @Param({"100", "1000"})
    int n;

    int[] a;
    int[] b;

    @Setup
    public void setUp() {
        a = Series.tokens(n, 200, 6);
        b = Series.tokens(n, 200, 7);
    }

    @Benchmark
    public int lcs() {
        return Lcs.length(a, b);
    }

    @Benchmark
    public int editDistance() {
        return EditDistance.of(a, b);
    }
}
