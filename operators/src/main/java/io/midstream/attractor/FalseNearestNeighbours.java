package io.midstream.attractor;

/**
 * The embedding dimension by false nearest neighbours (Kennel, Brown and Abarbanel, 1992): the
 * smallest m at which almost no nearest neighbour in m dimensions is torn apart by the (m+1)-th
 * coordinate, by the distance ratio test (Rtol) and the attractor-size test (Atol).
 */
public final class FalseNearestNeighbours {
    static final double R_TOL = 15;
    static final double A_TOL = 2;

    /**
     * The first queries scan the points instead of building a tree: where most neighbours are
     * false, as on noise and at the dimensions below a flow's, the count stops within a few queries,
     * and building the tree was a tenth of the operator's time on windows of 64 values of noise.
     */
    static final int SCANNED = 8;

    private FalseNearestNeighbours() {}

    /**
     * Whether at most {@code threshold} of the nearest neighbours at dimension m are false. The
     * count stops as soon as the falses found exceed the threshold's share of all points: at low
     * dimensions, where most neighbours are false, that is after a few dozen of the n queries.
     */
    static boolean fewFalse(double[] x, int m, int tau, double threshold) {
        int count = x.length - m * tau;
        if (count < 10) {
            return false;
        }
        KdTree tree = null;
        double size = Stats.sd(x);
        // more falses than this and the share is above the threshold however the rest turn out
        double most = threshold * count;
        int falses = 0;
        int counted = 0;
        int j = -1;
        for (int i = 0; i < count; i++) {
            if (i == SCANNED) {
                tree = new KdTree(x, m, tau, count);
            }
            j = tree == null ? NearestNeighbours.scan(x, m, tau, count, 0, i) : tree.nearest(i, 0, count, j + 1);
            if (j < 0) {
                continue;
            }
            double r = Math.sqrt(DelayEmbedding.squaredDistance(x, i, j, m, tau));
            double extra = Math.abs(x[i + m * tau] - x[j + m * tau]);
            counted++;
            if ((r > 0 ? extra / r > R_TOL : extra > 0) || Math.sqrt(r * r + extra * extra) / size > A_TOL) {
                if (++falses > most) {
                    return false;
                }
            }
        }
        return counted > 0 && falses <= threshold * counted;
    }

    /** The first m in 1..maxM with at most {@code threshold} false neighbours, else maxM. */
    public static int dimension(double[] x, int tau, int maxM, double threshold) {
        for (int m = 1; m < maxM; m++) {
            if (fewFalse(x, m, tau, threshold)) {
                return m;
            }
        }
        return maxM;
    }
}
