package io.midstream.session;

import io.midstream.avro.SessionMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.midstream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

class SessionStatsTest {
    @Test
    void windowsGiveExactPercentilesAndRates() {
        SessionStats stats = new SessionStats();
        long[] times = {1000, 1010, 1030, 1060, 1100};
        stats.add(chunk("s", 0, times[0], "a").setTokenCount(2).setRequestTime(Instant.ofEpochMilli(900)).build(), Double.NaN);
        for (int i = 1; i < times.length; i++) {
            stats.add(chunk("s", i, times[i], "a").setTokenCount(2).build(), times[i] - times[i - 1]);
        }
        SessionMetrics m = stats.closeWindow("t1", "s", 1, 0);
        assertThat(m.getWindowChunks()).isEqualTo(5);
        assertThat(m.getChunks()).isEqualTo(5);
        assertThat(m.getTokens()).isEqualTo(10);
        assertThat(m.getFirstSeq()).isZero();
        assertThat(m.getLastSeq()).isEqualTo(4);
        assertThat(m.getTimeToFirstChunkMs()).isEqualTo(100L);
        // gaps 10, 20, 30, 40: nearest rank p50 = 20, p99 = 40
        assertThat(m.getLatencyP50Ms()).isEqualTo(20.0);
        assertThat(m.getLatencyP99Ms()).isEqualTo(40.0);
        // the first window runs from the request: 10 tokens in 200 ms
        assertThat(m.getTokensPerS()).isEqualTo(50.0);
        assertThat(m.getDuplicates()).isEqualTo(1);
        assertThat(m.getEventTime().toEpochMilli()).isEqualTo(1100);

        stats.add(chunk("s", 5, 1200, "a").setTokenCount(4).build(), 100);
        SessionMetrics second = stats.closeWindow("t1", "s", 1, 0);
        assertThat(second.getWindowChunks()).isEqualTo(1);
        assertThat(second.getFirstSeq()).isEqualTo(5);
        assertThat(second.getTokensPerS()).isEqualTo(40.0); // 4 tokens since the previous chunk, 100 ms before
        assertThat(second.getLatencyP50Ms()).isEqualTo(100.0);

        SessionMetrics end = stats.summary("t1", "s", 1, 2, 1300, "stop");
        assertThat(end.getIsFinal()).isTrue();
        assertThat(end.getEndReason()).isEqualTo("stop");
        assertThat(end.getMissing()).isEqualTo(2);
        assertThat(end.getWindowChunks()).isZero();
        assertThat(end.getChunks()).isEqualTo(6);
        // whole session: gaps 10, 20, 30, 40, 100
        assertThat(end.getLatencyP50Ms()).isEqualTo(30.0);
        assertThat(end.getLatencyP99Ms()).isEqualTo(100.0);
        assertThat(end.getTokensPerS()).isCloseTo(14 / 0.3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aSessionOfOneChunkHasNoLatencyAndNoRate() {
        SessionStats stats = new SessionStats();
        stats.add(chunk("s", 0, 1000, "a").build(), Double.NaN);
        SessionMetrics end = stats.summary("t1", "s", 0, 0, 1000, "stop");
        assertThat(end.getLatencyP50Ms()).isNull();
        assertThat(end.getTokensPerS()).isNull();
        assertThat(end.getTimeToFirstChunkMs()).isNull();
        assertThat(end.getWindowChunks()).isEqualTo(1);
    }
}
