package io.midstream.attractor;

/**
 * The correlation dimension by Grassberger and Procaccia ("Characterization of strange
 * attractors", PRL 50, 1983): the correlation sum C(r), the share of pairs of points closer than
 * r, with pairs closer in time than a Theiler window left out (Theiler, 1986), and the slope of
 * log C(r) against log r over its scaling region.
 *
 * <p>C(r) is counted for all radii at once from a histogram of log distances; pairs are taken from
 * up to {@code references} reference points against all later ones, O(n references). The scaling
 * region is the span of log r, at least a factor of 4 wide, with C(r) between 20 pairs' worth and
 * 10%, where the local slope varies least.
 */
public final class CorrelationDimension {
    private static final int BINS_PER_E = 20;
    private static final int BINS = 16 * BINS_PER_E;
    private static final double MIN_SPAN = Math.log(4);

    private CorrelationDimension() {}

    public static double estimate(double[] x, int m, int tau, int theiler, int references) {
        int n = x.length - (m - 1) * tau;
        if (n < 20) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double top = Math.log((max - min) * Math.sqrt(m)) + 1e-9;
        double bottom = top - (double) BINS / BINS_PER_E;
        long[] histogram = new long[BINS + 1];
        long pairs = 0;
        int step = Math.max(1, (n + references - 1) / references);
        double[] sq = new double[n];
        for (int i = 0; i < n; i += step) {
            int from = i + theiler + 1;
            if (from >= n) {
                break;
            }
            DelayEmbedding.squaredDistances(x, i, from, n, m, tau, sq);
            for (int j = from; j < n; j++) {
                histogram[bin(sq[j], bottom)]++;
            }
            pairs += n - from;
        }
        if (pairs == 0) {
            return Double.NaN;
        }
        // log C at r = exp(bottom + b / BINS_PER_E): pairs whose log distance is at most that
        double[] logR = new double[BINS + 1];
        double[] logC = new double[BINS + 1];
        long cumulative = 0;
        for (int b = 0; b <= BINS; b++) {
            cumulative += histogram[b];
            logR[b] = bottom + (double) b / BINS_PER_E;
            logC[b] = cumulative == 0 ? Double.NaN : FastLog.ln((double) cumulative / pairs);
        }
        double lowest = Math.log(20.0 / pairs);
        double highest = Math.log(0.1);
        int width = (int) Math.ceil(MIN_SPAN * BINS_PER_E);
        int slopeWindow = BINS_PER_E / 2;
        // local slopes over half an e-fold, and their running sums, for the spread of any span in O(1)
        int count = BINS + 1 - slopeWindow;
        double[] sum = new double[count + 1];
        double[] sumSq = new double[count + 1];
        for (int b = 0; b < count; b++) {
            double slope = (logC[b + slopeWindow] - logC[b]) * BINS_PER_E / slopeWindow;
            // bins below the first pair are never inside a span that starts at 20 pairs or more
            double s = Double.isFinite(slope) ? slope : 0;
            sum[b + 1] = sum[b] + s;
            sumSq[b + 1] = sumSq[b] + s * s;
        }
        int k = width - slopeWindow + 1;
        double bestSpread = Double.POSITIVE_INFINITY;
        int bestFrom = -1;
        for (int from = 0; from + width <= BINS; from++) {
            if (!(logC[from] >= lowest) || !(logC[from + width] <= highest)) {
                continue;
            }
            double mean = (sum[from + k] - sum[from]) / k;
            double spread = (sumSq[from + k] - sumSq[from]) / k - mean * mean;
            if (spread < bestSpread) {
                bestSpread = spread;
                bestFrom = from;
            }
        }
        if (bestFrom < 0) {
            return Double.NaN;
        }
        return Stats.slope(logR, logC, bestFrom, bestFrom + width + 1);
    }

    /** The bin of the smallest radius at or above sqrt(sq): ln d = ln(d^2) / 2. */
    private static int bin(double sq, double bottom) {
        double position = sq <= 0 ? 0 : Math.max(0, Math.min(BINS, (0.5 * FastLog.ln(sq) - bottom) * BINS_PER_E));
        int floor = (int) position;
        // Math.ceil is not an intrinsic on every CPU; position is never negative
        return floor < position ? floor + 1 : floor;
    }
}
