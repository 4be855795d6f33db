package io.midstream.dtw;

/**
 * The upper and lower envelope of a series for a warping window w: for each i, the maximum and
 * the minimum of x[i-w .. i+w]. Computed in O(n) with Lemire's streaming min-max algorithm
 * (Lemire, "Faster retrieval with a two-pass dynamic-time-warping lower bound", 2009).
 */
public record Envelope(double[] upper, double[] lower) {

    public static Envelope of(double[] x, int window) {
        int n = x.length;
        int w = Math.min(Math.max(window, 0), Math.max(n - 1, 0));
        double[] upper = new double[n];
        double[] lower = new double[n];
        // monotone deques of indexes, as rings of n + 1
        int[] maxQ = new int[n + 1];
        int[] minQ = new int[n + 1];
        int maxHead = 0;
        int maxTail = 0;
        int minHead = 0;
        int minTail = 0;
        for (int i = 0; i < n + w; i++) {
            if (i < n) {
                while (maxTail > maxHead && x[maxQ[maxTail - 1]] <= x[i]) {
                    maxTail--;
                }
                maxQ[maxTail++] = i;
                while (minTail > minHead && x[minQ[minTail - 1]] >= x[i]) {
                    minTail--;
                }
                minQ[minTail++] = i;
            }
            int center = i - w;
            if (center >= 0) {
                while (maxQ[maxHead] < center - w) {
                    maxHead++;
                }
                while (minQ[minHead] < center - w) {
                    minHead++;
                }
                upper[center] = x[maxQ[maxHead]];
                lower[center] = x[minQ[minHead]];
            }
        }
        return new Envelope(upper, lower);
    }
}
