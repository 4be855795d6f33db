package io.midstream.jmh;

import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.CorrelationDimension;
import io.midstream.attractor.DelayEmbedding;
import io.midstream.attractor.RosensteinEstimator;
import io.midstream.attractor.Systems;
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
 * The attractor analysis of a window of W samples of the Lorenz system (dt = 0.05): the embedding,
 * the exponent and the dimension alone (embedding fixed at m = 3, tau = 3; the dimension confirmed in
 * 4, as the analysis checks it), and a whole evaluation
 * with the delay and dimension chosen from the data, as the operator runs it, on that series and on
 * white noise (which never passes the false-neighbour test, so it is embedded in the most dimensions).
 *
 * <pre>jmh/run AttractorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AttractorBenchmark {
    @Param({"1000", "2000"})
    int w;

    double[] x;
    double[] noise;

    @Setup
    public void setUp() {
        x = Systems.lorenz(w, 0.05, 1);
        noise = Systems.whiteNoise(w, 1);
    }

    @Benchmark
    public double[][] embedding() {
        return DelayEmbedding.embed(x, 3, 3);
    }

    @Benchmark
    public double lyapunov() {
        return RosensteinEstimator.estimate(x, 3, 3, 34).perSample();
    }

    @Benchmark
    public double dimension() {
        return CorrelationDimension.saturated(x, 3, 4, 3, 34, 500);
    }

    @Benchmark
    public Object wholeEvaluation() {
        return AttractorAnalysis.analyze(x, AttractorAnalysis.Settings.DEFAULT);
    }

    @Benchmark
    public Object wholeEvaluationOfNoise() {
        return AttractorAnalysis.analyze(noise, AttractorAnalysis.Settings.DEFAULT);
    }
}
