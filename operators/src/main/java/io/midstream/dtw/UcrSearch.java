package io.midstream.dtw;

/**
 * The best match of a query among all windows of its length in a longer series, by banded DTW,
 * with the UCR suite's cascade of pruning (Rakthanmanon et al., "Searching and mining trillions
 * of time series subsequences under dynamic time warping", KDD 2012): LB_Kim, LB_Keogh of the
 * window against the query's envelope, LB_Keogh of the query against the series' envelope, then
 * DTW abandoned early with the cumulative bound of the first LB_Keogh. Every step only discards a
 * window that cannot beat the best so far, so the result is that of the exhaustive search.
 *
 * <p>Unlike the UCR suite the windows are not z-normalised: the signals here have units (a
 * latency is in ms) and a pattern matches in level as well as in shape.
 */
public final class UcrSearch {
    private UcrSearch() {}

    /** Where the best window starts, its distance, and how many windows each step pruned. */
    public record Result(int position, double distance, long prunedByKim, long prunedByKeoghQuery,
                         long prunedByKeoghSeries, long abandonedDtw, long fullDtw) {}

    /** @return position -1 and infinite distance where the series is shorter than the query */
    public static Result bestMatch(double[] query, double[] series, int window, LocalCost cost) {
        int n = query.length;
        int w = Math.min(window, n);
        Envelope queryEnvelope = Envelope.of(query, w);
        Envelope seriesEnvelope = Envelope.of(series, w);
        double[] candidate = new double[n];
        double[] contributions = new double[n];
        double[] remaining = new double[n + 1];
        double[] seriesUpper = new double[n];
        double[] seriesLower = new double[n];
        double best = Double.POSITIVE_INFINITY;
        int bestAt = -1;
        long kim = 0;
        long keoghQuery = 0;
        long keoghSeries = 0;
        long abandoned = 0;
        long full = 0;
        for (int p = 0; p + n <= series.length; p++) {
            System.arraycopy(series, p, candidate, 0, n);
            if (LbKim.firstLast(candidate, query, cost) >= best) {
                kim++;
                continue;
            }
            if (LbKeogh.bound(candidate, queryEnvelope, cost, best, contributions) >= best) {
                keoghQuery++;
                continue;
            }
            System.arraycopy(seriesEnvelope.upper(), p, seriesUpper, 0, n);
            System.arraycopy(seriesEnvelope.lower(), p, seriesLower, 0, n);
            if (LbKeogh.bound(query, new Envelope(seriesUpper, seriesLower), cost, best, null) >= best) {
                keoghSeries++;
                continue;
            }
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
        return new Result(bestAt, best, kim, keoghQuery, keoghSeries, abandoned, full);
    }
}
