package io.midstream.signals;

import io.midstream.avro.LlmChunk;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a session's chunks, in seq order, into one value per signal per chunk: the numeric series
 * that the detectors work on. Upstream signals pass through; a computed signal of the same name
 * takes precedence, so that a producer cannot spoof, say, {@code repetition}.
 */
public final class SignalExtractor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int ngramSize;
    private final int ngramWindow;
    private final int recentTextChars;

    /**
     * @param ngramSize       words per n-gram for {@code repetition}
     * @param ngramWindow     how many of the session's latest n-grams a repeat is looked for in
     * @param recentTextChars how much of the session's latest text to keep for text propositions
     */
    public SignalExtractor(int ngramSize, int ngramWindow, int recentTextChars) {
        if (ngramSize < 1 || ngramWindow < 1 || recentTextChars < 0) {
            throw new IllegalArgumentException("n-gram size and window must be at least 1 and recent text at least 0");
        }
        this.ngramSize = ngramSize;
        this.ngramWindow = ngramWindow;
        this.recentTextChars = recentTextChars;
    }

    public SignalMemory newMemory() {
        return new SignalMemory(ngramSize, ngramWindow);
    }

    /** The signals of the next chunk of the session whose memory is given; updates the memory. */
    public Map<String, Double> extract(LlmChunk chunk, SignalMemory memory) {
        Map<String, Double> out = new HashMap<>(chunk.getSignals());
        String text = chunk.getText();
        double surprise = Surprise.of(chunk.getLogprobs());
        if (!Double.isNaN(surprise)) {
            out.put(SignalNames.SURPRISE, surprise);
        }
        long eventTime = chunk.getEventTime().toEpochMilli();
        if (memory.getPreviousEventTime() != Long.MIN_VALUE) {
            // producers' clocks can step back; a gap is never negative
            out.put(SignalNames.LATENCY_MS, (double) Math.max(0L, eventTime - memory.getPreviousEventTime()));
        }
        memory.setPreviousEventTime(Math.max(eventTime, memory.getPreviousEventTime()));
        out.put(SignalNames.TOKENS, (double) chunk.getTokenCount());
        out.put(SignalNames.REPETITION, memory.getNgrams().add(text));
        out.put(SignalNames.CHAR_ENTROPY, CharEntropy.of(text));
        memory.setRecentText(tail(memory.getRecentText() + text, recentTextChars));
        return out;
    }

    private static String tail(String s, int chars) {
        if (s.length() <= chars) {
            return s;
        }
        int from = s.length() - chars;
        // never start inside a surrogate pair
        return s.substring(Character.isLowSurrogate(s.charAt(from)) ? from + 1 : from);
    }
}
