package io.midstream.flink;

import io.midstream.avro.DeadLetter;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionMetrics;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline's operators. */
public final class Tags {
    private Tags() {}

    /** Records that are not usable chunks, with the reason, for llm.chunks.dlq. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    /** Per-session window metrics and final summaries, before the detectors' scores are merged in. */
    public static final OutputTag<SessionMetrics> METRICS =
            new OutputTag<>("session-metrics", TypeInformation.of(SessionMetrics.class));
    /** The detectors' latest scores per session. */
    public static final OutputTag<DetectorScore> SCORES =
            new OutputTag<>("detector-scores", TypeInformation.of(DetectorScore.class));
}
