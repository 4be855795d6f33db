package io.midstream.dtw;

/**
 * LB_Kim in the UCR suite's constant-time form (Kim, Park and Chu, 2001; Rakthanmanon et al.,
 * KDD 2012): every warping path matches the first points to each other and the last points to
 * each other, so their costs bound the DTW distance from below.
 */
public final class LbKim {
    private LbKim() {}

    public static double firstLast(double[] a, double[] b, LocalCost cost) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        double first = cost.of(a[0], b[0]);
        if (a.length == 1 && b.length == 1) {
            return first; // one cell: first and last are the same
        }
        return first + cost.of(a[a.length - 1], b[b.length - 1]);
    }
}
