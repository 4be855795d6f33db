package io.midstream.flink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The metrics the detectors show per operator in the web UI, over REST and through a reporter,
 * under the same names so that a dashboard reads them alike: {@code alerts} raised where a
 * detector raises them, and {@code evaluationNanos}, the time one evaluation takes (a chunk's
 * SPRING updates, an attractor analysis, a chunk's propositions) over the last 1,000.
 */
public final class DetectorMetrics {
    private DetectorMetrics() {
    }

    public static Counter alerts(MetricGroup group) {
        return group.counter("alerts");
    }

    public static Histogram evaluationNanos(MetricGroup group) {
        return group.histogram("evaluationNanos", new DescriptiveStatisticsHistogram(1000));
    }

    /** Records an evaluation that started at {@code startNanos} of {@link System#nanoTime()}. */
    public static void since(Histogram evaluationNanos, long startNanos) {
        evaluationNanos.update(System.nanoTime() - startNanos);
    }
}
