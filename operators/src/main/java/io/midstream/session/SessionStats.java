package io.midstream.session;

import io.midstream.avro.LlmChunk;
import io.midstream.avro.SessionMetrics;
import org.HdrHistogram.IntCountsHistogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Counts of one session for {@link SessionMetrics}: totals, and a window of the latest chunks whose
 * inter-chunk latencies give exact percentiles. When a window closes, its latencies go into a
 * session-wide HdrHistogram (2 significant digits) that gives the final summary's percentiles;
 * the histogram is kept encoded, so state stays small and is touched once a window, not a chunk.
 *
 * <p>A Flink POJO, kept in keyed state.
 */
public class SessionStats {
    private static final long NONE = Long.MIN_VALUE;
    private static final int HIGHEST_LATENCY_MS = 3_600_000;

    private long chunks;
    private long tokens;
    private long requestTime = NONE;
    private long firstEventTime = NONE;
    private long lastEventTime = NONE;
    private long windowFirstSeq = NONE;
    private long windowLastSeq = NONE;
    private long windowChunks;
    private long windowTokens;
    /** Event time that the window's span starts at: the chunk before it, or the session's start. */
    private long windowStart = NONE;
    private int[] windowLatencies = new int[0];
    private int windowLatencyCount;
    private byte[] sessionLatencies = new byte[0];

    /** Counts a chunk released in seq order, with its gap to the previous chunk (NaN for the first). */
    public void add(LlmChunk chunk, double latencyMs) {
        long eventTime = chunk.getEventTime().toEpochMilli();
        if (chunks == 0) {
            firstEventTime = eventTime;
            if (chunk.getRequestTime() != null) {
                requestTime = chunk.getRequestTime().toEpochMilli();
            }
        }
        if (windowChunks == 0) {
            windowFirstSeq = chunk.getSeq();
            windowStart = lastEventTime != NONE ? lastEventTime : sessionStart();
        }
        chunks++;
        tokens += chunk.getTokenCount();
        windowChunks++;
        windowTokens += chunk.getTokenCount();
        windowLastSeq = chunk.getSeq();
        lastEventTime = Math.max(eventTime, lastEventTime);
        if (!Double.isNaN(latencyMs)) {
            if (windowLatencyCount == windowLatencies.length) {
                windowLatencies = Arrays.copyOf(windowLatencies, Math.max(8, windowLatencyCount * 2));
            }
            windowLatencies[windowLatencyCount++] = (int) Math.min(HIGHEST_LATENCY_MS, Math.max(0, Math.round(latencyMs)));
        }
    }

    public long getWindowChunks() { return windowChunks; }

    /** The metrics of the window so far, which starts a new window. */
    public SessionMetrics closeWindow(String tenant, String session, long duplicates, long missing) {
        SessionMetrics m = base(tenant, session, duplicates, missing, lastEventTime);
        int[] sorted = Arrays.copyOf(windowLatencies, windowLatencyCount);
        Arrays.sort(sorted);
        m.setLatencyP50Ms(sorted.length == 0 ? null : (double) sorted[nearestRank(0.50, sorted.length)]);
        m.setLatencyP99Ms(sorted.length == 0 ? null : (double) sorted[nearestRank(0.99, sorted.length)]);
        m.setTokensPerS(rate(windowTokens, windowStart, lastEventTime));
        foldWindowIntoSession();
        return m;
    }

    /** The session's summary at its end: the last window's counts, and percentiles and rate over the whole session. */
    public SessionMetrics summary(String tenant, String session, long duplicates, long missing,
                                  long endTime, String endReason) {
        SessionMetrics m = base(tenant, session, duplicates, missing, endTime);
        IntCountsHistogram all = foldWindowIntoSession();
        if (all.getTotalCount() > 0) {
            m.setLatencyP50Ms((double) all.getValueAtPercentile(50.0));
            m.setLatencyP99Ms((double) all.getValueAtPercentile(99.0));
        }
        m.setTokensPerS(rate(tokens, sessionStart(), lastEventTime));
        m.setIsFinal(true);
        m.setEndReason(endReason);
        return m;
    }

