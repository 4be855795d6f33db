package io.midstream.job.kafka;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes records as Avro single-object encoding to one topic, keyed so that a session's records stay in order. */
public final class AvroRecordSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String schemaJson;
    private final SerializableFunction<T, String> keyOf;
    private transient BinaryMessageEncoder<T> encoder;

    public AvroRecordSerializer(String topic, Schema schema, SerializableFunction<T, String> keyOf) {
        this.topic = topic;
        this.schemaJson = schema.toString();
        this.keyOf = keyOf;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        Schema schema = new Schema.Parser().parse(schemaJson);
        encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long timestamp) {
        ByteBuffer value;
        try {
            value = encoder.encode(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        // the Kafka timestamp is when the record is published, not the event time it carries: retention
        // counts from it, so an output about old sessions (a replay, a backfill, a clock that is off)
        // would otherwise be deleted as soon as it is written
        return new ProducerRecord<>(topic, null, null, keyOf.apply(record).getBytes(StandardCharsets.UTF_8), bytes);
    }
}
