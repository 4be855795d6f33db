package io.midstream.flink;

import io.midstream.avro.Alert;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.NFAStateSerializer;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Flink's CEP operator for one rule's pattern, which drops the events that no stage of the
 * pattern can take before CEP looks up the session's partial matches: the LTL events are shared
 * by all rules, and each stage skips what it does not take (relaxed contiguity).
 *
 * <p>A pattern without a time window is matched in order: its events come in their session's
 * order already (the LTL event operator emits them in seq order), so each is matched when it
 * arrives (processing time without a comparator) instead of being buffered until the watermark
 * passes it, and a verdict does not wait for the watermark's delay. Such a verdict depends on the
 * order of the session's events only, not on their times. A pattern with one needs CEP's
 * event-time timers and order.
 *
 * <p>In order, at the session's END no partial match is left (every stage that waits is ended by
 * END), and the key's NFA state and event counter are cleared: Flink 2.2.1's {@code CepOperator}
 * clears them only in event time (in {@code onEventTime}), so without this every ended session
 * would leave them.
 */
final class RuleCepOperator extends CepOperator<LtlEvent, String, Alert> {
    // the names under which CepOperator and its SharedBuffer register these states (Flink 2.2.1);
    // LtlHarnessTest fails if a new Flink leaves state behind
    private static final String NFA_STATE = "nfaStateName";
    private static final String EVENT_COUNTS = "sharedBuffer-events-count";

    private final LtlPatterns.Needed needed;
    private final boolean inOrder;
    private transient ValueState<NFAState> nfaState;
    private transient MapState<Long, Integer> eventCounts;

    RuleCepOperator(TypeSerializer<LtlEvent> serializer, NFACompiler.NFAFactory<LtlEvent> nfa, AfterMatchSkipStrategy skip,
                    LtlViolations violations, LtlPatterns.Needed needed, boolean windowed) {
        super(serializer, !windowed, nfa, windowed ? LtlEvent.Order.INSTANCE : null, skip, violations, null);
        this.needed = needed;
        this.inOrder = !windowed;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        nfaState = context.getKeyedStateStore().getState(new ValueStateDescriptor<>(NFA_STATE, new NFAStateSerializer()));
        eventCounts = context.getKeyedStateStore().getMapState(
                new MapStateDescriptor<>(EVENT_COUNTS, LongSerializer.INSTANCE, IntSerializer.INSTANCE));
    }

    @Override
    public void processElement(StreamRecord<LtlEvent> element) throws Exception {
        LtlEvent e = element.getValue();
        if (!needed.wants(e.kind, e.holds, e.marks)) {
            return;
        }
        super.processElement(element);
        if (inOrder && e.kind == LtlEvent.END) {
            nfaState.clear();
            eventCounts.clear();
        }
    }
}
