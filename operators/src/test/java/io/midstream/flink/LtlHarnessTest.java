package io.midstream.flink;

import io.midstream.Chunks;
import io.midstream.avro.Alert;
import io.midstream.avro.EventKind;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import io.midstream.avro.ToolCall;
import io.midstream.ltl.Guard;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.PendingTrigger;
import io.midstream.ltl.Proposition;
import io.midstream.ltl.Propositions;
import io.midstream.ltl.SpecificationPattern;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LtlHarnessTest {
    private static final Propositions PROPOSITIONS;

    static {
        Map<String, Proposition> p = new LinkedHashMap<>();
        p.put("tool_call", Proposition.parse("tool_call != null"));
        p.put("tool_result", Proposition.parse("role == \"tool\""));
        PROPOSITIONS = new Propositions(p);
    }

    private static SessionEvent event(EventKind kind, long seq, long time, boolean call) {
        return SessionEvent.newBuilder().setKind(kind).setTenantId("t").setSessionId("s").setSeq(seq).setEventTime(Instant.ofEpochMilli(time))
                .setChunk(kind != EventKind.CHUNK ? null : Chunks.chunk("s", seq, time, "x").setTenantId("t")
                        .setToolCall(call ? new ToolCall("1", "search", "{}") : null).build())
                .setSignals(Map.of()).setRecentText("x").setEndReason(null).build();
    }

    @Test
    void eventsAreStampedInSessionOrderAndNeverLate() throws Exception {
        LtlPatterns.Wanted all = new LtlPatterns.Wanted(new Guard.Constant(true), LtlEvent.NO_MARKS);
        LtlEvents everything = new LtlEvents(new LtlPatterns.Needed(true, all, all));
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, LtlEvent> h = LtlHarness.events(PROPOSITIONS, everything)) {
            h.open();
            h.processElement(event(EventKind.START, 0, 1000, false), 1000);
            h.processElement(event(EventKind.CHUNK, 0, 1000, true), 1000);
            h.processWatermark(new Watermark(5000));
            // a gateway clock that steps back, then a chunk behind the watermark
            h.processElement(event(EventKind.CHUNK, 1, 900, false), 900);
            h.processElement(event(EventKind.END, 1, 900, false), 900);
            List<LtlEvent> out = h.extractOutputValues();
            assertThat(out).extracting(e -> e.kind).containsExactly(LtlEvent.START, LtlEvent.BOUNDARY, LtlEvent.CHUNK, LtlEvent.BOUNDARY, LtlEvent.CHUNK, LtlEvent.END);
            assertThat(out).extracting(e -> e.position).containsExactly(-1, 0, 0, 1, 1, 1);
            assertThat(out.get(1).holds).isEqualTo(1L);
            assertThat(out.get(3).holds).isZero();
            assertThat(out).extracting(e -> e.time).containsExactly(1000L, 1000L, 1000L, 5001L, 5001L, 5001L);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void chunksThatNoPatternCanTakeAreLeftOut() throws Exception {
        LtlRule rule = LtlRule.parse("tool-roundtrip", "G(tool_call -> F tool_result)", Severity.high);
        LtlEvents needed = LtlEvents.of(LtlDetector.compile(PROPOSITIONS, List.of(rule)));
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, LtlEvent> h = LtlHarness.events(PROPOSITIONS, needed)) {
            h.open();
            h.processElement(event(EventKind.START, 0, 1000, false), 1000);
            h.processElement(event(EventKind.CHUNK, 0, 1000, false), 1000);
            h.processElement(event(EventKind.CHUNK, 1, 1100, true), 1100);
            h.processElement(event(EventKind.END, 1, 1100, false), 1100);
            // the response begins at a trigger: its pattern takes no START
            assertThat(h.extractOutputValues()).extracting(e -> e.kind, e -> e.position).containsExactly(
                    tuple(LtlEvent.CHUNK, 1), tuple(LtlEvent.END, 1));
            assertThat(h.extractOutputValues().get(1).holds).as("END carries the last chunk's propositions").isEqualTo(1L);
        }
    }

    @Test
    void aSessionStateOfOtherRulesStartsAnew() {
        LtlEvents roundtrip = LtlEvents.of(LtlDetector.compile(PROPOSITIONS, List.of(LtlRule.parse("a", "G(tool_call -> F[<=3] tool_result)", Severity.high))));
        LtlEvents slower = LtlEvents.of(LtlDetector.compile(PROPOSITIONS, List.of(LtlRule.parse("a", "G(tool_call -> F[<=4] tool_result)", Severity.high))));
        LtlEvents none = LtlEvents.of(LtlDetector.compile(PROPOSITIONS, List.of(LtlRule.parse("b", "G(tool_call -> F tool_result)", Severity.high))));
        assertThat(roundtrip.owns(roundtrip.newState())).isTrue();
        assertThat(roundtrip.owns(slower.newState())).isFalse();
        assertThat(roundtrip.owns(none.newState())).isFalse();
        assertThat(none.owns(null)).as("a cursor from before the marks").isFalse();
    }

    @Test
    void anUntimedRuleAlertsAtTheOffendingChunkWithoutAWatermarkAndLeavesNothingAfterTheEnd() throws Exception {
        LtlRule rule = LtlRule.parse("no-call-after-a-result", "G(tool_result -> G(!tool_call))", Severity.high);
        var pattern = LtlPatterns.compile(SpecificationPattern.of(rule.formula()), PROPOSITIONS.bits(), 0).pattern();
        assertThat(LtlPatterns.windowed(pattern)).isFalse();
        try (KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> h = LtlHarness.rule(rule, pattern)) {
            h.open();
            long[] holds = {2, 0, 1}; // a result, nothing, a call
            for (String session : List.of("s1", "s2")) {
                h.processElement(new LtlEvent("t", session, LtlEvent.START, -1, 0, 1000, 0), 1000);
                for (int i = 0; i < (session.equals("s1") ? 3 : 2); i++) {
                    for (byte kind : new byte[] {LtlEvent.BOUNDARY, LtlEvent.CHUNK}) {
                        h.processElement(new LtlEvent("t", session, kind, i, i, 1000 + 100 * i, holds[i]), 1000 + 100 * i);
                    }
                }
            }
            // no watermark has come: the verdict is the offending chunk's, at its time
            assertThat(h.extractOutputValues()).singleElement().satisfies(a -> {
                assertThat(a.getSessionId()).isEqualTo("s1");
                assertThat(a.getFirstSeq()).isZero();
                assertThat(a.getLastSeq()).isEqualTo(2);
                assertThat(a.getEventTime()).isEqualTo(Instant.ofEpochMilli(1200));
            });
            h.processElement(new LtlEvent("t", "s1", LtlEvent.END, 2, 2, 1300, 0), 1300);
            h.processElement(new LtlEvent("t", "s2", LtlEvent.END, 1, 1, 1300, 0), 1300);
            assertThat(h.numKeyedStateEntries()).as("nothing of the ended sessions is left").isZero();
        }
    }

    @Test
    void aScopeViolationIsEvidencedFromTheQThatOpenedItsSegment() throws Exception {
        LtlRule rule = LtlRule.parse("calls-until-result", "G(tool_call -> (tool_call W tool_result))", Severity.high);
        List<LtlDetector.RulePattern> compiled = LtlDetector.compile(PROPOSITIONS, List.of(rule));
        LtlEvents events = LtlEvents.of(compiled);
        try (KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> h = LtlHarness.rule(rule, compiled.get(0).compiled().pattern())) {
            h.open();
            long[] state = events.newState();
            long[] holds = {0, 1, 1, 0, 0, 2, 1, 0}; // nothing, two calls, the violation, a result, a call that opens the next segment
            List<LtlEvent> sent = new ArrayList<>();
            sent.add(new LtlEvent("t", "s", LtlEvent.START, -1, 0, 1000, 0));
            for (int i = 0; i < holds.length; i++) {
                events.chunk("t", "s", i, i, 1000 + i, holds[i], state, sent::add);
            }
            sent.add(new LtlEvent("t", "s", LtlEvent.END, holds.length - 1, holds.length - 1, 2000, holds[holds.length - 1]));
            for (LtlEvent e : sent) {
                h.processElement(e, e.time);
            }
            assertThat(h.extractOutputValues()).extracting(Alert::getFirstSeq, Alert::getLastSeq)
                    .containsExactly(tuple(1L, 3L), tuple(6L, 7L));
            assertThat(h.numKeyedStateEntries()).as("nothing of the session is left").isZero();
        }
    }

    @Test
    void aToolCallWithoutResultTimesOutWhenTheWatermarkPassesTheBoundBeforeTheSessionEnds() throws Exception {
        LtlRule rule = LtlRule.parse("tool-roundtrip", "G(tool_call -> F[<=30s] tool_result)", Severity.high);
        // the slot of a rules file's 41st response, in the second word of the marks
        int slot = 40;
        var pattern = LtlPatterns.compile(SpecificationPattern.of(rule.formula()), PROPOSITIONS.bits(), slot).pattern();
        try (KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> h = LtlHarness.rule(rule, pattern)) {
            h.open();
            h.processElement(new LtlEvent("t", "s", LtlEvent.START, -1, 0, 1000, 0), 1000);
            h.processElement(new LtlEvent("t", "s", LtlEvent.BOUNDARY, 0, 0, 1000, 1), 1000);
            // marked as the trigger, as the first call of a session is
            h.processElement(new LtlEvent("t", "s", LtlEvent.CHUNK, 0, 0, 1000, 1, LtlPatterns.Mark.of(PendingTrigger.TRIGGER, slot).words()), 1000);
            h.processWatermark(new Watermark(31_000));
            assertThat(h.getSideOutput(LtlViolations.TIMEOUTS)).isNull();
            // other sessions' traffic moves the watermark: the stalled session is flagged with no chunk of its own
            h.processWatermark(new Watermark(31_001));
            List<Alert> timeouts = h.getSideOutput(LtlViolations.TIMEOUTS).stream().map(StreamRecord::getValue).toList();
            assertThat(timeouts).singleElement().satisfies(a -> {
                assertThat(a.getRuleId()).isEqualTo("tool-roundtrip");
                assertThat(a.getFirstSeq()).isZero();
                assertThat(a.getEventTime()).isEqualTo(Instant.ofEpochMilli(31_001));
            });
            h.processElement(new LtlEvent("t", "s", LtlEvent.END, 0, 0, 40_000, 0), 40_000);
            h.processWatermark(new Watermark(40_000));
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.numKeyedStateEntries()).as("nothing of the session is left").isZero();
        }
    }
}
