package io.midstream;

import io.midstream.avro.FinishReason;
import io.midstream.avro.LlmChunk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Chunks for tests. */
public final class Chunks {
    private Chunks() {}

    public static LlmChunk.Builder chunk(String session, long seq, long eventTime, String text) {
        return LlmChunk.newBuilder()
                .setTenantId("t1")
                .setSessionId(session)
                .setSeq(seq)
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setModel("m")
                .setRole("assistant")
                .setText(text)
                .setTokenCount(text.isEmpty() ? 0 : text.split(" ").length)
                .setLogprobs(null)
                .setSignals(Map.of());
    }

    /** A session of n chunks 100 ms apart from t=1000, "w<seq> " each, the last with finish_reason stop. */
    public static List<LlmChunk> session(String session, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> chunk(session, i, 1000 + 100L * i, "w" + i + " ")
                        .setFinishReason(i == n - 1 ? FinishReason.stop : null).build())
                .toList();
    }
}
