package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.EventKind;
import io.midstream.avro.ReferencePattern;
import io.midstream.avro.ReferenceUpdate;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import io.midstream.dtw.LocalCost;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalCompareHarnessTest {
    /** Fresh text, then a loop: the repetition signal jumps to 1 and stays. */
    private static final double[] LOOP = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    private static final ReferencePattern RULES_LOOP = pattern("t1", "loop", LOOP, 0.5);

    private KeyedBroadcastOperatorTestHarness<String, SessionEvent, ReferenceUpdate, Alert> harness;

    private static ReferencePattern pattern(String tenant, String id, double[] values, double epsilon) {
        return new ReferencePattern(tenant, id, "repetition", java.util.Arrays.stream(values).boxed().toList(), epsilon, Severity.high);
    }

    private void open(List<ReferencePattern> rules) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new TemporalCompareFunction(rules, LocalCost.ABS, 0.5),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING, TemporalCompareFunction.REFERENCES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static SessionEvent event(EventKind kind, String tenant, String session, long seq, Double repetition) {
        return SessionEvent.newBuilder().setKind(kind).setTenantId(tenant).setSessionId(session).setSeq(seq)
                .setEventTime(Instant.ofEpochMilli(1000 + seq)).setChunk(null)
                .setSignals(repetition == null ? Map.of() : Map.of("repetition", repetition)).setRecentText("").setEndReason(null).build();
    }

    /** A session whose repetition is 0 for {@code fresh} chunks, then 1 for {@code looping}. */
    private void session(String tenant, String session, int fresh, int looping) throws Exception {
        harness.processElement(event(EventKind.START, tenant, session, 0, null), 1000);
        for (int i = 0; i < fresh + looping; i++) {
            harness.processElement(event(EventKind.CHUNK, tenant, session, i, i < fresh ? 0.0 : 1.0), 1000 + i);
        }
        harness.processElement(event(EventKind.END, tenant, session, fresh + looping - 1, null), 2000);
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    @Test
    void aLoopingSessionMatchesItsTenantsPatternOnce() throws Exception {
        open(List.of(RULES_LOOP));
        session("t1", "s1", 12, 20);
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getDetector()).isEqualTo(DetectorKind.DTW);
            assertThat(a.getRuleId()).isEqualTo("loop");
            assertThat(a.getSeverity()).isEqualTo(Severity.high);
            assertThat(a.getScore()).isZero();
            assertThat(a.getFirstSeq()).isBetween(8L, 12L);
            // at least half the pattern's length
            assertThat(a.getLastSeq() - a.getFirstSeq() + 1).isGreaterThanOrEqualTo(5L);
        });
        assertThat(harness.getSideOutput(Tags.SCORES)).extracting(r -> r.getValue().getName()).contains("dtw.loop");
        assertThat(harness.getSideOutput(Tags.SCORES).stream().map(StreamRecord::getValue).toList().get(
                harness.getSideOutput(Tags.SCORES).size() - 1).getValue()).isZero();
        assertThat(((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                .as("state ends with the session").isZero();
    }

    @Test
    void anotherTenantsSessionIsNeverComparedWithThePattern() throws Exception {
        open(List.of(RULES_LOOP));
        session("t2", "s1", 12, 20);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aFreshSessionDoesNotMatchAndOneRepeatedChunkIsNoLoop() throws Exception {
        open(List.of(RULES_LOOP));
        harness.processElement(event(EventKind.START, "t1", "s", 0, null), 1000);
        for (int i = 0; i < 40; i++) {
            harness.processElement(event(EventKind.CHUNK, "t1", "s", i, i == 20 ? 1.0 : 0.0), 1000 + i);
        }
        harness.processElement(event(EventKind.END, "t1", "s", 39, null), 2000);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aPatternPublishedAtRunTimeStartsMatchingAndADeletionStopsIt() throws Exception {
        open(List.of());
        session("t1", "before", 12, 20);
        assertThat(alerts()).isEmpty();
        harness.processBroadcastElement(new ReferenceUpdate("t1", "loop", pattern("t1", "loop", LOOP, 0.5), null), 1);
        session("t1", "after", 12, 20);
        assertThat(alerts()).extracting(Alert::getSessionId).containsExactly("after");
        harness.processBroadcastElement(new ReferenceUpdate("t1", "loop", null, null), 2);
        session("t1", "deleted", 12, 20);
        assertThat(alerts()).extracting(Alert::getSessionId).containsExactly("after");
        assertThat(harness.getBroadcastState(TemporalCompareFunction.REFERENCES).entries()).isEmpty();
    }

    @Test
    void aRulesPatternCanBeReplacedAndDeletedFromTheTopic() throws Exception {
        open(List.of(RULES_LOOP));
        // replaced by one that needs a much longer loop
        double[] longLoop = new double[60];
        java.util.Arrays.fill(longLoop, 10, 60, 1.0);
        harness.processBroadcastElement(new ReferenceUpdate("t1", "loop", pattern("t1", "loop", longLoop, 0.5), null), 1);
        session("t1", "short", 12, 20);
        assertThat(alerts()).isEmpty();
        session("t1", "long", 12, 60);
        assertThat(alerts()).extracting(Alert::getSessionId).containsExactly("long");
        harness.processBroadcastElement(new ReferenceUpdate("t1", "loop", null, null), 2);
        session("t1", "gone", 12, 60);
        assertThat(alerts()).extracting(Alert::getSessionId).containsExactly("long");
        // the deletion of a rules-file pattern is remembered, so that it stays deleted
        assertThat(harness.getBroadcastState(TemporalCompareFunction.REFERENCES).entries()).hasSize(1);
    }

    @Test
    void aMatchOpenAtTheEndIsReportedAtTheEnd() throws Exception {
        open(List.of(RULES_LOOP));
        session("t1", "s", 4, 4); // the last chunk completes the shortest match that spans half the pattern
        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.getLastSeq()).isEqualTo(7));
    }

    @Test
    void alertIdsAreTheSameWhenASessionIsReplayed() throws Exception {
        open(List.of(RULES_LOOP));
        session("t1", "s", 12, 20);
        session("t1", "s", 12, 20);
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(0).getAlertId()).isEqualTo(alerts().get(1).getAlertId());
    }

    @Test
    void anUnusableReferenceRecordGoesToTheDeadLetters() throws Exception {
        open(List.of());
        var dead = io.midstream.avro.DeadLetter.newBuilder().setTopic("llm.references").setPartition(0).setOffset(3)
                .setTimestamp(1).setKey(null).setValue(null).setReason("bad").build();
        harness.processBroadcastElement(new ReferenceUpdate("", "", null, dead), 1);
        assertThat(harness.getSideOutput(Tags.DEAD_LETTERS)).extracting(StreamRecord::getValue).containsExactly(dead);
    }
}
