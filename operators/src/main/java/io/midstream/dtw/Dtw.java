package io.midstream.dtw;

import java.util.Arrays;

/**
 * Dynamic time warping with a Sakoe-Chiba band (Sakoe and Chiba, 1978): the least sum of local
 * costs along a warping path from (0, 0) to (n-1, m-1) whose cells keep |i - j| <= window; no
 * square root is taken. Infinity where no path fits the band (|n - m| > window).
 *
 * <p>Memory is O(window): only the band's cells of the previous and the current row are kept.
 * With a best-so-far, the computation is abandoned as soon as no path can beat it (early
 * abandoning of the UCR suite, Rakthanmanon et al., KDD 2012), optionally helped by a cumulative
 * lower bound of the rows still to come.
 */
public final class Dtw {
    private Dtw() {}

    /** The banded DTW distance; {@code window} >= max(n, m) is no band at all. */
    public static double distance(double[] a, double[] b, int window, LocalCost cost) {
        return distance(a, b, window, cost, Double.POSITIVE_INFINITY, null);
    }

    /**
     * The banded DTW distance, or infinity once it is known to be at least {@code abandonAt}.
     *
     * @param remaining null, or for each row i a lower bound of what rows i.. add to any path
     *                  ({@code remaining[n]} = 0), as the cumulative LB_Keogh contributions give it
     */
    public static double distance(double[] a, double[] b, int window, LocalCost cost, double abandonAt, double[] remaining) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            return n == m ? 0.0 : Double.POSITIVE_INFINITY;
        }
        int w = (int) Math.min(window, (long) Math.max(n, m));
        if (w < 0) {
            throw new IllegalArgumentException("window must be at least 0, got " + window);
        }
        if (Math.abs(n - m) > w) {
            return Double.POSITIVE_INFINITY;
        }
        // row i keeps cells j = i - w .. i + w at index j - i + w + 1; index 0 and 2w + 2 stay infinite
        int width = 2 * w + 3;
        double[] prev = new double[width];
        double[] cur = new double[width];
        Arrays.fill(prev, Double.POSITIVE_INFINITY);
        Arrays.fill(cur, Double.POSITIVE_INFINITY);
        prev[w + 1] = 0.0; // row -1: the diagonal predecessor of (0, 0), so the first cell needs no branch
        for (int i = 0; i < n; i++) {
            int jLo = Math.max(0, i - w);
            int jHi = Math.min(m - 1, i + w);
            double ai = a[i];
            double left = Double.POSITIVE_INFINITY; // the cell left of the band
            int kLo = jLo - i + w + 1;
            int k = kLo;
            for (int j = jLo; j <= jHi; j++, k++) {
                // diagonal (i-1, j-1) is prev[k], up (i-1, j) is prev[k + 1], left (i, j-1) the last cell;
                // comparisons, which C2 makes conditional moves, not Math.min, whose NaN and -0.0 rules
                // lengthen each cell's dependency on its left neighbour (3 times slower on AMD EPYC)
                double diag = prev[k];
                double up = prev[k + 1];
                double best = diag < up ? diag : up;
                best = best < left ? best : left;
                left = best + cost.of(ai, b[j]);
                cur[k] = left;
            }
            cur[k] = Double.POSITIVE_INFINITY; // the cell right of the band, read by the next row
            if (i == 0) {
                prev[w + 1] = Double.POSITIVE_INFINITY;
            }
            // the row's minimum only when it can abandon: the loop above is the whole cost otherwise
            if (abandonAt < Double.POSITIVE_INFINITY) {
                double rowMin = Double.POSITIVE_INFINITY;
                for (int c = kLo; c < k; c++) {
                    rowMin = Math.min(rowMin, cur[c]);
                }
                if (rowMin + (remaining == null ? 0.0 : remaining[i + 1]) >= abandonAt) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[(m - 1) - (n - 1) + w + 1];
    }
}
