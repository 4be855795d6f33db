package io.midstream.job.kafka;

import io.midstream.avro.DeadLetter;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.SourceRecord;
import io.midstream.chunk.ChunkCodec;
import io.midstream.chunk.RejectedChunkException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.ByteBuffer;

/**
 * Decodes llm.chunks in the source, so that watermarks are generated per partition from the
 * chunks' event times; a value that is not a usable chunk becomes a dead letter instead of an error.
 */
public final class ChunkDeserializer implements KafkaRecordDeserializationSchema<SourceRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceRecord> out) {
        try {
            LlmChunk chunk = ChunkCodec.decode(record.value());
            out.collect(new SourceRecord(chunk, null));
        } catch (RejectedChunkException e) {
            out.collect(new SourceRecord(null, deadLetter(record, e.getMessage())));
        }
    }

    /** The record as it came, with the reason it could not be used. */
    static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        return DeadLetter.newBuilder()
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setTimestamp(record.timestamp())
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setReason(reason)
                .build();
    }

    @Override
    public TypeInformation<SourceRecord> getProducedType() {
        return TypeInformation.of(SourceRecord.class);
    }
}
