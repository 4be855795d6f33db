package io.midstream.attractor;

/**
 * Average mutual information between a series and itself delayed (Fraser and Swinney, 1986), from
 * a histogram of equal-width bins; its first minimum is the usual embedding delay, with the lag at
 * which the autocorrelation falls under 1/e as the fallback.
 */
public final class MutualInformation {
    private MutualInformation() {}

    public static double at(double[] x, int lag, int bins) {
        int n = x.length - lag;
        if (n <= 0) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max == min) {
            return 0;
        }
        double scale = bins / (max - min) * (1 - 1e-12);
        int[] joint = new int[bins * bins];
        int[] a = new int[bins];
        int[] b = new int[bins];
        for (int i = 0; i < n; i++) {
            int p = (int) ((x[i] - min) * scale);
            int q = (int) ((x[i + lag] - min) * scale);
            joint[p * bins + q]++;
            a[p]++;
            b[q]++;
        }
        double mi = 0;
        for (int p = 0; p < bins; p++) {
            for (int q = 0; q < bins; q++) {
                int c = joint[p * bins + q];
                if (c > 0) {
                    mi += (double) c / n * Math.log((double) c * n / ((double) a[p] * b[q]));
                }
            }
        }
        return mi;
    }

    /**
     * The delay: the first local minimum of the AMI over lags 1..maxLag, or the first lag where the
     * autocorrelation falls under 1/e, whichever comes first. A map decorrelates within a step and
     * its AMI has no real minimum, only estimation noise at long lags: the autocorrelation names 1.
     */
    public static int delay(double[] x, int maxLag) {
        int acf = Autocorrelation.firstBelow(x, 1 / Math.E, maxLag);
        int bins = (int) Math.max(8, Math.min(64, Math.sqrt(x.length / 5.0)));
        double previous = at(x, 1, bins);
        for (int lag = 2; lag <= maxLag; lag++) {
            double current = at(x, lag, bins);
            if (current > previous) {
                return acf > 0 ? Math.min(acf, lag - 1) : lag - 1;
            }
            previous = current;
        }
        return acf > 0 ? acf : 1;
    }
}
