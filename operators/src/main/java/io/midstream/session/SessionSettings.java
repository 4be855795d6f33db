package io.midstream.session;

import io.midstream.signals.SignalExtractor;

import java.io.Serializable;
import java.time.Duration;

/**
 * How sessions are tracked.
 *
 * @param inactivityTimeout a session with no chunk for this long in event time has ended
 * @param reorderCapacity   chunks that may wait for a missing one before it is given up on
 * @param metricsEvery      chunks per SessionMetrics window
 * @param endedRetention    how long an ended session is remembered, so that retried chunks are dropped as duplicates
 * @param signals           the per-chunk signals
 */
public record SessionSettings(Duration inactivityTimeout, int reorderCapacity, int metricsEvery,
                              Duration endedRetention, SignalExtractor signals) implements Serializable {
    public SessionSettings {
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("the inactivity timeout must be positive, got " + inactivityTimeout);
        }
        if (reorderCapacity < 0) {
            throw new IllegalArgumentException("the reorder capacity must be at least 0, got " + reorderCapacity);
        }
        if (metricsEvery < 1) {
            throw new IllegalArgumentException("metrics must come every 1 or more chunks, got " + metricsEvery);
        }
        if (endedRetention.isNegative()) {
            throw new IllegalArgumentException("the retention of ended sessions must be at least 0, got " + endedRetention);
        }
    }
}
