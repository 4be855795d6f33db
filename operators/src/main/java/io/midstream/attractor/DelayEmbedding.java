package io.midstream.attractor;

/** Delay-coordinate embedding (Takens, 1981): point i is (x[i], x[i + tau], ..., x[i + (m - 1) tau]). */
public final class DelayEmbedding {
    private DelayEmbedding() {}

    /** The points of the embedding; empty where the series is too short. */
    public static double[][] embed(double[] x, int m, int tau) {
        if (m < 1 || tau < 1) {
            throw new IllegalArgumentException("dimension and delay must be at least 1, got " + m + " and " + tau);
        }
        int count = Math.max(0, x.length - (m - 1) * tau);
        double[][] points = new double[count][m];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < m; d++) {
                points[i][d] = x[i + d * tau];
            }
        }
        return points;
    }

    /** sq[j] = squared distance of delay vectors i and j, for j in from..n-1: one coordinate at a time, a loop the JIT vectorises. */
    static void squaredDistances(double[] x, int i, int from, int n, int m, int tau, double[] sq) {
        java.util.Arrays.fill(sq, from, n, 0);
        for (int d = 0; d < m; d++) {
            addCoordinate(x, i, from, n, d * tau, sq);
        }
    }

    /** sq[j] += the squared difference of vectors i and j in the coordinate at offset, for j in from..n-1. */
    static void addCoordinate(double[] x, int i, int from, int n, int offset, double[] sq) {
        double xi = x[i + offset];
        for (int j = from; j < n; j++) {
            double diff = xi - x[j + offset];
            sq[j] += diff * diff;
        }
    }

    /** Squared distance of delay vectors i and j, without building them. */
    static double squaredDistance(double[] x, int i, int j, int m, int tau) {
        double s = 0;
        for (int d = 0, a = i, b = j; d < m; d++, a += tau, b += tau) {
            double diff = x[a] - x[b];
            s += diff * diff;
        }
        return s;
    }
}
