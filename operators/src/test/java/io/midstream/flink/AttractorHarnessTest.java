package io.midstream.flink;

import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.AttractorClass;
import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.EventKind;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.Severity;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AttractorHarnessTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        AttractorFunction.Config config = new AttractorFunction.Config(List.of(
                new AttractorFunction.Watch("stall", "latency_ms", EnumSet.of(AttractorClass.FIXED_POINT), Severity.medium),
                new AttractorFunction.Watch("chaos", "x", EnumSet.of(AttractorClass.CHAOTIC), Severity.low)),
                64, 8, 32, AttractorAnalysis.Settings.DEFAULT);
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AttractorFunction(config),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(EventKind kind, long seq, Map<String, Double> signals) throws Exception {
        harness.processElement(SessionEvent.newBuilder().setKind(kind).setTenantId("t").setSessionId("s").setSeq(seq)
                .setEventTime(Instant.ofEpochMilli(1000 + seq)).setChunk(null).setSignals(signals).setRecentText("")
                .setEndReason(null).build(), 1000 + seq);
    }

    private List<DetectorScore> scores() {
        return harness.getSideOutput(Tags.SCORES).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void aStallRaisesOneAlertWhenTheLatencySettles() throws Exception {
        Random random = new Random(1);
        send(EventKind.START, 0, Map.of());
        for (int seq = 0; seq < 100; seq++) {
            double latency = seq < 40 ? Math.exp(Math.log(35) + 0.35 * random.nextGaussian()) : 1000 + random.nextGaussian();
            send(EventKind.CHUNK, seq, Map.of("latency_ms", latency));
        }
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.getDetector()).isEqualTo(DetectorKind.ATTRACTOR);
            assertThat(a.getRuleId()).isEqualTo("stall");
            assertThat(a.getMessage()).contains("latency_ms entered fixed_point");
            assertThat(a.getLastSeq()).isBetween(55L, 80L);
        });
        assertThat(scores()).filteredOn(s -> s.getName().equals("attractor.latency_ms.class"))
                .extracting(DetectorScore::getLabel).contains("stochastic", "fixed_point");
        send(EventKind.END, 99, Map.of());
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aChaoticSignalIsFoundChaoticWithAPositiveExponent() throws Exception {
        double x = 0.3;
        for (int seq = 0; seq < 64; seq++) {
            x = 4 * x * (1 - x);
            send(EventKind.CHUNK, seq, Map.of("x", x));
        }
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> assertThat(a.getRuleId()).isEqualTo("chaos"));
        assertThat(scores()).filteredOn(s -> s.getName().equals("attractor.x.lyapunov"))
                .last().satisfies(s -> assertThat(s.getValue()).isGreaterThan(0.3));
        // 64 chunks, every 8, from 32 values on: evaluations at 32, 40, ..., 64
        assertThat(scores()).filteredOn(s -> s.getName().equals("attractor.x.class")).hasSize(5);
    }
}
