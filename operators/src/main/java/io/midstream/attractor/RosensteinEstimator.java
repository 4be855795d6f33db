package io.midstream.attractor;

/**
 * The largest Lyapunov exponent by Rosenstein, Collins and De Luca ("A practical method for
 * calculating largest Lyapunov exponents from small data sets", Physica D 65, 1993): each point's
 * nearest neighbour outside a Theiler window, the mean log distance of the pairs as both are
 * followed k steps on, and the slope of that divergence curve over its linear region.
 *
 * <p>The linear region is found without a person looking at the curve. It ends when the curve has
 * risen 65% of the way from its start to its plateau, before the attractor's folding bends it
 * over; it starts when the local slope (over an eighth of that rise time) has come down to within
 * 25% of the median local slope before that end, after the steep first steps in which neighbours
 * turn into the unstable direction.
 */
public final class RosensteinEstimator {
    static final double REGION_END = 0.65;
    static final double TRANSIENT = 1.25;

    private RosensteinEstimator() {}

    /** @param divergence the mean log distance after k steps; the fit used steps fitFrom..fitTo (exclusive) */
    public record Result(double perSample, double[] divergence, int fitFrom, int fitTo) {}

    public static Result estimate(double[] x, int m, int tau, int theiler, int maxSteps) {
        int points = Math.max(0, x.length - (m - 1) * tau);
        int steps = Math.min(maxSteps, points / 3);
        int limit = points - steps;
        if (steps < 4 || limit < 10) {
            return new Result(Double.NaN, new double[0], 0, 0);
        }
        int[] nearest = NearestNeighbours.of(x, m, tau, limit, theiler);
        double[] sum = new double[steps];
        int[] count = new int[steps];
        double[] pair = new double[steps + (m - 1) * tau];
        double[] sq = new double[steps];
        for (int i = 0; i < limit; i++) {
            int j = nearest[i];
            if (j < 0) {
                continue;
            }
            // the pair's squared distance after k steps sums m of its coordinate differences: square each once
            for (int t = 0; t < pair.length; t++) {
                double diff = x[i + t] - x[j + t];
                pair[t] = diff * diff;
            }
            System.arraycopy(pair, 0, sq, 0, steps);
            for (int d = 1; d < m; d++) {
                for (int k = 0, t = d * tau; k < steps; k++, t++) {
                    sq[k] += pair[t];
                }
            }
            for (int k = 0; k < steps; k++) {
                if (sq[k] > 0) {
                    sum[k] += FastLog.ln(sq[k]);
                    count[k]++;
                }
            }
        }
        double[] y = new double[steps];
        double[] ks = new double[steps];
        for (int k = 0; k < steps; k++) {
            y[k] = count[k] == 0 ? Double.NaN : 0.5 * sum[k] / count[k];
            ks[k] = k;
        }
        int[] region = linearRegion(y);
        int from = region[0];
        int to = region[1];
        return new Result(from < 0 ? 0.0 : Stats.slope(ks, y, from, to), y, from, to);
    }

    /** Steps from (inclusive) to (exclusive) of the curve's linear region, or -1s where the curve never rises. */
    static int[] linearRegion(double[] y) {
        double start = y[0];
        double plateau = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                plateau = Math.max(plateau, v);
            }
        }
        double rise = plateau - start;
        if (!(rise > 0)) {
            return new int[] {-1, -1};
        }
        int end = 0;
        while (end < y.length - 1 && !(y[end] >= start + REGION_END * rise)) {
            end++;
        }
        int w = Math.max(1, end / 8);
        int count = end - w;
        if (count < 2) {
            return new int[] {0, Math.max(2, end + 1)};
        }
        double[] slopes = new double[count];
        for (int k = 0; k < count; k++) {
            slopes[k] = (y[k + w] - y[k]) / w;
        }
        double[] sorted = slopes.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[count / 2];
        int from = 0;
        while (from < count - 1 && slopes[from] > TRANSIENT * median) {
            from++;
        }
        return new int[] {from, end + 1};
    }
}
