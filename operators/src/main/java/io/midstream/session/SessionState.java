package io.midstream.session;

import io.midstream.signals.SignalMemory;

/**
 * All that is kept for one session between its chunks. Once the session has ended only the order
 * and the flags are kept, until the retention runs out, so that retried chunks are recognised.
 *
 * <p>A Flink POJO, kept in keyed state.
 */
public class SessionState {
    public static final long NONE = Long.MIN_VALUE;

    private String tenantId;
    private String sessionId;
    private SeqOrder order = new SeqOrder();
    private SignalMemory signals;
    private SessionStats stats = new SessionStats();
    private boolean started;
    private boolean ended;
    /** The largest event time of any chunk that arrived, released or waiting. */
    private long lastActivity = NONE;
    private long endedAt = NONE;
    private long finalSeq = NONE;
    /** The event-time timer that is registered, if any: at most one is, so chunks never add timers. */
    private long timerAt = NONE;

    public SessionState() {}

    public static SessionState open(SessionSettings settings, String tenantId, String sessionId) {
        SessionState s = new SessionState();
        s.tenantId = tenantId;
        s.sessionId = sessionId;
        s.signals = settings.signals().newMemory();
        return s;
    }

    /** Marks the session ended and drops what only a live session needs. */
    public void end(long lastSeq, long at) {
        ended = true;
        finalSeq = lastSeq;
        endedAt = at;
        signals = null;
        stats = null;
    }

    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public SeqOrder getOrder() { return order; }
    public void setOrder(SeqOrder order) { this.order = order; }
    public SignalMemory getSignals() { return signals; }
    public void setSignals(SignalMemory signals) { this.signals = signals; }
    public SessionStats getStats() { return stats; }
    public void setStats(SessionStats stats) { this.stats = stats; }
    public boolean isStarted() { return started; }
    public void setStarted(boolean started) { this.started = started; }
    public boolean isEnded() { return ended; }
    public void setEnded(boolean ended) { this.ended = ended; }
    public long getLastActivity() { return lastActivity; }
    public void setLastActivity(long lastActivity) { this.lastActivity = lastActivity; }
    public long getEndedAt() { return endedAt; }
    public void setEndedAt(long endedAt) { this.endedAt = endedAt; }
    public long getFinalSeq() { return finalSeq; }
    public void setFinalSeq(long finalSeq) { this.finalSeq = finalSeq; }
    public long getTimerAt() { return timerAt; }
    public void setTimerAt(long timerAt) { this.timerAt = timerAt; }
}
