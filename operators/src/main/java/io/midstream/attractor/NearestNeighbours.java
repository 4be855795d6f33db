package io.midstream.attractor;

import java.util.Arrays;

/**
 * The nearest neighbour of every point of a delay embedding outside its Theiler window (Theiler,
 * 1986), the question of the divergence curve and of nearest-neighbour prediction. Few points are
 * compared pair by pair, each pair once for both of its points; many go to the k-d tree. A tree
 * query prunes well only where the previous answer's successor is close, as on a smooth trajectory;
 * on noise it visits most of a small tree at several times the cost of a comparison.
 */
final class NearestNeighbours {
    /**
     * Up to this many points per cell of a split along every axis, every pair is compared: a k-d
     * tree answers in logarithmic time only where the points far outnumber 2^m (Friedman, Bentley and
     * Finkel, ACM TOMS 3, 1977). Measured on fresh windows: in 3 dimensions pairs cost a third of the
     * tree's queries at 64 points and about the same at 256; at 512 the tree costs half on a flow and
     * as much on noise. On noise in 6 dimensions pairs cost half of the tree's queries at 1,000 points
     * (1.7 against 3.5 ms) and 0.8 of them at 2,000; in 8, a quarter to 0.4 of them. A flow pays for
     * being embedded in 6 (1.9 times the tree's cost at 1,000 points), but false nearest neighbours
     * embed flows in 3 or 4: more dimensions are what noise gets.
     */
    static final int PAIRWISE_PER_CELL = 32;

    private NearestNeighbours() {}

    /**
     * For each point i of 0..count-1 of the embedding of x in m dimensions with delay tau, the
     * nearest point j of 0..count-1 with |i - j| > theiler, or -1 where there is none.
     */
    static int[] of(double[] x, int m, int tau, int count, int theiler) {
        return of(x, m, tau, count, theiler, 1);
    }

    /** The k nearest of each point under the same exclusions: point i's at i k .. i k + k - 1, nearest first, -1 where fewer. */
    static int[] of(double[] x, int m, int tau, int count, int theiler, int k) {
        return fewPoints(m, count) ? pairwise(x, m, tau, count, theiler, k) : byTree(x, m, tau, count, theiler, k, 1);
    }

    /**
     * The nearest of points 0, stride, 2 stride, ... of 0..count-1 under the same exclusions (entry
     * q is point q stride's), among all of them: a statistic over the points needs only some of
     * them asked. Few points are each scanned, as comparing every pair would cost as much at a
     * stride of 2 and more above it.
     */
    static int[] ofEvery(double[] x, int m, int tau, int count, int theiler, int stride) {
        if (stride == 1) {
            return of(x, m, tau, count, theiler, 1);
        }
        if (!fewPoints(m, count)) {
            return byTree(x, m, tau, count, theiler, 1, stride);
        }
        int[] nearest = new int[(count + stride - 1) / stride];
        for (int q = 0; q < nearest.length; q++) {
            nearest[q] = scan(x, m, tau, count, theiler, q * stride);
        }
        return nearest;
    }

    private static boolean fewPoints(int m, int count) {
        return count <= PAIRWISE_PER_CELL << Math.min(m, 20);
    }

    /** The nearest point j to point q of 0..count-1 with |q - j| > theiler, or -1: the first of equals. */
    static int scan(double[] x, int m, int tau, int count, int theiler, int q) {
        int nearest = -1;
        double nearestSq = Double.POSITIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            if (Math.abs(j - q) > theiler) {
                double sq = DelayEmbedding.squaredDistance(x, q, j, m, tau);
                if (sq < nearestSq) {
                    nearest = j;
                    nearestSq = sq;
                }
            }
        }
        return nearest;
    }

    static int[] pairwise(double[] x, int m, int tau, int count, int theiler, int k) {
        int[] nearest = new int[count * k];
        Arrays.fill(nearest, -1);
        double[] bestSq = new double[count * k];
        Arrays.fill(bestSq, Double.POSITIVE_INFINITY);
        for (int i = 0; i < count; i++) {
            for (int j = i + theiler + 1; j < count; j++) {
                double sq = DelayEmbedding.squaredDistance(x, i, j, m, tau);
                KdTree.insert(nearest, bestSq, i * k, k, j, sq);
                KdTree.insert(nearest, bestSq, j * k, k, i, sq);
            }
        }
        return nearest;
    }

    /** The k nearest of points 0, stride, 2 stride, ...: each query starts from the previous answer's point as far on. */
    static int[] byTree(double[] x, int m, int tau, int count, int theiler, int k, int stride) {
        int queries = (count + stride - 1) / stride;
        int[] nearest = new int[queries * k];
        KdTree tree = new KdTree(x, m, tau, count);
        int j = -1;
        for (int q = 0; q < queries; q++) {
            tree.nearest(q * stride, theiler, count, j + stride, nearest, q * k, k);
            j = nearest[q * k];
        }
        return nearest;
    }
}
