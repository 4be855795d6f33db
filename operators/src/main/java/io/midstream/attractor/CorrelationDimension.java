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
 * 10%, where the local slope varies least. As Grassberger and Procaccia read it, the slope is a
 * dimension only where it saturates: where embedding one dimension up no longer raises it.
 */
public final class CorrelationDimension {
    private static final int BINS_PER_E = 20;
    private static final int BINS = 16 * BINS_PER_E;
    private static final double MIN_SPAN = Math.log(4);
    /** How much the estimate may grow from one dimension to the next and still have saturated: the accuracy asked of it. */
    static final double SATURATION = 0.1;
    private static final double MIN_GROWTH = 0.1;

    private CorrelationDimension() {}

    /**
     * The correlation dimension where it saturates across embedding dimensions: from m on, the first
     * dimension d whose estimate the one in d + 1 (at most maxM) confirms, growing by at most
     * {@link #SATURATION} of it or 0.1; of the two, the larger: too few dimensions can only flatten
     * the attractor (Lorenz's 2.07 reads about 1.8 in 2), and in the higher one the same points are
     * sparser, which lowers its estimate. NaN where none is confirmed, as for noise, which fills
     * every dimension it is embedded in.
     */
    public static double saturated(double[] x, int m, int maxM, int tau, int theiler, int references) {
        if (m >= maxM) {
            return Double.NaN;
        }
        double[] pair = estimates(x, m, m + 1, tau, theiler, references);
        double current = pair[0];
        double next = pair[1];
        for (int d = m + 1; ; d++) {
            if (next - current <= Math.max(SATURATION * current, MIN_GROWTH)) {
                return Math.max(current, next);
            }
            if (d >= maxM) {
                return Double.NaN;
            }
            current = next;
            next = estimates(x, d + 1, d + 1, tau, theiler, references)[0];
        }
    }

    /** The correlation dimension in m dimensions, without the saturation check. */
    public static double estimate(double[] x, int m, int tau, int theiler, int references) {
        return estimates(x, m, m, tau, theiler, references)[0];
    }

    /**
     * The estimates in dimensions from..to (entry d - from is dimension d's), from one pass over the
     * same pairs: a pair's squared distance in d + 1 dimensions is its distance in d plus one
     * coordinate, so each further dimension costs one coordinate and one logarithm per pair.
     */
    static double[] estimates(double[] x, int from, int to, int tau, int theiler, int references) {
        double[] out = new double[to - from + 1];
        int n = x.length - (to - 1) * tau;
        if (n < 20) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double top = Math.log((max - min) * Math.sqrt(to)) + 1e-9;
        double bottom = top - (double) BINS / BINS_PER_E;
        long[][] histograms = new long[out.length][BINS + 1];
        long pairs = 0;
        int step = Math.max(1, (n + references - 1) / references);
        double[] sq = new double[n];
        for (int i = 0; i < n; i += step) {
            int first = i + theiler + 1;
            if (first >= n) {
                break;
            }
            DelayEmbedding.squaredDistances(x, i, first, n, from, tau, sq);
            for (int d = from; d <= to; d++) {
                if (d > from) {
                    DelayEmbedding.addCoordinate(x, i, first, n, (d - 1) * tau, sq);
                }
                long[] histogram = histograms[d - from];
                for (int j = first; j < n; j++) {
                    histogram[bin(sq[j], bottom)]++;
                }
            }
            pairs += n - first;
        }
        for (int d = 0; d < out.length; d++) {
            out[d] = pairs == 0 ? Double.NaN : slope(histograms[d], pairs, bottom);
        }
        return out;
    }

    /** The slope of log C(r) over the scaling region of one dimension's histogram of log distances. */
    private static double slope(long[] histogram, long pairs, double bottom) {
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
