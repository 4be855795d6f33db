package io.midstream.jmh;

import io.midstream.avro.Alert;
import io.midstream.avro.EventKind;
import io.midstream.avro.ReferencePattern;
import io.midstream.avro.ReferenceUpdate;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import io.midstream.dtw.LocalCost;
import io.midstream.flink.SessionKey;
import io.midstream.flink.Tags;
import io.midstream.flink.TemporalCompareFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The temporal-compare operator per chunk, as Flink runs it (keyed and broadcast state on the heap,
 * under the operator test harness), for a tenant with 1 or 8 reference patterns of length 32.
 *
 * <pre>jmh/run TemporalCompareBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemporalCompareBenchmark {
    private static final int SESSIONS = 1000;

    @Param({"1", "8"})
    int references;

    KeyedBroadcastOperatorTestHarness<String, SessionEvent, ReferenceUpdate, Alert> harness;
    List<ReferencePattern> patterns;
    SessionEvent[] events;

    @Setup(Level.Trial)
    public void makeInputs() {
        patterns = new ArrayList<>();
        for (int r = 0; r < references; r++) {
            double[] values = Series.randomWalk(32, 10 + r);
            patterns.add(new ReferencePattern("t", "p" + r, "surprise",
                    java.util.Arrays.stream(values).boxed().toList(), 2.0, Severity.medium));
        }
        double[] surprise = Series.randomWalk(SESSIONS * 64, 11);
        events = new SessionEvent[SESSIONS * 64];
        for (int i = 0; i < events.length; i++) {
            events[i] = SessionEvent.newBuilder().setKind(EventKind.CHUNK).setTenantId("t").setSessionId("s" + (i % SESSIONS))
                    .setSeq(i / SESSIONS).setEventTime(Instant.ofEpochMilli(1000 + i)).setChunk(null)
                    .setSignals(Map.of("surprise", surprise[i])).setRecentText("").setEndReason(null).build();
        }
    }

    /** Fresh state for every pass over the sessions, outside the measured time. */
    @Setup(Level.Invocation)
    public void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new TemporalCompareFunction(patterns, LocalCost.ABS, 0.5),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING, TemporalCompareFunction.REFERENCES);
    }

    @TearDown(Level.Invocation)
    public void tearDown() throws Exception {
        harness.close();
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * 64)
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
