package io.midstream.job.kafka;

import io.midstream.avro.ReferencePattern;
import io.midstream.avro.ReferenceUpdate;
import io.midstream.dtw.References;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Reads llm.references: key {@code tenant/pattern_id}, value a ReferencePattern in Avro
 * single-object encoding, or null to delete the pattern. A record that is not usable becomes an
 * update carrying a dead letter, which the detector sends to the dead-letter topic.
 */
public final class ReferenceDeserializer implements KafkaRecordDeserializationSchema<ReferenceUpdate> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ReferenceUpdate> out) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            out.collect(dead(record, "key must be tenant/pattern_id, not '" + key + "'"));
            return;
        }
        String tenant = key.substring(0, slash);
        String pattern = key.substring(slash + 1);
        if (record.value() == null) {
            out.collect(new ReferenceUpdate(tenant, pattern, null, null));
            return;
        }
        ReferencePattern p;
        try {
            p = ReferencePattern.getDecoder().decode(record.value());
        } catch (Exception e) {
            out.collect(dead(record, "not a ReferencePattern in Avro single-object encoding: " + e.getMessage()));
            return;
        }
        String invalid = References.validate(p);
        if (invalid == null && !(p.getTenantId().equals(tenant) && p.getPatternId().equals(pattern))) {
            invalid = "the key " + key + " names another pattern than the value, " + p.getTenantId() + "/" + p.getPatternId();
        }
        out.collect(invalid != null ? dead(record, "invalid reference: " + invalid) : new ReferenceUpdate(tenant, pattern, p, null));
    }

    private static ReferenceUpdate dead(ConsumerRecord<byte[], byte[]> record, String reason) {
        return new ReferenceUpdate("", "", null, ChunkDeserializer.deadLetter(record, reason));
    }

    @Override
    public TypeInformation<ReferenceUpdate> getProducedType() {
        return TypeInformation.of(ReferenceUpdate.class);
    }
}
