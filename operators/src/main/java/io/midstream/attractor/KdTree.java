package io.midstream.attractor;

/**
 * A k-d tree over the points of a delay embedding (Bentley, 1975) for nearest neighbours that skip
 * the point's own temporal neighbours (a Theiler window) and points past a limit: O(log n) per query
 * on low-dimensional attractors, instead of the O(n) of a scan. Points are read from the series
 * itself (coordinate d of point i is x[i + d tau]), so that no embedding is built.
 */
final class KdTree {
    /** Ranges this small are scanned: below it, descending costs more than comparing (windows of 64 are common). */
    private static final int LEAF = 16;

    private final double[] x;
    private final int tau;
    private final int dimension;
    private final int[] order;
    private final int[] axis;
    /** The coordinates in tree order, one point after another: a search reads them in sequence. */
    private final double[] coordinates;
    /** The query under way: its point, exclusions, best answers so far (nearest first) and offsets to the current cell. */
    private final double[] target;
    private int query;
    private int theiler;
    private int limit;
    private int seeded;
    private int[] best = new int[1];
    private double[] bestSq = new double[1];
    private final double[] offsets;

    /** The tree of points 0..count-1 of the embedding of x in m dimensions with delay tau. */
    KdTree(double[] x, int m, int tau, int count) {
        this.x = x;
        this.tau = tau;
        this.dimension = m;
        this.order = new int[count];
        this.axis = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        build(0, count);
        this.coordinates = new double[count * m];
        for (int i = 0, c = 0; i < count; i++) {
            for (int d = 0; d < m; d++) {
                coordinates[c++] = x[order[i] + d * tau];
            }
        }
        this.target = new double[m];
        this.offsets = new double[m];
    }

    private double coordinate(int point, int d) {
        return x[point + d * tau];
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int split = 0;
        double widest = -1;
        for (int d = 0; d < dimension; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = coordinate(order[i], d);
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
            double pivot = coordinate(order[(lo + hi) >>> 1], d);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (coordinate(order[i], d) < pivot) i++;
                while (coordinate(order[j], d) > pivot) j--;
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

    /**
     * The nearest point j to point q with |j - q| > theiler and j < limit, or -1, starting from a
     * candidate (or -1): its distance bounds the search from the first step. Queries along a
     * trajectory pass the successor of the previous answer, which is usually close (neighbours stay
     * neighbours for a step), and prune most of the tree. One query at a time: its state is kept in
     * the tree, so that a query allocates nothing.
     */
    int nearest(int q, int theiler, int limit, int candidate) {
        query(q, theiler, limit, candidate, 1);
        return best[0];
    }

    /**
     * The k nearest points to point q under the same exclusions, nearest first, into {@code out}
     * from {@code at}, -1 where there are fewer; the candidate only bounds the search sooner.
     */
    void nearest(int q, int theiler, int limit, int candidate, int[] out, int at, int k) {
        query(q, theiler, limit, candidate, k);
        System.arraycopy(best, 0, out, at, k);
    }

    private void query(int q, int theiler, int limit, int candidate, int k) {
        for (int d = 0; d < dimension; d++) {
            target[d] = coordinate(q, d);
        }
        query = q;
        this.theiler = theiler;
        this.limit = limit;
        if (best.length != k) {
            best = new int[k];
            bestSq = new double[k];
        }
        java.util.Arrays.fill(best, -1);
        java.util.Arrays.fill(bestSq, Double.POSITIVE_INFINITY);
        seeded = -1;
        if (candidate >= 0 && candidate < order.length && Math.abs(candidate - q) > theiler && candidate < limit) {
            seeded = candidate;
            insert(best, bestSq, 0, k, candidate, DelayEmbedding.squaredDistance(x, candidate, q, dimension, tau));
        }
        java.util.Arrays.fill(offsets, 0);
        search(0, order.length, 0);
    }

    /**
     * Descends to the nearer side first. {@code cellSq} is the squared distance from the target to
     * the range's cell, kept from the target's offset to the cell along each axis (Arya and Mount,
     * 1993): the far side is searched only when its cell can hold a closer point.
     */
    private void search(int lo, int hi, double cellSq) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                consider(i);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        consider(mid);
        int a = axis[mid];
        double diff = target[a] - coordinates[mid * dimension + a];
        double offset = offsets[a];
        double farSq = cellSq - offset * offset + diff * diff;
        boolean lowerIsNear = diff < 0;
        search(lowerIsNear ? lo : mid + 1, lowerIsNear ? mid : hi, cellSq);
        if (farSq < bestSq[bestSq.length - 1]) {
            offsets[a] = diff;
            search(lowerIsNear ? mid + 1 : lo, lowerIsNear ? hi : mid, farSq);
            offsets[a] = offset;
        }
    }

    /** The point at position i of the tree order. */
    private void consider(int i) {
        int p = order[i];
        if (Math.abs(p - query) > theiler && p < limit && p != seeded) {
            // every coordinate, without stopping once past the k-th best: the test in the loop cost
            // more than it saved, a fifth of the queries' time in 3 dimensions and half in 6
            double sq = 0;
            for (int d = 0, c = i * dimension; d < dimension; d++, c++) {
                double diff = coordinates[c] - target[d];
                sq += diff * diff;
            }
            insert(best, bestSq, 0, best.length, p, sq);
        }
    }

    /**
     * Point p at squared distance sq into the k best answers at {@code from} (nearest first) where
     * it is nearer than the last, after those as near or nearer: the first found of equals stays first.
     */
    static void insert(int[] best, double[] bestSq, int from, int k, int p, double sq) {
        int at = from + k - 1;
        if (!(sq < bestSq[at])) {
            return;
        }
        for (; at > from && bestSq[at - 1] > sq; at--) {
            bestSq[at] = bestSq[at - 1];
            best[at] = best[at - 1];
        }
        bestSq[at] = sq;
        best[at] = p;
    }
}
