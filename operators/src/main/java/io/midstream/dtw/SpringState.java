package io.midstream.dtw;

import java.util.Arrays;

/**
 * SPRING's memory for one query over one stream: the last column of the subsequence time warping
 * matrix (distances and start positions) and the candidate match not yet reported. A Flink POJO,
 * kept in keyed state; {@link SpringMatcher} holds the query and works on it.
 */
public class SpringState {
    private double[] d;
    private long[] s;
    private double dmin = Double.POSITIVE_INFINITY;
    private long ts = -1;
    private long te = -1;
    /** The least distance of any subsequence so far: how close the stream has come to the query. */
    private double best = Double.POSITIVE_INFINITY;
    /** The query this state belongs to, so that a replaced query starts afresh. */
    private long version;

    public SpringState() {}

    SpringState(int m, long version) {
        this.d = new double[m + 1];
        this.s = new long[m + 1];
        Arrays.fill(d, 1, m + 1, Double.POSITIVE_INFINITY);
        this.version = version;
    }

    public double[] getD() { return d; }
    public void setD(double[] d) { this.d = d; }
    public long[] getS() { return s; }
    public void setS(long[] s) { this.s = s; }
    public double getDmin() { return dmin; }
    public void setDmin(double dmin) { this.dmin = dmin; }
    public long getTs() { return ts; }
    public void setTs(long ts) { this.ts = ts; }
    public long getTe() { return te; }
    public void setTe(long te) { this.te = te; }
    public double getBest() { return best; }
    public void setBest(double best) { this.best = best; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
