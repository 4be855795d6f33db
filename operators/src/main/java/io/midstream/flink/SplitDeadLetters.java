package io.midstream.flink;

import io.midstream.avro.LlmChunk;
import io.midstream.avro.SourceRecord;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Passes decoded chunks on and sends what did not decode to {@link Tags#DEAD_LETTERS}. */
public final class SplitDeadLetters extends ProcessFunction<SourceRecord, LlmChunk> {
    private static final long serialVersionUID = 1L;
    private transient Counter deadLetters;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(SourceRecord record, Context ctx, Collector<LlmChunk> out) {
        if (record.getChunk() != null) {
            out.collect(record.getChunk());
        } else {
            deadLetters.inc();
            ctx.output(Tags.DEAD_LETTERS, record.getDead());
        }
    }
}
