package io.midstream.signals;

/** What the signals of one session remember between chunks. A Flink POJO, kept in keyed state. */
public class SignalMemory {
    private long previousEventTime = Long.MIN_VALUE;
    private NgramWindow ngrams;
    private String recentText = "";

    public SignalMemory() {}

    public SignalMemory(int ngramSize, int ngramWindow) {
        this.ngrams = new NgramWindow(ngramSize, ngramWindow);
    }

    public long getPreviousEventTime() { return previousEventTime; }
    public void setPreviousEventTime(long previousEventTime) { this.previousEventTime = previousEventTime; }
    public NgramWindow getNgrams() { return ngrams; }
    public void setNgrams(NgramWindow ngrams) { this.ngrams = ngrams; }
    public String getRecentText() { return recentText; }
    public void setRecentText(String recentText) { this.recentText = recentText; }
}
