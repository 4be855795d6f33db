package io.midstream.jmh;

import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** The operator benchmarks' use of Flink's test harness. */
final class Harnesses {
    private Harnesses() {}

    /** Empties what the harness collected, so that a long run measures the operator, not a growing queue. */
    static void drain(AbstractStreamOperatorTestHarness<?> harness, OutputTag<?>... sideOutputs) {
        harness.getOutput().clear();
        for (OutputTag<?> tag : sideOutputs) {
            var side = harness.getSideOutput(tag);
            if (side != null) {
                side.clear();
            }
        }
    }
}
