package io.midstream.flink;

import io.midstream.avro.ReferencePattern;
import io.midstream.avro.ReferenceUpdate;
import io.midstream.avro.SessionEvent;
import io.midstream.dtw.LocalCost;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;

import java.util.List;

/** Temporal compare (SPRING over reference patterns) as a detector of the job. */
public final class TemporalCompareDetector implements Detector {
    private final List<ReferencePattern> fromRules;
    private final LocalCost cost;
    private final double minMatchShare;
    private final DataStream<ReferenceUpdate> updates;

    /** @param updates the patterns published while the job runs, with no event time of their own */
    public TemporalCompareDetector(List<ReferencePattern> fromRules, LocalCost cost, double minMatchShare,
                                   DataStream<ReferenceUpdate> updates) {
        this.fromRules = fromRules;
        this.cost = cost;
        this.minMatchShare = minMatchShare;
        this.updates = updates;
    }

    @Override
    public String name() {
        return "dtw";
    }

    @Override
    public Outputs attach(KeyedStream<SessionEvent, String> sessions) {
        // SPRING reads a session's ids, times and signals: the chunk and the recent text, most of an
        // event's bytes, stay in the session's task instead of being serialised to this one
        KeyedStream<SessionEvent, String> signals = DataStreamUtils.reinterpretAsKeyedStream(
                sessions.map(TemporalCompareDetector::signalsOnly).name("Temporal compare: signals only").uid("temporal-compare-signals"),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING);
        return Outputs.of(signals.connect(updates.broadcast(TemporalCompareFunction.REFERENCES))
                .process(new TemporalCompareFunction(fromRules, cost, minMatchShare))
                .name("Temporal compare: SPRING over reference patterns").uid("temporal-compare"));
    }

    /** The event without its chunk and recent text (not a builder's deep copy: the chunk is what it saves). */
    static SessionEvent signalsOnly(SessionEvent e) {
        return new SessionEvent(e.getKind(), e.getTenantId(), e.getSessionId(), e.getSeq(), e.getEventTime(), null,
                e.getSignals(), "", e.getEndReason());
    }
}
