package io.midstream.flink;

/**
 * One session's latest values of each watched signal, in rings of a fixed size, with their seqs,
 * and the class each was last found in. A Flink POJO, kept in keyed state.
 */
public class AttractorWindows {
    private double[][] values;
    private long[][] seqs;
    private int[] sizes;
    private int[] next;
    /** Ordinal of the class last found per watch, -1 before the first evaluation. */
    private int[] lastClass;
    private int sinceEvaluation;

    public AttractorWindows() {}

    AttractorWindows(int watches, int window) {
        values = new double[watches][window];
        seqs = new long[watches][window];
        sizes = new int[watches];
        next = new int[watches];
        lastClass = new int[watches];
        java.util.Arrays.fill(lastClass, -1);
    }

    void add(int watch, long seq, double value) {
        int at = next[watch];
        values[watch][at] = value;
        seqs[watch][at] = seq;
        int window = values[watch].length;
        next[watch] = at + 1 == window ? 0 : at + 1;
        sizes[watch] = Math.min(sizes[watch] + 1, window);
    }

    /** The watch's values, oldest first. */
    double[] series(int watch) {
        int size = sizes[watch];
        int window = values[watch].length;
        double[] out = new double[size];
        int start = (next[watch] - size + window) % window;
        for (int i = 0; i < size; i++) {
            out[i] = values[watch][(start + i) % window];
        }
        return out;
    }

    long oldestSeq(int watch) {
        int window = values[watch].length;
        return seqs[watch][(next[watch] - sizes[watch] + window) % window];
    }

    public double[][] getValues() { return values; }
    public void setValues(double[][] values) { this.values = values; }
    public long[][] getSeqs() { return seqs; }
    public void setSeqs(long[][] seqs) { this.seqs = seqs; }
    public int[] getSizes() { return sizes; }
    public void setSizes(int[] sizes) { this.sizes = sizes; }
    public int[] getNext() { return next; }
    public void setNext(int[] next) { this.next = next; }
    public int[] getLastClass() { return lastClass; }
    public void setLastClass(int[] lastClass) { this.lastClass = lastClass; }
    public int getSinceEvaluation() { return sinceEvaluation; }
    public void setSinceEvaluation(int sinceEvaluation) { this.sinceEvaluation = sinceEvaluation; }
}
