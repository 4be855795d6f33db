package io.midstream.job.kafka;

import io.midstream.avro.DeadLetter;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a dead letter to the DLQ topic as it came (same key, same value bytes), with the reason
 * and the origin in headers, so that nothing is lost and a fixed record can be replayed as is.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    public static final String REASON = "midstream.reason";
    public static final String SOURCE_TOPIC = "midstream.source.topic";
    public static final String SOURCE_PARTITION = "midstream.source.partition";
    public static final String SOURCE_OFFSET = "midstream.source.offset";

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter dead, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(dead.getReason()));
        if (!dead.getTopic().isEmpty()) {
            headers.add(SOURCE_TOPIC, utf8(dead.getTopic()));
            headers.add(SOURCE_PARTITION, utf8(Integer.toString(dead.getPartition())));
            headers.add(SOURCE_OFFSET, utf8(Long.toString(dead.getOffset())));
        }
        return new ProducerRecord<>(topic, null, dead.getTimestamp() > 0 ? dead.getTimestamp() : null,
                bytes(dead.getKey()), bytes(dead.getValue()), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
