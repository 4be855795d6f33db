package io.midstream.job.kafka;

import io.midstream.avro.ReferenceUpdate;
import io.midstream.avro.SourceRecord;
import io.midstream.job.MidstreamOptions;
import io.midstream.job.MidstreamOptions.Delivery;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka source and sinks, as its configuration asks for them. */
public final class KafkaIo {
    /** Below the brokers' default transaction.max.timeout.ms of 15 minutes, above any sane checkpoint interval. */
    private static final String TRANSACTION_TIMEOUT_MS = Integer.toString(10 * 60 * 1000);

    private KafkaIo() {}

    public static KafkaSource<SourceRecord> chunkSource(Configuration config) {
        OffsetsInitializer start = switch (config.get(MidstreamOptions.STARTING_OFFSETS)) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
        var builder = KafkaSource.<SourceRecord>builder()
                .setBootstrapServers(config.get(MidstreamOptions.BOOTSTRAP_SERVERS))
                .setTopics(config.get(MidstreamOptions.TOPIC_CHUNKS))
                .setGroupId(config.get(MidstreamOptions.GROUP_ID))
                .setStartingOffsets(start)
                .setDeserializer(new ChunkDeserializer())
                // read only what producers committed when they write in transactions
                .setProperty("isolation.level", "read_committed");
        return bounded(builder, config).build();
    }

    /** The compacted topic of reference patterns, read whole on a start without a checkpoint. */
    public static KafkaSource<ReferenceUpdate> referenceSource(Configuration config) {
        var builder = KafkaSource.<ReferenceUpdate>builder()
                .setBootstrapServers(config.get(MidstreamOptions.BOOTSTRAP_SERVERS))
                .setTopics(config.get(MidstreamOptions.TOPIC_REFERENCES))
                .setGroupId(config.get(MidstreamOptions.GROUP_ID) + "-references")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ReferenceDeserializer())
                .setProperty("isolation.level", "read_committed");
        return bounded(builder, config).build();
    }

    /** A source that stops at today's end of its topics when the job is to drain and finish. */
    private static <T> KafkaSourceBuilder<T> bounded(KafkaSourceBuilder<T> builder, Configuration config) {
        return config.get(MidstreamOptions.SOURCE_BOUNDED) ? builder.setBounded(OffsetsInitializer.latest()) : builder;
    }

    /** A sink to one topic; {@code name} keeps the transactional ids of the job's sinks apart. */
    public static <T> KafkaSink<T> sink(Configuration config, String name, KafkaRecordSerializationSchema<T> serializer) {
        Delivery delivery = config.get(MidstreamOptions.DELIVERY);
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(config.get(MidstreamOptions.BOOTSTRAP_SERVERS))
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(delivery == Delivery.EXACTLY_ONCE ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", Long.toString(config.get(MidstreamOptions.SINK_LINGER).toMillis()))
                .setProperty("compression.type", "lz4");
        if (delivery == Delivery.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(config.get(MidstreamOptions.TRANSACTIONAL_ID_PREFIX) + "-" + name)
                    .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        }
        return builder.build();
    }
}
