package io.midstream.dtw;

import java.util.Arrays;

/**
 * The best match of a query among all windows of its length in a longer series, by banded DTW,
 * with the UCR suite's bounds (Rakthanmanon et al., "Searching and mining trillions of time series
 * subsequences under dynamic time warping", KDD 2012) taken in the order of optimal multi-step
 * nearest-neighbour search (Seidl and Kriegel, SIGMOD 1998). LB_Kim and LB_Keogh against the
 * query's envelope are computed for every window first; then the windows go in ascending order of
 * that bound through LB_Keogh of the query against the series' envelope, LB_Improved (Lemire 2009)
 * and DTW abandoned early with the cumulative bound, until the next bound is no better than the best
 * distance found. A scan in series order starts from an infinite best-so-far and lowers it window by
 * window; in bound order the best comes among the first few, and most windows fall to their bound
 * alone. Every step only discards a window that cannot beat the best so far, so the distance is that
 * of the exhaustive search.
 *
 * <p>Unlike the UCR suite the windows are not z-normalised: the signals here have units (a
 * latency is in ms) and a pattern matches in level as well as in shape.
 */
public final class UcrSearch {
    private UcrSearch() {}

    /**
     * Where the best window starts, its distance, and how many windows each step pruned (a window
     * pruned by its first bounds counts for LB_Kim where that alone reached the best distance, for
     * the query's LB_Keogh otherwise). Of equally close windows, the first one refined.
     */
    public record Result(int position, double distance, long prunedByKim, long prunedByKeoghQuery,
                         long prunedByKeoghSeries, long prunedByImproved, long abandonedDtw, long fullDtw) {}

    /** @return position -1 and infinite distance where the series is shorter than the query */
    public static Result bestMatch(double[] query, double[] series, int window, LocalCost cost) {
        int n = query.length;
        int windows = Math.max(0, series.length - n + 1);
        int w = Math.min(window, n);
        Envelope queryEnvelope = Envelope.of(query, w);
        double[] candidate = new double[n];
        double[] kim = new double[windows];
        double[] keogh = new double[windows];
        // each window's bound, rounded down to a float, above its index: sorting these longs orders
        // the windows by bound (the bits of non-negative floats order as integers do)
        long[] order = new long[windows];
        for (int p = 0; p < windows; p++) {
            System.arraycopy(series, p, candidate, 0, n);
            kim[p] = LbKim.firstLast(candidate, query, cost);
            keogh[p] = LbKeogh.bound(candidate, queryEnvelope, cost);
            double bound = Math.max(kim[p], keogh[p]);
            float rounded = (float) bound;
            if (rounded > bound) {
                rounded = Math.nextDown(rounded);
            }
            order[p] = (long) Float.floatToIntBits(rounded) << 32 | p;
        }
        Arrays.sort(order);

        Envelope seriesEnvelope = Envelope.of(series, w);
        double[] contributions = new double[n];
        double[] remaining = new double[n + 1];
        double[] seriesUpper = new double[n];
        double[] seriesLower = new double[n];
        double best = Double.POSITIVE_INFINITY;
        int bestAt = -1;
        long[] byBound = new long[2]; // LB_Kim, the query's LB_Keogh
        long keoghSeries = 0;
        long improved = 0;
        long abandoned = 0;
        long full = 0;
        int k = 0;
        for (; k < windows && Float.intBitsToFloat((int) (order[k] >>> 32)) < best; k++) {
            int p = (int) order[k];
            if (Math.max(kim[p], keogh[p]) >= best) {
                byBound[kim[p] >= best ? 0 : 1]++;
                continue;
            }
            System.arraycopy(seriesEnvelope.upper(), p, seriesUpper, 0, n);
            System.arraycopy(seriesEnvelope.lower(), p, seriesLower, 0, n);
            if (LbKeogh.bound(query, new Envelope(seriesUpper, seriesLower), cost, best, null) >= best) {
                keoghSeries++;
                continue;
            }
            System.arraycopy(series, p, candidate, 0, n);
            if (LbImproved.bound(candidate, query, queryEnvelope, keogh[p], w, cost, best) >= best) {
                improved++;
                continue;
            }
            LbKeogh.bound(candidate, queryEnvelope, cost, Double.POSITIVE_INFINITY, contributions);
            remaining[n] = 0.0;
            for (int i = n - 1; i >= 0; i--) {
                remaining[i] = remaining[i + 1] + contributions[i];
            }
            double d = Dtw.distance(candidate, query, w, cost, best, remaining);
            if (d < best) {
                best = d;
                bestAt = p;
                full++;
            } else {
                abandoned++;
            }
        }
        for (int rest = k; rest < windows; rest++) {
            byBound[kim[(int) order[rest]] >= best ? 0 : 1]++;
        }
        return new Result(bestAt, best, byBound[0], byBound[1], keoghSeries, improved, abandoned, full);
    }
}
