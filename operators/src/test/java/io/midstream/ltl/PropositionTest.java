package io.midstream.ltl;

import io.midstream.avro.FinishReason;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.ToolCall;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropositionTest {
    private static ChunkView view(String role, String text, String recent, ToolCall call, Map<String, Double> signals) {
        LlmChunk chunk = LlmChunk.newBuilder().setTenantId("t").setSessionId("s").setSeq(4).setEventTime(Instant.EPOCH)
                .setRole(role).setText(text).setTokenCount(3).setToolCall(call).setFinishReason(call == null ? null : FinishReason.tool_calls).build();
        return new ChunkView(chunk, signals, recent);
    }

    @Test
    void comparesFields() {
        ChunkView v = view("tool", "ok", "ok", new ToolCall("1", "search", "{}"), Map.of("surprise", 4.5));
        assertThat(Proposition.parse("role == \"tool\"").test(v)).isTrue();
        assertThat(Proposition.parse("tool_call != null && tool_call.name == \"search\"").test(v)).isTrue();
        assertThat(Proposition.parse("signals.surprise > 4 and token_count <= 3").test(v)).isTrue();
        assertThat(Proposition.parse("not (seq == 4) || finish_reason == \"stop\"").test(v)).isFalse();
        assertThat(Proposition.parse("finish_reason == \"tool_calls\"").test(v)).isTrue();
        // a signal that is not there compares false either way
        assertThat(Proposition.parse("signals.latency_ms > 0").test(v)).isFalse();
        assertThat(Proposition.parse("signals.latency_ms <= 0").test(v)).isFalse();
        assertThat(Proposition.parse("signals.latency_ms == null").test(v)).isTrue();
    }

    @Test
    void textMatchesWhereAMatchEndsInThisChunk() {
        Proposition refusal = Proposition.parse("text matches \"(?i)I can't help\"");
        // the phrase is split over two chunks: found at the second, where it completes
        assertThat(refusal.test(view("assistant", "I can", "Well. I can", null, Map.of()))).isFalse();
        assertThat(refusal.test(view("assistant", "'t help you", "Well. I can't help you", null, Map.of()))).isTrue();
        // and not again at the next chunk, whose text does not end a match
        assertThat(refusal.test(view("assistant", " with that.", "Well. I can't help you with that.", null, Map.of()))).isFalse();
        // the longest match from the left counts, so an alternative that ends later is found
        Proposition ab = Proposition.parse("text matches \"a|ab\"");
        assertThat(ab.test(view("assistant", "b", "xab", null, Map.of()))).isTrue();
        Proposition contains = Proposition.parse("text contains \"sk-live\"");
        assertThat(contains.test(view("assistant", "live-1", "key sk-live-1", null, Map.of()))).isTrue();
        assertThat(contains.test(view("assistant", " more", "key sk-live-1 more", null, Map.of()))).isFalse();
    }

    @Test
    void refusesBadExpressionsWithTheirPosition() {
        assertThatThrownBy(() -> Proposition.parse("role = \"tool\"")).hasMessageStartingWith("at position 5: expected a comparison");
        assertThatThrownBy(() -> Proposition.parse("token_count > \"x\"")).hasMessageStartingWith("at position 14: expected a number");
        assertThatThrownBy(() -> Proposition.parse("text matches \"(unclosed\"")).hasMessageStartingWith("at position 13: expected a regular expression");
        assertThatThrownBy(() -> Proposition.parse("colour == \"red\"")).hasMessageStartingWith("at position 0: expected a field");
        assertThatThrownBy(() -> Proposition.parse("role == null")).hasMessageContaining("never is");
        assertThatThrownBy(() -> Proposition.parse("text matches \"" + "a".repeat(600) + "\"")).hasMessageContaining("at most 500");
    }

    @Test
    void aHostileRegularExpressionRunsInLinearTime() {
        // catastrophic for a backtracking engine; RE2/J's automaton reads the text once
        Proposition p = Proposition.parse("text matches \"(a+)+$\"");
        String text = "a".repeat(2000) + "!";
        assertThat(p.test(view("assistant", text, text, null, Map.of()))).isFalse();
    }
}