    private SessionMetrics base(String tenant, String session, long duplicates, long missing, long eventTime) {
        return SessionMetrics.newBuilder()
                .setTenantId(tenant)
                .setSessionId(session)
                .setEventTime(java.time.Instant.ofEpochMilli(eventTime == NONE ? 0 : eventTime))
                .setFirstSeq(windowChunks == 0 ? windowLastSeq : windowFirstSeq)
                .setLastSeq(windowLastSeq)
                .setWindowChunks(windowChunks)
                .setWindowTokens(windowTokens)
                .setChunks(chunks)
                .setTokens(tokens)
                .setTimeToFirstChunkMs(requestTime == NONE || firstEventTime == NONE ? null : firstEventTime - requestTime)
                .setDuplicates(duplicates)
                .setMissing(missing)
                .setScores(new HashMap<>())
                .setLabels(new HashMap<>())
                .build();
    }

    /** Adds the window's latencies to the session's histogram, starts a new window, and returns the histogram. */
    private IntCountsHistogram foldWindowIntoSession() {
        IntCountsHistogram all = sessionHistogram();
        if (windowLatencyCount > 0) {
            for (int i = 0; i < windowLatencyCount; i++) {
                all.recordValue(windowLatencies[i]);
            }
            ByteBuffer buffer = ByteBuffer.allocate(all.getNeededByteBufferCapacity());
            all.encodeIntoByteBuffer(buffer);
            sessionLatencies = Arrays.copyOf(buffer.array(), buffer.position());
        }
        windowChunks = 0;
        windowTokens = 0;
        windowLatencyCount = 0;
        return all;
    }

    private IntCountsHistogram sessionHistogram() {
        if (sessionLatencies.length == 0) {
            return new IntCountsHistogram(1, HIGHEST_LATENCY_MS, 2);
        }
        return IntCountsHistogram.decodeFromByteBuffer(ByteBuffer.wrap(sessionLatencies), HIGHEST_LATENCY_MS);
    }

    private long sessionStart() {
        return requestTime != NONE ? requestTime : firstEventTime;
    }

    private static Double rate(long tokens, long from, long to) {
        return from == NONE || to <= from ? null : tokens * 1000.0 / (to - from);
    }

    /** Index of the p-th quantile by the nearest-rank method. */
    private static int nearestRank(double p, int n) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }

    public long getChunks() { return chunks; }
    public void setChunks(long chunks) { this.chunks = chunks; }
    public long getTokens() { return tokens; }
    public void setTokens(long tokens) { this.tokens = tokens; }
    public long getRequestTime() { return requestTime; }
    public void setRequestTime(long requestTime) { this.requestTime = requestTime; }
    public long getFirstEventTime() { return firstEventTime; }
    public void setFirstEventTime(long firstEventTime) { this.firstEventTime = firstEventTime; }
    public long getLastEventTime() { return lastEventTime; }
    public void setLastEventTime(long lastEventTime) { this.lastEventTime = lastEventTime; }
    public long getWindowFirstSeq() { return windowFirstSeq; }
    public void setWindowFirstSeq(long windowFirstSeq) { this.windowFirstSeq = windowFirstSeq; }
    public long getWindowLastSeq() { return windowLastSeq; }
    public void setWindowLastSeq(long windowLastSeq) { this.windowLastSeq = windowLastSeq; }
    public void setWindowChunks(long windowChunks) { this.windowChunks = windowChunks; }
    public long getWindowTokens() { return windowTokens; }
    public void setWindowTokens(long windowTokens) { this.windowTokens = windowTokens; }
    public long getWindowStart() { return windowStart; }
    public void setWindowStart(long windowStart) { this.windowStart = windowStart; }
    public int[] getWindowLatencies() { return windowLatencies; }
    public void setWindowLatencies(int[] windowLatencies) { this.windowLatencies = windowLatencies; }
    public int getWindowLatencyCount() { return windowLatencyCount; }
    public void setWindowLatencyCount(int windowLatencyCount) { this.windowLatencyCount = windowLatencyCount; }
    public byte[] getSessionLatencies() { return sessionLatencies; }
    public void setSessionLatencies(byte[] sessionLatencies) { this.sessionLatencies = sessionLatencies; }
}
