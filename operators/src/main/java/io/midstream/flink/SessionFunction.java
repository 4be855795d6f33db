package io.midstream.flink;

import io.midstream.avro.DeadLetter;
import io.midstream.avro.EventKind;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.SessionEvent;
import io.midstream.chunk.ChunkCodec;
import io.midstream.session.SeqOrder;
import io.midstream.session.SessionSettings;
import io.midstream.session.SessionState;
import io.midstream.signals.SignalNames;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns each session's chunks, in whatever order and multiplicity they arrive, into the session
 * events the detectors read: START, every chunk once and in seq order with its signals, END at a
 * finish_reason or after the inactivity timeout. Window metrics and the final summary go to
 * {@link Tags#METRICS}; chunks that come after their session ended go to {@link Tags#DEAD_LETTERS}.
 *
 * <p>Chunks are handled as they arrive, not held back for the watermark, so that detectors see a
 * chunk as soon as its predecessors are in; event time drives only the timeout. One event-time timer
 * per session at most: it is moved lazily when it fires, so a chunk never registers or deletes one.
 */
public final class SessionFunction extends KeyedProcessFunction<String, LlmChunk, SessionEvent> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionFunction.class);
    static final String TIMEOUT = "timeout";

    private final SessionSettings settings;
    private transient ValueState<SessionState> state;
    private transient Counter chunks;
    private transient Counter duplicates;
    private transient Counter deadLetters;
    private transient Counter sessionsStarted;
    private transient Counter sessionsEnded;
    private transient Counter failures;
    private transient ListState<Long> openSessionsState;
    private transient long openSessions;

    public SessionFunction(SessionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext().getState(
                new ValueStateDescriptor<>("session", TypeInformation.of(SessionState.class)));
        var metrics = getRuntimeContext().getMetricGroup();
        chunks = metrics.counter("chunks");
        duplicates = metrics.counter("duplicateChunks");
        deadLetters = metrics.counter("deadLetters");
        sessionsStarted = metrics.counter("sessionsStarted");
        sessionsEnded = metrics.counter("sessionsEnded");
        failures = metrics.counter("chunkFailures");
        metrics.gauge("openSessions", (Gauge<Long>) () -> openSessions);
    }

    /**
     * The count of open sessions is operator state so that the gauge survives a restore: at the
     * same parallelism each subtask gets its own count back, after a rescale the sum stays right.
     */
    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        openSessionsState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("open-sessions", Types.LONG));
        openSessions = 0;
        for (Long n : openSessionsState.get()) {
            openSessions += n;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        openSessionsState.update(List.of(openSessions));
    }

    @Override
    public void processElement(LlmChunk chunk, Context ctx, Collector<SessionEvent> out) throws Exception {
        chunks.inc();
        SessionState s = state.value();
        if (s == null) {
            long watermark = ctx.timerService().currentWatermark();
            if (chunk.getEventTime().toEpochMilli() + settings.inactivityTimeout().toMillis() <= watermark) {
                // its session, if it had one, timed out and was forgotten: opening it again would
                // start a phantom session whose timers lie behind the watermark
                deadLetter(ctx, chunk, "chunk behind the watermark by more than the inactivity timeout (event time "
                        + chunk.getEventTime() + ", watermark " + Instant.ofEpochMilli(watermark) + "): its session has timed out");
                return;
            }
            s = SessionState.open(settings, chunk.getTenantId(), chunk.getSessionId());
        }
        try {
            if (s.isEnded()) {
                if (s.getOrder().seen(chunk.getSeq())) {
                    duplicates.inc();
                } else {
                    deadLetter(ctx, chunk, "chunk after its session ended (seq " + chunk.getSeq()
                            + ", the session ended at seq " + s.getFinalSeq() + ")");
                }
                return;
            }
            s.setLastActivity(Math.max(s.getLastActivity(), chunk.getEventTime().toEpochMilli()));
            SessionState session = s;
            SeqOrder.Outcome outcome = s.getOrder().offer(chunk, settings.reorderCapacity(),
                    c -> release(session, c, ctx, out));
            if (outcome == SeqOrder.Outcome.DUPLICATE) {
                duplicates.inc();
            }
            if (s.getTimerAt() == SessionState.NONE) {
                schedule(s, ctx.timerService(), s.getLastActivity() + settings.inactivityTimeout().toMillis());
            }
        } catch (RuntimeException e) {
            // a record must never fail the job: it goes to the dead-letter topic with the cause
            failures.inc();
            LOG.warn("chunk {} of session {} failed", chunk.getSeq(), ctx.getCurrentKey(), e);
            deadLetter(ctx, chunk, "internal error: " + e);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SessionEvent> out) throws Exception {
        SessionState s = state.value();
        if (s == null) {
            return;
        }
        s.setTimerAt(SessionState.NONE);
        if (s.isEnded()) {
            long forgetAt = s.getEndedAt() + settings.endedRetention().toMillis();
            if (timestamp >= forgetAt) {
                state.clear();
                return;
            }
            schedule(s, ctx.timerService(), forgetAt);
        } else if (timestamp >= s.getLastActivity() + settings.inactivityTimeout().toMillis()) {
            // what still waits behind a gap is all there will be
            SessionState session = s;
            s.getOrder().flush(c -> release(session, c, ctx, out));
            if (!s.isEnded()) {
                end(s, s.getOrder().getNextSeq() - 1, timestamp, TIMEOUT, ctx, out);
            }
            schedule(s, ctx.timerService(), s.getEndedAt() + settings.endedRetention().toMillis());
        } else {
            schedule(s, ctx.timerService(), s.getLastActivity() + settings.inactivityTimeout().toMillis());
        }
        state.update(s);
    }

    private void release(SessionState s, LlmChunk chunk, Context ctx, Collector<SessionEvent> out) {
        if (s.isEnded()) {
            deadLetter(ctx, chunk, "chunk after its session's final chunk (seq " + chunk.getSeq() + ")");
            return;
        }
        if (!s.isStarted()) {
            s.setStarted(true);
            sessionsStarted.inc();
            openSessions++;
            out.collect(event(EventKind.START, chunk.getTenantId(), chunk.getSessionId(), chunk.getSeq(),
                    chunk.getEventTime(), null, Map.of(), "", null));
        }
        // what text propositions see: the chunk and up to recent-text-chars before it, so a match
        // may start that far back, and a search costs no more than that plus the chunk
        String recentText = s.getSignals().getRecentText() + chunk.getText();
        Map<String, Double> signals = settings.signals().extract(chunk, s.getSignals());
        s.getStats().add(chunk, signals.getOrDefault(SignalNames.LATENCY_MS, Double.NaN));
        out.collect(event(EventKind.CHUNK, chunk.getTenantId(), chunk.getSessionId(), chunk.getSeq(),
                chunk.getEventTime(), chunk, signals, recentText, null));
        if (s.getStats().getWindowChunks() >= settings.metricsEvery()) {
            ctx.output(Tags.METRICS, s.getStats().closeWindow(chunk.getTenantId(), chunk.getSessionId(),
                    s.getOrder().getDuplicates(), s.getOrder().getMissing()));
        }
        if (chunk.getFinishReason() != null) {
            end(s, chunk.getSeq(), chunk.getEventTime().toEpochMilli(), chunk.getFinishReason().name(), ctx, out);
        }
    }

    private void end(SessionState s, long lastSeq, long at, String reason, Context ctx, Collector<SessionEvent> out) {
        if (s.isStarted()) {
            out.collect(event(EventKind.END, s.getTenantId(), s.getSessionId(), lastSeq, Instant.ofEpochMilli(at),
                    null, Map.of(), s.getSignals().getRecentText(), reason));
            ctx.output(Tags.METRICS, s.getStats().summary(s.getTenantId(), s.getSessionId(),
                    s.getOrder().getDuplicates(), s.getOrder().getMissing(), at, reason));
            openSessions--;
        }
        sessionsEnded.inc();
        s.end(lastSeq, at);
    }

    private static void schedule(SessionState s, TimerService timers, long at) {
        s.setTimerAt(at);
        timers.registerEventTimeTimer(at);
    }

    private void deadLetter(Context ctx, LlmChunk chunk, String reason) {
        deadLetters.inc();
        ctx.output(Tags.DEAD_LETTERS, DeadLetter.newBuilder()
                .setTopic("")
                .setPartition(-1)
                .setOffset(-1)
                .setTimestamp(chunk.getEventTime().toEpochMilli())
                .setKey(ByteBuffer.wrap(chunk.getSessionId().getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(ChunkCodec.encode(chunk)))
                .setReason(reason)
                .build());
    }

    private static SessionEvent event(EventKind kind, String tenant, String session, long seq, Instant time,
                                      LlmChunk chunk, Map<String, Double> signals, String recentText, String endReason) {
        return SessionEvent.newBuilder()
                .setKind(kind)
                .setTenantId(tenant)
                .setSessionId(session)
                .setSeq(seq)
                .setEventTime(time)
                .setChunk(chunk)
                .setSignals(signals)
                .setRecentText(recentText)
                .setEndReason(endReason)
                .build();
    }
}
