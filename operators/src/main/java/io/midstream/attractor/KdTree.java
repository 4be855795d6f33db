package io.midstream.attractor;

/**
 * A k-d tree over the points of an embedding (Bentley, 1975) for nearest neighbours that skip the
 * point's own temporal neighbours (a Theiler window) and points past a limit: O(log n) per query on
 * low-dimensional attractors, instead of the O(n) of a scan.
 */
final class KdTree {
    /** Ranges this small are scanned: below it, descending costs more than comparing (windows of 64 are common). */
    private static final int LEAF = 16;

    private final double[][] points;
    private final int[] order;
    private final int[] axis;

    KdTree(double[][] points) {
        this.points = points;
        this.order = new int[points.length];
        this.axis = new int[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        build(0, order.length);
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int dim = points[order[lo]].length;
        int split = 0;
        double widest = -1;
        for (int d = 0; d < dim; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i]][d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > widest) {
                widest = max - min;
                split = d;
            }
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, split);
        axis[mid] = split;
        build(lo, mid);
        build(mid + 1, hi);
    }

    /** Quickselect: order[k] gets the point that would be there sorted along the axis. */
    private void select(int lo, int hi, int k, int d) {
        while (lo < hi) {
            double pivot = points[order[(lo + hi) >>> 1]][d];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[order[i]][d] < pivot) i++;
                while (points[order[j]][d] > pivot) j--;
                if (i <= j) {
                    int t = order[i];
                    order[i++] = order[j];
                    order[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** The nearest point j to point q with |j - q| > theiler and j < limit, or -1. */
    int nearest(int q, int theiler, int limit) {
        Search s = new Search(points[q], q, theiler, limit);
        search(0, order.length, s);
        return s.best;
    }

    private static final class Search {
        final double[] target;
        final int q;
        final int theiler;
        final int limit;
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;

        Search(double[] target, int q, int theiler, int limit) {
            this.target = target;
            this.q = q;
            this.theiler = theiler;
            this.limit = limit;
        }
    }

    private void search(int lo, int hi, Search s) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                consider(order[i], s);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int p = order[mid];
        consider(p, s);
        double diff = s.target[axis[mid]] - points[p][axis[mid]];
        if (diff < 0) {
            search(lo, mid, s);
            if (diff * diff < s.bestSq) {
                search(mid + 1, hi, s);
            }
        } else {
            search(mid + 1, hi, s);
            if (diff * diff < s.bestSq) {
                search(lo, mid, s);
            }
        }
    }

    private void consider(int p, Search s) {
        if (Math.abs(p - s.q) > s.theiler && p < s.limit) {
            double sq = 0;
            double[] v = points[p];
            for (int d = 0; d < v.length && sq < s.bestSq; d++) {
                double diff = v[d] - s.target[d];
                sq += diff * diff;
            }
            if (sq < s.bestSq) {
                s.bestSq = sq;
                s.best = p;
            }
        }
    }
}
