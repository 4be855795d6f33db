package io.midstream.attractor;

/**
 * How nearly a series repeats itself: the least of mean((x[i+P] - x[i])^2) / (2 variance) over
 * lags P after the series has first decorrelated (the measure has reached 0.5), so that a smooth,
 * finely sampled signal does not count as returning one step later. A periodic series with a
 * little noise returns almost exactly (near 0); a quasi-periodic or chaotic one only comes close,
 * noise not at all (near 1). Infinity where the series never decorrelates within the lags.
 */
public final class Recurrence {
    private Recurrence() {}

    public static double bestReturnError(double[] x, int maxLag) {
        double mean = Stats.mean(x);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        if (var == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        boolean decorrelated = false;
        for (int lag = 1; lag <= maxLag; lag++) {
            double sq = 0;
            for (int i = 0; i + lag < x.length; i++) {
                double d = x[i + lag] - x[i];
                sq += d * d;
            }
            double error = sq / (x.length - lag) / (2 * var);
            if (decorrelated) {
                best = Math.min(best, error);
            }
            decorrelated |= error >= 0.5;
        }
        return best;
    }
}
