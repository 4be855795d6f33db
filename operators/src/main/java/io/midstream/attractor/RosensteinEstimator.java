package io.midstream.attractor;

/**
 * The largest Lyapunov exponent by Rosenstein, Collins and De Luca ("A practical method for
 * calculating largest Lyapunov exponents from small data sets", Physica D 65, 1993): each point's
 * nearest neighbours outside a Theiler window, the mean log distance of the pairs as both are
 * followed k steps on, and the slope of that divergence curve.
 *
 * <p>Each point's {@link #NEIGHBOURS} nearest, not only the nearest, as Kantz (Phys. Lett. A 185,
 * 1994) averages over a neighbourhood: on a few dozen turns of a flow one pair per point leaves the
 * curve to a few close passes. On Lorenz at steps 0.01, 0.02, 0.05 and Rössler at 0.05, 0.1, 0.2
 * (seeds 1 to 16 x 2,000, 3,000, 5,000 samples) the exponent was within 15% of the published one in
 * 214 of 288 cases with one neighbour, 243 with 4 and 235 with 8 (farther neighbours saturate sooner:
 * Lorenz fell to a median of 0.86 at 2,000 samples).
 *
 * <p>The fitted region is fixed in the series' own time scale, its mean period (which Rosenstein et al. also
 * take for the Theiler window): from a tenth of it to two. Regions found from the curve's shape
 * (from where its initial steep rise ends to 65% of its rise) were measured against it on 864
 * divergence curves of Lorenz and Rössler at three steps each, 2,000 to 5,000 samples (docs/attractor.md):
 * on a few dozen turns the curves have no clean linear part to find, and the fixed region was
 * within 15% of the published exponent in 624 of them against 509.
 */
public final class RosensteinEstimator {
    /** Where the fit starts and ends, in mean periods. */
    static final double FIT_FROM = 0.1;
    static final double FIT_TO = 2;
    static final int NEIGHBOURS = 4;

    private RosensteinEstimator() {}

    /** @param divergence the mean log distance after k steps; the fit used steps fitFrom..fitTo (exclusive) */
    public record Result(double perSample, double[] divergence, int fitFrom, int fitTo) {}

    /**
     * @param meanPeriod the series' mean period in samples: the Theiler window and the time scale of the fit
     */
    public static Result estimate(double[] x, int m, int tau, int meanPeriod) {
        return estimate(x, m, tau, meanPeriod, neighbours(x, m, tau, meanPeriod));
    }

    /**
     * The {@link #NEIGHBOURS} nearest of every point with a value one delay past its last coordinate,
     * outside the Theiler window: the points whose successor {@link Determinism} predicts, so that one
     * search serves both (point i's at i NEIGHBOURS .. i NEIGHBOURS + NEIGHBOURS - 1, nearest first).
     */
    static int[] neighbours(double[] x, int m, int tau, int theiler) {
        return NearestNeighbours.of(x, m, tau, Math.max(0, x.length - m * tau), theiler, NEIGHBOURS);
    }

    /**
     * As Rosenstein et al. define the curve, each pair is followed as long as the series lasts, and
     * step k averages the pairs that reach it.
     *
     * @param nearest the series' {@link #neighbours}
     */
    static Result estimate(double[] x, int m, int tau, int meanPeriod, int[] nearest) {
        int points = Math.max(0, x.length - (m - 1) * tau);
        int steps = Math.min((int) Math.ceil(FIT_TO * meanPeriod) + 1, points / 3);
        if (steps < 4 || nearest.length < 10 * NEIGHBOURS) {
            return new Result(Double.NaN, new double[0], 0, 0);
        }
        double[] sum = new double[steps];
        int[] count = new int[steps];
        double[] pair = new double[steps + (m - 1) * tau];
        double[] sq = new double[steps];
        for (int n = 0; n < nearest.length; n++) {
            int i = n / NEIGHBOURS;
            int j = nearest[n];
            if (j < 0) {
                continue;
            }
            int follow = Math.min(steps, points - Math.max(i, j));
            // the pair's squared distance after k steps sums m of its coordinate differences: square each once
            for (int t = 0; t < follow + (m - 1) * tau; t++) {
                double diff = x[i + t] - x[j + t];
                pair[t] = diff * diff;
            }
            System.arraycopy(pair, 0, sq, 0, follow);
            for (int d = 1; d < m; d++) {
                for (int k = 0, t = d * tau; k < follow; k++, t++) {
                    sq[k] += pair[t];
                }
            }
            for (int k = 0; k < follow; k++) {
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
        int from = Math.min((int) (FIT_FROM * meanPeriod), steps - 3);
        return new Result(Stats.slope(ks, y, from, steps), y, from, steps);
    }
}
