package io.midstream.dtw;

import java.util.Arrays;

/**
 * SPRING (Sakurai, Faloutsos and Yamamuro, "Stream monitoring under the time warping distance",
 * ICDE 2007): subsequence DTW of a query against a stream, one value at a time, in O(m) time and
 * memory for a query of length m. The subsequence time warping matrix lets a match start at any
 * position (d(t, 0) = 0) and carries each cell's start position along the best path, so after a
 * value at position t, {@link SpringState#getD()}[m] is the least DTW distance of any subsequence
 * ending at t and {@link SpringState#getS()}[m] where it starts.
 *
 * <p>With an epsilon, matches are reported as the paper's algorithm does: the best subsequence
 * under epsilon among a group of overlapping ones, once no cell can still improve on it or extend
 * the group; reported matches never overlap. Without one, the matrix is never pruned and the
 * distances are those of the plain recurrence.
 *
 * <p>DTW lets one stream value stand for a whole run of equal query values, so a pattern with a
 * plateau matches a stream that touches the plateau's level once. A minimum length makes only
 * subsequences of at least that many positions candidates; 1 is the paper's algorithm.
 */
public final class SpringMatcher {
    /** A reported match: stream positions start..end (inclusive) and its DTW distance. */
    public record Match(long start, long end, double distance) {}

    private final double[] query;
    private final LocalCost cost;
    private final double epsilon;
    private final long minLength;
    private final long version;

    /** @param epsilon the largest distance of a reported match, or NaN to report none */
    public SpringMatcher(double[] query, LocalCost cost, double epsilon) {
        this(query, cost, epsilon, 1);
    }

    /**
     * @param epsilon   the largest distance of a reported match, or NaN to report none
     * @param minLength the fewest stream positions a reported match spans
     */
    public SpringMatcher(double[] query, LocalCost cost, double epsilon, long minLength) {
        if (query.length == 0) {
            throw new IllegalArgumentException("the query must not be empty");
        }
        if (epsilon < 0) {
            throw new IllegalArgumentException("epsilon must be at least 0, got " + epsilon);
        }
        if (minLength < 1) {
            throw new IllegalArgumentException("a match spans at least 1 position, not " + minLength);
        }
        this.query = query.clone();
        this.cost = cost;
        this.epsilon = epsilon;
        this.minLength = minLength;
        this.version = Arrays.hashCode(new double[] {Arrays.hashCode(query), epsilon, minLength, cost.ordinal()});
    }

    public SpringState newState() {
        return new SpringState(query.length, version);
    }

    /** Whether a state was made for this query, epsilon and cost. */
    public boolean owns(SpringState state) {
        return state.getVersion() == version && state.getD().length == query.length + 1;
    }

    public int length() {
        return query.length;
    }

    /** Takes the value at stream position t (increasing); returns the match this lets SPRING report, or null. */
    public Match update(SpringState state, long t, double x) {
        double[] d = state.getD();
        long[] s = state.getS();
        int m = query.length;
        // in place: d[i] still holds column t - 1 until it is overwritten; left is column t's d[i - 1]
        double diag = d[0];
        long diagStart = s[0];
        double left = 0.0;
        long leftStart = t;
        d[0] = left;
        s[0] = leftStart;
        for (int i = 1; i <= m; i++) {
            double up = d[i];
            long upStart = s[i];
            // the paper's preference on ties: same column (left), then previous column (up), then diagonal
            double best = left;
            long start = leftStart;
            if (up < best) {
                best = up;
                start = upStart;
            }
            if (diag < best) {
                best = diag;
                start = diagStart;
            }
            left = best + cost.of(x, query[i - 1]);
            leftStart = start;
            d[i] = left;
            s[i] = start;
            diag = up;
            diagStart = upStart;
        }
        state.setBest(Math.min(state.getBest(), d[m]));
        return Double.isNaN(epsilon) ? null : report(state, t);
    }

    /** At the end of the stream: the candidate match still waiting, if any. */
    public Match finish(SpringState state) {
        if (Double.isNaN(epsilon) || state.getDmin() > epsilon) {
            return null;
        }
        Match match = new Match(state.getTs(), state.getTe(), state.getDmin());
        state.setDmin(Double.POSITIVE_INFINITY);
        return match;
    }

    private Match report(SpringState state, long t) {
        double[] d = state.getD();
        long[] s = state.getS();
        int m = query.length;
        Match match = null;
        if (state.getDmin() <= epsilon) {
            boolean settled = true;
            for (int i = 1; i <= m && settled; i++) {
                settled = d[i] >= state.getDmin() || s[i] > state.getTe();
            }
            if (settled) {
                match = new Match(state.getTs(), state.getTe(), state.getDmin());
                state.setDmin(Double.POSITIVE_INFINITY);
                // paths that overlap the reported match may not make another one
                for (int i = 1; i <= m; i++) {
                    if (s[i] <= state.getTe()) {
                        d[i] = Double.POSITIVE_INFINITY;
                    }
                }
            }
        }
        if (d[m] <= epsilon && d[m] < state.getDmin() && t - s[m] + 1 >= minLength) {
            state.setDmin(d[m]);
            state.setTs(s[m]);
            state.setTe(t);
        }
        return match;
    }
}
