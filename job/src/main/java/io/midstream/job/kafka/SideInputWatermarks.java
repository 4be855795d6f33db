package io.midstream.job.kafka;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for a side input that has no event time of its own (reference patterns, broadcast):
 * none, and the input marked idle, so that a two-input operator's watermark is that of its main
 * input alone. Not the largest watermark: while the main input is idle too, the operator would
 * take the side input's, jump to the end of time and stay there (watermarks never go back), and
 * every event-time timer downstream would then fire as soon as it is set.
 */
public final class SideInputWatermarks<T> implements WatermarkGenerator<T> {
    public static <T> WatermarkStrategy<T> strategy() {
        return WatermarkStrategy.forGenerator(ctx -> new SideInputWatermarks<>());
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }
}
