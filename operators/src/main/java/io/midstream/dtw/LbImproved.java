package io.midstream.dtw;

/**
 * LB_Improved (Lemire, "Faster retrieval with a two-pass dynamic-time-warping lower bound",
 * Pattern Recognition 42, 2009): LB_Keogh of x against y's envelope, plus LB_Keogh of y against the
 * envelope of x's projection onto y's envelope. Under a warping window it is at least LB_Keogh and
 * at most the DTW distance, for the sum of absolute and of squared local costs alike.
 */
public final class LbImproved {
    private LbImproved() {}

    /**
     * @param keogh     LB_Keogh of x against {@code yEnvelope}, already computed
     * @param abandonAt the second pass stops once the sum reaches it
     * @return the bound, or a value at least {@code abandonAt} once that is certain
     */
    public static double bound(double[] x, double[] y, Envelope yEnvelope, double keogh, int window, LocalCost cost, double abandonAt) {
        double[] upper = yEnvelope.upper();
        double[] lower = yEnvelope.lower();
        double[] projection = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            projection[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
        }
        return keogh + LbKeogh.bound(y, Envelope.of(projection, window), cost, abandonAt - keogh, null);
    }
}
