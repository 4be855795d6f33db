package io.midstream.flink;

import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionMetrics;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAssemblerHarnessTest {
    private static SessionMetrics metrics(boolean last, long time) {
        return SessionMetrics.newBuilder().setTenantId("t").setSessionId("s").setEventTime(Instant.ofEpochMilli(time))
                .setIsFinal(last).setFirstSeq(0).setLastSeq(1).setWindowChunks(1).setWindowTokens(1).setChunks(1)
                .setTokens(1).setScores(new HashMap<>()).setLabels(new HashMap<>()).build();
    }

    private static DetectorScore score(String name, double value) {
        return new DetectorScore("t", "s", name, value, null, 0L);
    }

    @Test
    void windowsCarryTheLatestScoresAndTheSummaryWaitsForTheWatermark() throws Exception {
        try (KeyedTwoInputStreamOperatorTestHarness<String, SessionMetrics, DetectorScore, SessionMetrics> h =
                     ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new MetricsAssembler(Duration.ofHours(1)),
                             m -> SessionKey.of(m.getTenantId(), m.getSessionId()),
                             s -> SessionKey.of(s.getTenantId(), s.getSessionId()), Types.STRING)) {
            h.processElement2(score("dtw.a", 1.0), 100);
            h.processElement1(metrics(false, 100), 100);
            h.processElement2(score("dtw.a", 2.0), 150);
            h.processElement1(metrics(true, 200), 200);
            h.processElement2(score("ltl.b", 1.0), 200);   // what the session's end caused
            h.processElement2(new DetectorScore("t", "s", "attractor.x.class", 0.0, "periodic", 1L), 200);
            assertThat(h.extractOutputValues()).hasSize(1);
            h.processWatermark1(new Watermark(200));
            h.processWatermark2(new Watermark(200));
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.extractOutputValues().get(0).getScores()).containsExactlyEntriesOf(java.util.Map.of("dtw.a", 1.0));
            SessionMetrics summary = h.extractOutputValues().get(1);
            assertThat(summary.getIsFinal()).isTrue();
            assertThat(summary.getScores()).containsEntry("dtw.a", 2.0).containsEntry("ltl.b", 1.0).doesNotContainKey("attractor.x.class");
            assertThat(summary.getLabels()).containsExactlyEntriesOf(java.util.Map.of("attractor.x.class", "periodic"));
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}
