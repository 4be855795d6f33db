package io.midstream.attractor;

/** The sample autocorrelation of a series, and the first lag at which it falls under a threshold. */
public final class Autocorrelation {
    private Autocorrelation() {}

    public static double at(double[] x, int lag) {
        int n = x.length;
        double mean = Stats.mean(x);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        if (var == 0 || lag >= n) {
            return 0;
        }
        double c = 0;
        for (int i = 0; i + lag < n; i++) {
            c += (x[i] - mean) * (x[i + lag] - mean);
        }
        return c / var;
    }

    /** The first lag in 1..maxLag where the autocorrelation is under the threshold, or -1. */
    public static int firstBelow(double[] x, double threshold, int maxLag) {
        for (int lag = 1; lag <= maxLag; lag++) {
            if (at(x, lag) < threshold) {
                return lag;
            }
        }
        return -1;
    }
}
