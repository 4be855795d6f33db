package io.midstream.jmh;

import io.midstream.avro.FinishReason;
import io.midstream.avro.LlmChunk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Chunks of many interleaved sessions, in seq order per session, as the operators meet them. */
final class Sessions {
    private static final String[] WORDS = ("the model keeps writing about streams of tokens and the answer goes on with more "
            + "words that a reader would expect in a long reply to a question about distributed systems").split(" ");

    private Sessions() {}

    static List<LlmChunk> interleaved(int sessions, int chunksPerSession, long seed) {
        Random random = new Random(seed);
        List<LlmChunk> out = new ArrayList<>(sessions * chunksPerSession);
        for (int seq = 0; seq < chunksPerSession; seq++) {
            for (int s = 0; s < sessions; s++) {
                StringBuilder text = new StringBuilder();
                int words = 1 + random.nextInt(3);
                for (int w = 0; w < words; w++) {
                    text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                }
                List<Float> logprobs = new ArrayList<>();
                for (int t = 0; t < words; t++) {
                    logprobs.add((float) -random.nextDouble());
                }
                out.add(LlmChunk.newBuilder().setTenantId("tenant-" + (s % 3)).setSessionId("s" + s).setSeq(seq)
                        .setEventTime(Instant.ofEpochMilli(1_000_000 + seq * 40L + s)).setModel("m").setRole("assistant")
                        .setText(text.toString()).setTokenCount(words).setLogprobs(logprobs).setSignals(Map.of())
                        .setFinishReason(seq == chunksPerSession - 1 ? FinishReason.stop : null).build());
            }
        }
        return out;
    }
}
