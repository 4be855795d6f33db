package io.midstream.jmh;

import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.AttractorClass;
import io.midstream.attractor.Systems;
import io.midstream.avro.Alert;
import io.midstream.avro.EventKind;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import io.midstream.flink.AttractorFunction;
import io.midstream.flink.SessionKey;
import io.midstream.flink.Tags;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The attractor operator per chunk, amortised over its evaluations (one signal watched, window W,
 * every K chunks), as Flink runs it under the operator test harness: 100 sessions of 512 chunks.
 * The signal is a chaotic flow or white noise: most of a served model's signals look like noise,
 * which takes every test of the analysis (the determinism test's surrogates included).
 *
 * <pre>jmh/run AttractorOperatorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AttractorOperatorBenchmark {
    private static final int SESSIONS = 100;
    private static final int CHUNKS = 512;

    @Param({"64:8", "256:32"})
    String windowEvery;

    @Param({"lorenz", "noise"})
    String signal;

    SessionEvent[] events;
    KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, Alert> harness;

    @Setup(Level.Trial)
    public void makeEvents() {
        events = new SessionEvent[SESSIONS * CHUNKS];
        // a series of its own per session: the same values in every session would let the branch predictor learn them
        double[][] values = new double[SESSIONS][];
        for (int s = 0; s < SESSIONS; s++) {
            values[s] = signal.equals("noise") ? Systems.whiteNoise(CHUNKS, s + 1) : Systems.lorenz(CHUNKS, 0.05, s + 1);
        }
        for (int i = 0; i < events.length; i++) {
            int seq = i / SESSIONS;
            events[i] = SessionEvent.newBuilder().setKind(EventKind.CHUNK).setTenantId("t").setSessionId("s" + (i % SESSIONS))
                    .setSeq(seq).setEventTime(Instant.ofEpochMilli(1000 + i)).setChunk(null)
                    .setSignals(Map.of("latency_ms", values[i % SESSIONS][seq])).setRecentText("").setEndReason(null).build();
        }
    }

    @Setup(Level.Invocation)
    public void setUp() throws Exception {
        String[] we = windowEvery.split(":");
        int window = Integer.parseInt(we[0]);
        AttractorFunction.Config config = new AttractorFunction.Config(List.of(
                new AttractorFunction.Watch("stall", "latency_ms", EnumSet.of(AttractorClass.FIXED_POINT), Severity.medium)),
                window, Integer.parseInt(we[1]), Math.min(64, window) / 2, AttractorAnalysis.Settings.DEFAULT);
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AttractorFunction(config),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING);
    }

    @TearDown(Level.Invocation)
    public void tearDown() throws Exception {
        harness.close();
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object perChunk() throws Exception {
        for (int i = 0; i < events.length; i++) {
            harness.processElement(events[i], 0);
            if ((i & 1023) == 0) {
                Harnesses.drain(harness, Tags.SCORES);
            }
        }
        return harness;
    }
}
