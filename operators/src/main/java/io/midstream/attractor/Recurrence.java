package io.midstream.attractor;

/**
 * Whether a series repeats itself: mean((x[i+P] - x[i])^2) / (2 variance) at most a given error at
 * some lag P after the series has first decorrelated (the measure has reached 0.5), so that a smooth,
 * finely sampled signal does not count as returning one step later. A periodic series returns to
 * within its noise's share of the variance (exactly without noise); a quasi-periodic or chaotic one
 * only comes close, noise not at all (near 1). Each lag is abandoned as soon as its sum decides it.
 */
public final class Recurrence {
    private Recurrence() {}

    public static boolean returns(double[] x, int maxLag, double error) {
        double mean = Stats.mean(x);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        if (var == 0) {
            return true;
        }
        boolean decorrelated = false;
        for (int lag = 1; lag <= maxLag && lag < x.length; lag++) {
            double scale = (x.length - lag) * 2 * var;
            // until it has decorrelated, a lag only asks whether its error reaches 0.5; after, whether it stays under the error
            double limit = (decorrelated ? error : 0.5) * scale;
            double sq = 0;
            int i = 0;
            for (; i + lag < x.length && sq <= limit; i++) {
                double d = x[i + lag] - x[i];
                sq += d * d;
            }
            if (decorrelated && sq <= limit) {
                return true;
            }
            decorrelated |= sq >= 0.5 * scale;
        }
        return false;
    }
}
