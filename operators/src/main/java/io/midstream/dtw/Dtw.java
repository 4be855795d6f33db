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
    /** Rows computed together where the band is not clipped. */
    private static final int BLOCK = 4;
    /** Where a band's first cell is in its row's array: after room for a block's columns before it. */
    private static final int OFFSET = BLOCK - 1;

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
        // row i keeps cell j at index j - i + w + OFFSET: the band's cells, infinity around them
        double[] prev = new double[2 * w + BLOCK + 1];
        double[] cur = new double[prev.length];
        Arrays.fill(prev, Double.POSITIVE_INFINITY);
        Arrays.fill(cur, Double.POSITIVE_INFINITY);
        prev[w + OFFSET] = 0.0; // row -1: the diagonal predecessor of (0, 0), so the first cell needs no branch
        for (int i = 0; i < n; ) {
            // rows whose bands the series' ends do not clip go four at a time
            boolean block = i >= w && i + BLOCK - 1 + w < m && i + BLOCK <= n;
            int last = block ? i + BLOCK - 1 : i;
            int end = block ? block(a, b, i, w, prev, cur, cost) : row(a, b, i, w, prev, cur, cost);
            if (i == 0) {
                prev[w + OFFSET] = Double.POSITIVE_INFINITY;
            }
            // the row's minimum only when it can abandon: the loops above are the whole cost otherwise
            if (abandonAt < Double.POSITIVE_INFINITY) {
                double rowMin = Double.POSITIVE_INFINITY;
                for (int c = Math.max(0, last - w) - last + w + OFFSET; c < end; c++) {
                    rowMin = Math.min(rowMin, cur[c]);
                }
                if (rowMin + (remaining == null ? 0.0 : remaining[last + 1]) >= abandonAt) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
            i = last + 1;
        }
        return prev[(m - 1) - (n - 1) + w + OFFSET];
    }

    /** Row i into cur from row i - 1 in prev; the index past its last cell. */
    private static int row(double[] a, double[] b, int i, int w, double[] prev, double[] cur, LocalCost cost) {
        int jHi = Math.min(b.length - 1, i + w);
        double ai = a[i];
        double left = Double.POSITIVE_INFINITY; // the cell left of the band
        int j = Math.max(0, i - w);
        int k = j - i + w + OFFSET;
        for (; j <= jHi; j++, k++) {
            // diagonal (i-1, j-1) is prev[k], up (i-1, j) is prev[k + 1], left (i, j-1) the last cell
            left = cell(cost.of(ai, b[j]), prev[k], prev[k + 1], left);
            cur[k] = left;
        }
        cur[k] = Double.POSITIVE_INFINITY; // the cell right of the band, read by the next row
        return k;
    }

    /**
     * Rows i .. i + 3, none clipped by the series' ends, column by column, storing only the last
     * into cur: a row's cell waits only for the row above's in the same column and for its own left
     * one, so the four rows' chains of additions overlap, where a single row waits cell by cell.
     */
    private static int block(double[] a, double[] b, int i, int w, double[] prev, double[] cur, LocalCost cost) {
        double inf = Double.POSITIVE_INFINITY;
        double a0 = a[i];
        double a1 = a[i + 1];
        double a2 = a[i + 2];
        double a3 = a[i + 3];
        double d0 = inf; // each row's cell in the column before
        double d1 = inf;
        double d2 = inf;
        double d3 = inf;
        int jLo = i - w;
        int c = 0; // column j = i - w + c, in row r's band for c = r .. 2w + r
        // the first and last columns, where some rows are outside their band, and the columns between,
        // where none is: a flag the loop does not change, so the JIT compiles the loop without the tests
        for (int part = 0; part < 3; part++) {
            int end = part == 0 ? Math.min(BLOCK - 1, 2 * w) : part == 1 ? 2 * w : 2 * w + BLOCK;
            boolean edges = part != 1;
            for (; c < end; c++) {
                double bj = b[jLo + c];
                double c0 = edges && c > 2 * w ? inf : cell(cost.of(a0, bj), prev[c + OFFSET], prev[c + OFFSET + 1], d0);
                double c1 = edges && (c < 1 || c > 2 * w + 1) ? inf : cell(cost.of(a1, bj), d0, c0, d1);
                double c2 = edges && (c < 2 || c > 2 * w + 2) ? inf : cell(cost.of(a2, bj), d1, c1, d2);
                double c3 = edges && c < 3 ? inf : cell(cost.of(a3, bj), d2, c2, d3);
                cur[c] = c3; // index c - (BLOCK - 1) + OFFSET
                d0 = c0;
                d1 = c1;
                d2 = c2;
                d3 = c3;
            }
        }
        cur[2 * w + BLOCK] = inf; // the cell right of the last row's band
        return 2 * w + BLOCK;
    }

    /**
     * A cell from its local cost and its three predecessors, by comparisons, which C2 makes
     * conditional moves, not Math.min, whose NaN and -0.0 rules lengthen each cell's dependency on
     * its left neighbour (3 times slower on AMD EPYC).
     */
    private static double cell(double local, double diagonal, double up, double left) {
        double best = diagonal < up ? diagonal : up;
        best = best < left ? best : left;
        return best + local;
    }
}
