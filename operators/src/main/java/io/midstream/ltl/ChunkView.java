package io.midstream.ltl;

import io.midstream.avro.LlmChunk;

import java.util.Map;

/** What a proposition sees of one chunk: its fields, its signals, and the session's recent text ending with it. */
public record ChunkView(LlmChunk chunk, Map<String, Double> signals, String recentText) {
    /** Where this chunk's own text starts in the recent text: a text match must end past it. */
    public int newTextStart() {
        return Math.max(0, recentText.length() - chunk.getText().length());
    }
}
