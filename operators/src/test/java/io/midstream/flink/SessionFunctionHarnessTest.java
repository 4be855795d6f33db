package io.midstream.flink;

import io.midstream.Chunks;
import io.midstream.avro.DeadLetter;
import io.midstream.avro.EventKind;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.SessionMetrics;
import io.midstream.session.SessionSettings;
import io.midstream.signals.SignalExtractor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.midstream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

class SessionFunctionHarnessTest {
    private static final long TIMEOUT = 10_000;
    private static final long RETENTION = 60_000;

    private KeyedOneInputStreamOperatorTestHarness<String, LlmChunk, SessionEvent> harness;

    @BeforeEach
    void open() throws Exception {
        SessionSettings settings = new SessionSettings(Duration.ofMillis(TIMEOUT), 4, 2, Duration.ofMillis(RETENTION),
                new SignalExtractor(2, 64, 64));
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SessionFunction(settings),
                c -> SessionKey.of(c.getTenantId(), c.getSessionId()), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(LlmChunk c) throws Exception {
        harness.processElement(c, c.getEventTime().toEpochMilli());
    }

    private List<SessionEvent> events() {
        return harness.extractOutputValues();
    }

    private List<SessionMetrics> metrics() {
        return harness.getSideOutput(Tags.METRICS).stream().map(StreamRecord::getValue).toList();
    }

    private List<DeadLetter> deadLetters() {
        var out = harness.getSideOutput(Tags.DEAD_LETTERS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void aCleanSessionIsStartChunksEnd() throws Exception {
        for (LlmChunk c : Chunks.session("s", 5)) {
            send(c);
        }
        assertThat(events()).extracting(SessionEvent::getKind).containsExactly(
                EventKind.START, EventKind.CHUNK, EventKind.CHUNK, EventKind.CHUNK, EventKind.CHUNK, EventKind.CHUNK, EventKind.END);
        assertThat(events()).extracting(SessionEvent::getSeq).containsExactly(0L, 0L, 1L, 2L, 3L, 4L, 4L);
        SessionEvent end = events().get(6);
        assertThat(end.getEndReason()).isEqualTo("stop");
        assertThat(end.getEventTime().toEpochMilli()).isEqualTo(1400);
        assertThat(events().get(2).getSignals()).containsEntry("latency_ms", 100.0).containsKeys("tokens", "repetition", "char_entropy");
        // windows of 2 chunks, then the summary with the rest
        assertThat(metrics()).extracting(SessionMetrics::getWindowChunks).containsExactly(2L, 2L, 1L);
        assertThat(metrics()).extracting(SessionMetrics::getIsFinal).containsExactly(false, false, true);
        assertThat(metrics().get(2).getChunks()).isEqualTo(5);
    }

    @Test
    void disorderAndRetriesGiveTheSameSessionAsCleanInput() throws Exception {
        List<LlmChunk> clean = Chunks.session("s", 8);
        for (LlmChunk c : clean) {
            send(c);
        }
        List<SessionEvent> cleanEvents = new ArrayList<>(events());
        List<SessionMetrics> cleanMetrics = new ArrayList<>(metrics());
        harness.getOutput().clear();
        harness.getSideOutput(Tags.METRICS).clear();

        List<LlmChunk> messy = Chunks.session("s2", 8);
        for (int i : new int[] {1, 0, 0, 3, 2, 1, 5, 6, 4, 6, 7}) {
            send(messy.get(i));
        }
        assertThat(events()).extracting(SessionEvent::getKind, SessionEvent::getSeq, SessionEvent::getSignals)
                .containsExactlyElementsOf(cleanEvents.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.getKind(), e.getSeq(), e.getSignals())).toList());
        assertThat(metrics()).hasSameSizeAs(cleanMetrics);
        SessionMetrics summary = metrics().get(metrics().size() - 1);
        SessionMetrics cleanSummary = cleanMetrics.get(cleanMetrics.size() - 1);
        assertThat(summary.getDuplicates()).isEqualTo(3);
        summary.setDuplicates(0L);
        summary.setSessionId("s");
        assertThat(summary).isEqualTo(cleanSummary);
    }

    @Test
    void aSilentSessionEndsAtTheTimeoutWithWhatWaitsBehindAGap() throws Exception {
        send(chunk("s", 0, 1000, "a ").build());
        send(chunk("s", 1, 1100, "b ").build());
        send(chunk("s", 3, 1300, "d ").build()); // seq 2 never comes
        harness.processWatermark(1300 + TIMEOUT - 1);
        assertThat(events()).extracting(SessionEvent::getKind).doesNotContain(EventKind.END);
        harness.processWatermark(1300 + TIMEOUT);
        assertThat(events()).extracting(SessionEvent::getKind, SessionEvent::getSeq).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.START, 0L),
                org.assertj.core.groups.Tuple.tuple(EventKind.CHUNK, 0L),
                org.assertj.core.groups.Tuple.tuple(EventKind.CHUNK, 1L),
                org.assertj.core.groups.Tuple.tuple(EventKind.CHUNK, 3L),
                org.assertj.core.groups.Tuple.tuple(EventKind.END, 3L));
        assertThat(events().get(4).getEndReason()).isEqualTo("timeout");
        SessionMetrics summary = metrics().get(metrics().size() - 1);
        assertThat(summary.getIsFinal()).isTrue();
        assertThat(summary.getMissing()).isEqualTo(1);
        assertThat(summary.getEndReason()).isEqualTo("timeout");
    }

    @Test
    void aChunkKeepsTheSessionAliveAndNeverAddsATimer() throws Exception {
        for (int i = 0; i < 20; i++) {
            send(chunk("s", i, 1000 + i * 1000L, "x ").build());
            harness.processWatermark(1000 + i * 1000L);
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        }
        assertThat(events()).extracting(SessionEvent::getKind).doesNotContain(EventKind.END);
    }

    @Test
    void anEndedSessionIsForgottenAfterTheRetention() throws Exception {
        for (LlmChunk c : Chunks.session("s", 3)) {
            send(c);
        }
        harness.processWatermark(1200 + RETENTION - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(1200 + RETENTION);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void retriesAfterTheEndAreDroppedAndLaterChunksAreDeadLetters() throws Exception {
        for (LlmChunk c : Chunks.session("s", 3)) {
            send(c);
        }
        int emitted = events().size();
        send(Chunks.session("s", 3).get(1));
        assertThat(events()).hasSize(emitted);
        assertThat(deadLetters()).isEmpty();
        send(chunk("s", 7, 5000, "late").build());
        assertThat(events()).hasSize(emitted);
        assertThat(deadLetters()).singleElement().satisfies(d -> assertThat(d.getReason()).contains("after its session ended"));
    }

    /**
     * A chunk of a session that timed out and was forgotten (the watermark jumped past it, as when
     * an idle partition lets another run ahead) must not open the session again: its timers would
     * be in the past and fire only when the watermark next moves, and a phantom session would
     * start from the middle.
     */
    @Test
    void aChunkFurtherBehindTheWatermarkThanTheTimeoutIsADeadLetter() throws Exception {
        send(chunk("s", 0, 1000, "a").build());
        harness.processWatermark(1000 + TIMEOUT + RETENTION + 5_000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        int emitted = events().size();
        send(chunk("s", 1, 2000, "b").setFinishReason(io.midstream.avro.FinishReason.stop).build());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(events()).hasSize(emitted);
        assertThat(deadLetters()).singleElement().satisfies(d -> assertThat(d.getReason()).contains("behind the watermark"));
        // within the timeout of the watermark a session still opens: late, not over
        send(chunk("t", 0, 1000 + RETENTION + 8_000, "c").build());
        assertThat(events()).hasSize(emitted + 2);
    }

    @Test
    void chunksBeyondTheFinalChunkAreDeadLetters() throws Exception {
        send(chunk("s", 0, 1000, "a").build());
        send(chunk("s", 2, 1200, "c").build());
        send(chunk("s", 1, 1100, "b").setFinishReason(io.midstream.avro.FinishReason.stop).build());
        assertThat(events()).extracting(SessionEvent::getKind).containsExactly(
                EventKind.START, EventKind.CHUNK, EventKind.CHUNK, EventKind.END);
        assertThat(deadLetters()).singleElement().satisfies(d -> assertThat(d.getReason()).contains("final chunk"));
    }
}
