package io.midstream.chunk;

import io.midstream.avro.LlmChunk;
import io.midstream.avro.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.midstream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkCodecTest {
    private static final LlmChunk GOOD = chunk("s1", 3, 1_700_000_000_000L, "hello")
            .setLogprobs(List.of(-0.1f, -2f))
            .setToolCall(new ToolCall("c1", "search", "{}"))
            .setSignals(Map.of("queue_ms", 4.0))
            .build();

    @Test
    void aChunkSurvivesTheRoundTrip() throws Exception {
        byte[] bytes = ChunkCodec.encode(GOOD);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3); // single-object encoding's magic
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ChunkCodec.decode(bytes)).isEqualTo(GOOD);
    }

    @Test
    void bytesThatAreNotAvroAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ChunkCodec.decode("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedChunkException.class).hasMessageStartingWith("not Avro single-object encoding");
        assertThatThrownBy(() -> ChunkCodec.decode(null))
                .isInstanceOf(RejectedChunkException.class).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[0]))
                .isInstanceOf(RejectedChunkException.class);
    }

    @Test
    void aRecordOfAnUnknownSchemaIsRefused() {
        byte[] bytes = ChunkCodec.encode(GOOD);
        bytes[5] ^= 0x11;
        assertThatThrownBy(() -> ChunkCodec.decode(bytes))
                .isInstanceOf(RejectedChunkException.class).hasMessageStartingWith("written with an unknown schema");
    }

    @Test
    void aTruncatedRecordIsRefusedAtAnyLength() {
        byte[] bytes = ChunkCodec.encode(GOOD);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ChunkCodec.decode(cut)).as("cut at %d", length).isInstanceOf(RejectedChunkException.class);
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setTenantId(""), "tenant_id is empty"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setSessionId("  "), "session_id is empty"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setSessionId("x".repeat(300)), "session_id is longer"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setSeq(-1), "seq is negative"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setEventTime(Instant.EPOCH), "event_time"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setRole(""), "role is empty"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setTokenCount(-2), "token_count is negative"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setLogprobs(List.of(-1f, 0.5f)), "logprobs[1]"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setLogprobs(List.of(Float.NaN)), "logprobs[0]"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setLogprobs(List.of(Float.NEGATIVE_INFINITY)), "logprobs[0]"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setSignals(Map.of("x", Double.NaN)), "signal 'x'"),
                Arguments.of((UnaryOperator<LlmChunk.Builder>) b -> b.setToolCall(new ToolCall("", "f", "")), "tool_call"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void aChunkThatBreaksTheContractIsRefusedWithTheField(UnaryOperator<LlmChunk.Builder> breakIt, String reason) {
        byte[] bytes = ChunkCodec.encode(breakIt.apply(LlmChunk.newBuilder(GOOD)).build());
        assertThatThrownBy(() -> ChunkCodec.decode(bytes))
                .isInstanceOf(RejectedChunkException.class)
                .hasMessageStartingWith("invalid chunk: ")
                .hasMessageContaining(reason);
    }
}
