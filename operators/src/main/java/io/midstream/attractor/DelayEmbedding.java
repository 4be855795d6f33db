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

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
