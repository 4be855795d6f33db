package io.midstream.jmh;

import io.midstream.avro.Alert;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.Severity;
import io.midstream.avro.ToolCall;
import io.midstream.flink.LtlDetector;
import io.midstream.flink.LtlEvent;
import io.midstream.flink.LtlEvents;
import io.midstream.flink.LtlHarness;
import io.midstream.flink.LtlViolations;
import io.midstream.ltl.ChunkView;
import io.midstream.ltl.LtlParser;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Proposition;
import io.midstream.ltl.Propositions;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * LTL rules: parsing and compiling a rule; evaluating the shipped propositions on a chunk of
 * ordinary text, and on one whose recent text holds a literal of the secret expression (so that
 * the regular expression runs past its prefilter); and one rule's CEP operators (one per pattern, all of them measured)
 * per chunk under Flink's test harness (100 sessions of 64 chunks, a BOUNDARY and a CHUNK event each, of which CEP gets those that a stage of the rule can take, with the marks of its triggers, as
 * in the job; watermarks every 256 events), beside a pass-through keyed operator on all the
 * events as the baseline of the harness's own cost.
 *
 * <pre>jmh/run LtlBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LtlBenchmark {
    private static final int SESSIONS = 100;
    private static final int CHUNKS = 64;

    @Param({"G(call -> F[<=30s] result)", "G(refusal -> G(!secret))", "G((call & !done & F done) -> ((call -> (!done U (result & !done))) U done))",
            "G(!result) | F(result & (!call W done))", "G(call -> X result)"})
    String formula;

    Propositions propositions;
    ChunkView chunk;
    ChunkView nearAMatch;
    LtlEvent[] events;

    @Setup(Level.Trial)
    public void makeInputs() {
        Map<String, Proposition> byName = new LinkedHashMap<>();
        byName.put("call", Proposition.parse("tool_call != null"));
        byName.put("result", Proposition.parse("role == \"tool\""));
        byName.put("refusal", Proposition.parse("text matches \"(?i)\\\\b(I can(no|')t|I cannot|I'm not able to) (help|share)\""));
        byName.put("secret", Proposition.parse("text matches \"sk-live-[0-9a-f]{16,}|AKIA[0-9A-Z]{16}|(?i)password is \\\\S+\""));
        byName.put("done", Proposition.parse("finish_reason != null"));
        propositions = new Propositions(byName);
        String recent = "The answer depends on the region and on the plan you chose; the documentation lists the limits. ".repeat(6);
        LlmChunk c = LlmChunk.newBuilder().setTenantId("t").setSessionId("s").setSeq(10).setEventTime(Instant.EPOCH)
                .setText(" the limits.").setToolCall(new ToolCall("1", "search", "{}")).build();
        // as the session operator gives it: the chunk and the 128 characters before it
        chunk = new ChunkView(c, Map.of(), recent.substring(recent.length() - 128 - c.getText().length()));
        nearAMatch = new ChunkView(c, Map.of(), "password is " + chunk.recentText().substring(12));

        Random random = new Random(7);
        List<LtlEvent> list = new ArrayList<>();
        long time = 0;
        long[] lastHolds = new long[SESSIONS];
        for (int s = 0; s < SESSIONS; s++) {
            list.add(new LtlEvent("t", "s" + s, LtlEvent.START, -1, 0, time, 0));
        }
        for (int i = 0; i < CHUNKS; i++) {
            time += 10;
            for (int s = 0; s < SESSIONS; s++) {
                long holds = random.nextInt(8) == 0 ? 1 : random.nextInt(8) == 0 ? 2 : 0;
                list.add(new LtlEvent("t", "s" + s, LtlEvent.BOUNDARY, i, i, time, holds));
                list.add(new LtlEvent("t", "s" + s, LtlEvent.CHUNK, i, i, time, holds));
                lastHolds[s] = holds;
            }
        }
        for (int s = 0; s < SESSIONS; s++) {
            list.add(new LtlEvent("t", "s" + s, LtlEvent.END, CHUNKS - 1, CHUNKS - 1, time, lastHolds[s]));
        }
        events = list.toArray(LtlEvent[]::new);
    }

    /**
     * What the propositions operator would send the rule's CEP operator: the events some stage
     * can take, with the marks of its triggers, each session's in its order.
     */
    LtlEvent[] eventsFor(LtlEvents perChunk) {
        Map<String, long[]> states = new HashMap<>();
        List<LtlEvent> out = new ArrayList<>();
        for (LtlEvent e : events) {
            if (e.kind == LtlEvent.CHUNK) {
                long[] state = states.computeIfAbsent(e.session, s -> perChunk.newState());
                perChunk.chunk(e.tenant, e.session, e.position, e.seq, e.time, e.holds, state, out::add);
            } else if (e.kind == LtlEvent.END || e.kind == LtlEvent.START && perChunk.wantsStart()) {
                out.add(e);
            }
        }
        return out.toArray(LtlEvent[]::new);
    }

    /** The operators under the harness, fresh for each run over the events (only the operator benchmarks use it). */
    @State(Scope.Thread)
    public static class Operators {
        LtlEvents perChunk;
        LtlEvent[] cepEvents;
        /** The rule's CEP operators, as in the job: one, or one per conjunct. */
        List<KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert>> ceps = new ArrayList<>();
        KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, LtlEvent> passThrough;

        @Setup(Level.Invocation)
        public void setUp(LtlBenchmark b) throws Exception {
            LtlRule rule = LtlRule.parse("bench", b.formula, Severity.medium);
            List<LtlDetector.RulePattern> compiled = LtlDetector.compile(b.propositions, List.of(rule));
            perChunk = LtlEvents.of(compiled);
            cepEvents = b.eventsFor(perChunk);
            for (LtlDetector.RulePattern pattern : compiled) {
                KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> cep = LtlHarness.rule(rule, pattern.compiled().pattern());
                cep.open();
                ceps.add(cep);
            }
            passThrough = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Forward(), LtlEvent::key, Types.STRING);
        }

        @TearDown(Level.Invocation)
        public void tearDown() throws Exception {
            for (KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> cep : ceps) {
                cep.close();
            }
            ceps.clear();
            passThrough.close();
        }
    }

    @Benchmark
    public Object parseAndCompile() {
        LtlRule rule = LtlRule.parse("bench", formula, Severity.medium);
        return LtlDetector.compile(propositions, List.of(rule)).stream().map(p -> NFACompiler.compileFactory(p.compiled().pattern(), true)).toList();
    }

    @Benchmark
    public long propositionsPerChunk() {
        return propositions.evaluate(chunk);
    }

    @Benchmark
    public long propositionsPerChunkNearAMatch() {
        return propositions.evaluate(nearAMatch);
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object cepPerChunk(Operators o) throws Exception {
        for (KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> cep : o.ceps) {
            run(cep, o.cepEvents);
        }
        return o.ceps;
    }

    /** The propositions operator's share besides the propositions: each chunk's trigger marks and events for the rule. */
    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object eventsPerChunk(Operators o) {
        return eventsFor(o.perChunk);
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS * CHUNKS)
    public Object passThroughPerChunk(Operators o) throws Exception {
        return run(o.passThrough, events);
    }

    private static Object run(KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, ?> harness, LtlEvent[] events) throws Exception {
        for (int i = 0; i < events.length; i++) {
            harness.processElement(events[i], events[i].time);
            if ((i & 255) == 255) {
                harness.processWatermark(new Watermark(events[i].time - 1));
                Harnesses.drain(harness, LtlViolations.TIMEOUTS);
            }
        }
        harness.processWatermark(new Watermark(Long.MAX_VALUE));
        return harness;
    }

    /** The baseline: a keyed operator that forwards each event. */
    static final class Forward extends KeyedProcessFunction<String, LtlEvent, LtlEvent> {
        @Override
        public void processElement(LtlEvent e, Context ctx, Collector<LtlEvent> out) {
            out.collect(e);
        }
    }
}
