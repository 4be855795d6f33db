package io.midstream.flink;

import io.midstream.avro.SessionEvent;
import io.midstream.ltl.ChunkView;
import io.midstream.ltl.Propositions;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Turns a session's events into what the LTL patterns read, evaluating every proposition once per
 * chunk for all rules, marking the responses' triggers ({@link LtlEvents}), and leaving
 * out the chunk events that no pattern can take. It also sets each event's timestamp, which CEP orders and times by: never
 * before the session's previous event (a gateway's clock may step back; the session's order is
 * the seq order) and never at or behind the watermark (CEP would drop the event as late). An
 * operator rather than a function, because only an operator can set its output's timestamps.
 */
public final class LtlEventOperator extends AbstractStreamOperator<LtlEvent> implements OneInputStreamOperator<SessionEvent, LtlEvent> {
    private final Propositions propositions;
    private final LtlEvents events;
    private transient ValueState<LtlCursor> cursors;
    private transient long watermark;
    private transient Histogram evaluationNanos;

    public LtlEventOperator(Propositions propositions, LtlEvents events) {
        this.propositions = propositions;
        this.events = events;
    }

    /** Where a session is: the next chunk's position, the last timestamp given, the last chunk's propositions and its rules' pending triggers. */
    public static class LtlCursor {
        public int position;
        public long time = Long.MIN_VALUE;
        public long holds;
        public long[] triggers;
    }

    @Override
    public void open() throws Exception {
        super.open();
        cursors = getRuntimeContext().getState(new ValueStateDescriptor<>("ltl-cursor", LtlCursor.class));
        watermark = Long.MIN_VALUE;
        evaluationNanos = DetectorMetrics.evaluationNanos(getMetricGroup());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        super.processWatermark(mark);
    }

    @Override
    public void processElement(StreamRecord<SessionEvent> element) throws Exception {
        SessionEvent event = element.getValue();
        LtlCursor cursor = cursors.value();
        if (cursor == null) {
            cursor = new LtlCursor();
        }
        if (!events.owns(cursor.triggers)) {
            cursor.triggers = events.newState();
        }
        long time = Math.max(event.getEventTime().toEpochMilli(), Math.max(cursor.time, watermark == Long.MAX_VALUE ? watermark : watermark + 1));
        cursor.time = time;
        String tenant = event.getTenantId();
        String session = event.getSessionId();
        switch (event.getKind()) {
            case START -> {
                if (events.wantsStart()) {
                    emit(new LtlEvent(tenant, session, LtlEvent.START, -1, event.getSeq(), time, 0));
                }
                cursors.update(cursor);
            }
            case CHUNK -> {
                long start = System.nanoTime();
                long holds = propositions.evaluate(new ChunkView(event.getChunk(), event.getSignals(), event.getRecentText()));
                DetectorMetrics.since(evaluationNanos, start);
                events.chunk(tenant, session, cursor.position, event.getSeq(), time, holds, cursor.triggers, this::emit);
                cursor.position++;
                cursor.holds = holds;
                cursors.update(cursor);
            }
            case END -> {
                emit(new LtlEvent(tenant, session, LtlEvent.END, cursor.position - 1, event.getSeq(), time, cursor.holds));
                cursors.clear();
            }
        }
    }

    private void emit(LtlEvent e) {
        output.collect(new StreamRecord<>(e, e.time));
    }
}
