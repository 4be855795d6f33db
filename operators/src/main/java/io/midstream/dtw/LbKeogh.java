package io.midstream.dtw;

/**
 * LB_Keogh (Keogh and Ratanamahatana, 2005): a series of the same length as the one whose
 * envelope is given needs, under a warping window, at least the cost of each of its points to
 * the envelope. Early abandoning against a best-so-far, and the per-point contributions for the
 * cumulative bound that early-abandoning DTW uses (Rakthanmanon et al., KDD 2012).
 */
public final class LbKeogh {
    private LbKeogh() {}

    public static double bound(double[] x, Envelope envelope, LocalCost cost) {
        return bound(x, envelope, cost, Double.POSITIVE_INFINITY, null);
    }

    /**
     * @param contributions null, or receives each point's share of the bound
     * @return the bound, or a value at least {@code abandonAt} once that is certain
     */
    public static double bound(double[] x, Envelope envelope, LocalCost cost, double abandonAt, double[] contributions) {
        double[] upper = envelope.upper();
        double[] lower = envelope.lower();
        if (x.length != upper.length) {
            throw new IllegalArgumentException("LB_Keogh needs series of one length, got " + x.length + " and " + upper.length);
        }
        double sum = 0.0;
        for (int i = 0; i < x.length && sum < abandonAt; i++) {
            double v = x[i];
            double c = v > upper[i] ? cost.of(v, upper[i]) : v < lower[i] ? cost.of(v, lower[i]) : 0.0;
            if (contributions != null) {
                contributions[i] = c;
            }
            sum += c;
        }
        return sum;
    }
}
