package io.midstream.chunk;

import io.midstream.avro.LlmChunk;
import io.midstream.avro.ToolCall;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Kafka values of {@code llm.chunks}: Avro single-object encoding (magic bytes, the writer schema's
 * fingerprint, the record), so that producers can move to a newer schema without a registry. A
 * value is accepted only when it decodes and makes a usable chunk; otherwise the reason says why.
 */
public final class ChunkCodec {
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 1 << 20;

    private static final BinaryMessageDecoder<LlmChunk> DECODER = LlmChunk.getDecoder();

    private ChunkCodec() {}

    public static byte[] encode(LlmChunk chunk) {
        try {
            return toArray(chunk.toByteBuffer());
        } catch (IOException e) {
            throw new IllegalStateException("an LlmChunk that does not encode: " + e.getMessage(), e);
        }
    }

    /** Decodes and checks a value; the exception's message is the reason for the dead-letter topic. */
    public static LlmChunk decode(byte[] value) throws RejectedChunkException {
        if (value == null) {
            throw new RejectedChunkException("null value (a tombstone is not a chunk)");
        }
        LlmChunk chunk;
        try {
            chunk = DECODER.decode(value);
        } catch (BadHeaderException e) {
            throw new RejectedChunkException("not Avro single-object encoding: " + e.getMessage());
        } catch (MissingSchemaException e) {
            throw new RejectedChunkException("written with an unknown schema: " + e.getMessage());
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RejectedChunkException("corrupt Avro record: " + e);
        }
        String invalid = validate(chunk);
        if (invalid != null) {
            throw new RejectedChunkException("invalid chunk: " + invalid);
        }
        return chunk;
    }

    /** Null for a usable chunk, else what is wrong with it. */
    public static String validate(LlmChunk c) {
        String id = checkId("tenant_id", c.getTenantId());
        if (id != null) {
            return id;
        }
        id = checkId("session_id", c.getSessionId());
        if (id != null) {
            return id;
        }
        if (c.getSeq() < 0) {
            return "seq is negative: " + c.getSeq();
        }
        if (c.getEventTime().toEpochMilli() <= 0) {
            return "event_time is not after 1970: " + c.getEventTime().toEpochMilli();
        }
        if (c.getRole().isBlank()) {
            return "role is empty";
        }
        if (c.getTokenCount() < 0) {
            return "token_count is negative: " + c.getTokenCount();
        }
        if (c.getText().length() > MAX_TEXT_LENGTH) {
            return "text is longer than " + MAX_TEXT_LENGTH + " characters";
        }
        List<Float> logprobs = c.getLogprobs();
        if (logprobs != null) {
            for (int i = 0; i < logprobs.size(); i++) {
                float lp = logprobs.get(i);
                if (!(lp <= 0f) || Float.isInfinite(lp)) {
                    return "logprobs[" + i + "] is not a finite log probability (<= 0): " + lp;
                }
            }
        }
        for (Map.Entry<String, Double> signal : c.getSignals().entrySet()) {
            if (signal.getKey().isEmpty() || !Double.isFinite(signal.getValue())) {
                return "signal '" + signal.getKey() + "' is not a named finite number: " + signal.getValue();
            }
        }
        ToolCall call = c.getToolCall();
        if (call != null && (call.getId().isBlank() || call.getName().isBlank())) {
            return "tool_call needs an id and a name";
        }
        return null;
    }

    private static String checkId(String field, String value) {
        if (value.isBlank()) {
            return field + " is empty";
        }
        if (value.length() > MAX_ID_LENGTH) {
            return field + " is longer than " + MAX_ID_LENGTH + " characters";
        }
        return null;
    }

    static byte[] toArray(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
