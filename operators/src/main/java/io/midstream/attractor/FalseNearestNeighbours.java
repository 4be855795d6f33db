package io.midstream.attractor;

/**
 * The embedding dimension by false nearest neighbours (Kennel, Brown and Abarbanel, 1992): the
 * smallest m at which almost no nearest neighbour in m dimensions is torn apart by the (m+1)-th
 * coordinate, by the distance ratio test (Rtol) and the attractor-size test (Atol).
 */
public final class FalseNearestNeighbours {
    static final double R_TOL = 15;
    static final double A_TOL = 2;

    private FalseNearestNeighbours() {}

    /** The share of false nearest neighbours at dimension m. */
    public static double share(double[] x, int m, int tau) {
        int count = x.length - m * tau;
        if (count < 10) {
            return 1;
        }
        KdTree tree = new KdTree(x, m, tau, count);
        double size = Stats.sd(x);
        int falses = 0;
        int counted = 0;
        int j = -1;
        for (int i = 0; i < count; i++) {
            j = tree.nearest(i, 0, count, j + 1);
            if (j < 0) {
                continue;
            }
            double r = Math.sqrt(DelayEmbedding.squaredDistance(x, i, j, m, tau));
            double extra = Math.abs(x[i + m * tau] - x[j + m * tau]);
            counted++;
            if ((r > 0 ? extra / r > R_TOL : extra > 0) || Math.sqrt(r * r + extra * extra) / size > A_TOL) {
                falses++;
            }
        }
        return counted == 0 ? 1 : (double) falses / counted;
    }

    /** The first m in 1..maxM with at most {@code threshold} false neighbours, else maxM. */
    public static int dimension(double[] x, int tau, int maxM, double threshold) {
        for (int m = 1; m < maxM; m++) {
            if (share(x, m, tau) <= threshold) {
                return m;
            }
        }
        return maxM;
    }
}
