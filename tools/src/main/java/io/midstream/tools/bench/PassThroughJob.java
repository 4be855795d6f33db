package io.midstream.tools.bench;

import io.midstream.avro.LlmChunk;
import io.midstream.flink.SessionKey;
import io.midstream.flink.SplitDeadLetters;
import io.midstream.job.MidstreamOptions;
import io.midstream.job.kafka.AvroRecordSerializer;
import io.midstream.job.kafka.KafkaIo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The benchmark's baseline: what every job on this topic must do at least. Decode, key by
 * session, encode, write; the same source, decoder and sink as the full job.
 */
final class PassThroughJob {
    private PassThroughJob() {}

    /** Writes every chunk of the chunks topic to {@code output}. */
    static void build(StreamExecutionEnvironment env, Configuration config, String output) {
        env.fromSource(KafkaIo.chunkSource(config), WatermarkStrategy.noWatermarks(), "Kafka: " + config.get(MidstreamOptions.TOPIC_CHUNKS))
                .process(new SplitDeadLetters()).name("Decode")
                .keyBy(c -> SessionKey.of(c.getTenantId(), c.getSessionId()), Types.STRING)
                .process(new Forward()).name("Keyed by session")
                .sinkTo(KafkaIo.sink(config, "pass-through", new AvroRecordSerializer<>(output, LlmChunk.getClassSchema(), LlmChunk::getSessionId)))
                .name("Kafka: " + output);
    }

    private static final class Forward extends KeyedProcessFunction<String, LlmChunk, LlmChunk> {
        @Override
        public void processElement(LlmChunk chunk, Context ctx, Collector<LlmChunk> out) {
            out.collect(chunk);
        }
    }
}
