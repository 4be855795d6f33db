package io.midstream.jmh;

import io.midstream.avro.LlmChunk;
import io.midstream.avro.SessionEvent;
import io.midstream.flink.SessionFunction;
import io.midstream.flink.SessionKey;
import io.midstream.flink.Tags;
import io.midstream.session.SessionSettings;
import io.midstream.signals.SignalExtractor;
import io.midstream.signals.SignalMemory;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The session operator per chunk, as Flink runs it (keyed state on the heap, under the operator
 * test harness): ordering, signals, window metrics. The signals alone are measured beside it.
 * 1,000 sessions of 64 chunks, interleaved.
 *
 * <pre>jmh/run SessionBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionBenchmark {
    private static final int SESSIONS = 1000;
    private static final int CHUNKS = 64;
    private static final SignalExtractor SIGNALS = new SignalExtractor(3, 512, 512);

    List<LlmChunk> chunks;
    KeyedOneInputStreamOperatorTestHarness<String, LlmChunk, SessionEvent> harness;
    SignalMemory[] memories;

    @Setup(Level.Trial)
    public void makeChunks() {
        chunks = Sessions.interleaved(SESSIONS, CHUNKS, 8);
    }

    /** Fresh state for every pass over the sessions, outside the measured time. */
    @Setup(Level.Invocation)
    public void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SessionFunction(new SessionSettings(Duration.ofSeconds(60), 64, 16, Duration.ofMinutes(5), SIGNALS)),
                c -> SessionKey.of(c.getTenantId(), c.getSessionId()), Types.STRING);
        memories = new SignalMemory[SESSIONS];
        for (int i = 0; i < memories.length; i++) {
            memories[i] = SIGNALS.newMemory();
        }
    }

    @TearDown(Level.Invocation)
    public void tearDown() throws Exception {
        harness.close();
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object sessionOperator() throws Exception {
        for (int i = 0; i < chunks.size(); i++) {
            LlmChunk c = chunks.get(i);
            harness.processElement(c, c.getEventTime().toEpochMilli());
            if ((i & 1023) == 0) {
                Harnesses.drain(harness, Tags.METRICS);
            }
        }
        return harness;
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object signalsOnly() {
        Object last = null;
        for (int i = 0; i < chunks.size(); i++) {
            last = SIGNALS.extract(chunks.get(i), memories[i % SESSIONS]);
        }
        return last;
    }
}
