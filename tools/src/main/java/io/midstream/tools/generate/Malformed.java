package io.midstream.tools.generate;

import io.midstream.avro.LlmChunk;
import io.midstream.chunk.ChunkCodec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The kinds of bad record a broken producer writes, each made from a good chunk. */
public enum Malformed {
    /** Bytes that are not Avro at all. */
    NOT_AVRO {
        @Override
        public byte[] bytes(LlmChunk template) {
            return ("{\"session_id\": \"" + template.getSessionId() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    },
    /** A record cut in half. */
    TRUNCATED {
        @Override
        public byte[] bytes(LlmChunk template) {
            byte[] valid = ChunkCodec.encode(template);
            return Arrays.copyOf(valid, valid.length / 2);
        }
    },
    /** A record whose schema fingerprint nobody knows. */
    UNKNOWN_SCHEMA {
        @Override
        public byte[] bytes(LlmChunk template) {
            byte[] unknown = ChunkCodec.encode(template);
            unknown[2] ^= 0x5A; // the first fingerprint byte
            return unknown;
        }
    },
    /** A well-formed record that breaks the contract: a negative seq. */
    INVALID_CHUNK {
        @Override
        public byte[] bytes(LlmChunk template) {
            return ChunkCodec.encode(LlmChunk.newBuilder(template).setSeq(-1).build());
        }
    };

    public abstract byte[] bytes(LlmChunk template);
}
