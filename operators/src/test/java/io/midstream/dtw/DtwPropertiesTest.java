package io.midstream.dtw;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.midstream.dtw.Reference.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DtwPropertiesTest {
    private static final double TOLERANCE = 1e-9;

    @Property
    void bandedDtwIsTheFullRecurrenceRestrictedToTheBand(
            @ForAll @Size(min = 1, max = 25) List<@DoubleRange(min = -5, max = 5) Double> a,
            @ForAll @Size(min = 1, max = 25) List<@DoubleRange(min = -5, max = 5) Double> b,
            @ForAll @IntRange(min = 0, max = 30) int window, @ForAll LocalCost cost) {
        assertIsTheFullRecurrenceRestrictedToTheBand(array(a), array(b), window, cost);
    }

    /** Long series in narrow bands: most rows are computed four at a time. */
    @Property
    void bandedDtwOfLongSeriesInNarrowBandsIsTheFullRecurrenceRestrictedToTheBand(
            @ForAll @Size(min = 20, max = 120) List<@DoubleRange(min = -5, max = 5) Double> a,
            @ForAll @IntRange(min = -6, max = 6) int lengthDifference,
            @ForAll @IntRange(min = 0, max = 12) int window, @ForAll LocalCost cost) {
        double[] x = array(a);
        double[] y = new double[x.length + lengthDifference];
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.sin(0.3 * j) * 3 - x[j % x.length] / 2;
        }
        assertIsTheFullRecurrenceRestrictedToTheBand(x, y, window, cost);
    }

    private static void assertIsTheFullRecurrenceRestrictedToTheBand(double[] a, double[] b, int window, LocalCost cost) {
        double expected = Reference.dtw(a, b, window, cost);
        double actual = Dtw.distance(a, b, window, cost);
        if (Double.isInfinite(expected)) {
            assertThat(actual).isInfinite();
        } else {
            assertThat(actual).isCloseTo(expected, within(TOLERANCE * (1 + expected)));
        }
    }

    @Property
    void everyLowerBoundIsAtMostTheDistance(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -5, max = 5) Double> a,
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -5, max = 5) Double> b,
            @ForAll @IntRange(min = 0, max = 10) int window, @ForAll LocalCost cost) {
        double[] x = array(a);
        double[] y = array(b);
        double d = Dtw.distance(x, y, window, cost);
        assertThat(LbKim.firstLast(x, y, cost)).isLessThanOrEqualTo(d + TOLERANCE);
        if (x.length == y.length) {
            assertThat(LbKeogh.bound(x, Envelope.of(y, window), cost)).isLessThanOrEqualTo(d + TOLERANCE);
            assertThat(LbKeogh.bound(y, Envelope.of(x, window), cost)).isLessThanOrEqualTo(d + TOLERANCE);
            Envelope envelope = Envelope.of(y, window);
            double keogh = LbKeogh.bound(x, envelope, cost);
            double improved = LbImproved.bound(x, y, envelope, keogh, window, cost, Double.POSITIVE_INFINITY);
            assertThat(improved).isBetween(keogh, d + TOLERANCE);
        }
    }

    @Property
    void earlyAbandoningGivesTheDistanceOrGivesUpOnlyAboveTheBest(
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -5, max = 5) Double> a,
            @ForAll @DoubleRange(min = 0, max = 40) double bestSoFar, @ForAll @IntRange(min = 0, max = 8) int window,
            @ForAll LocalCost cost) {
        double[] x = array(a);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i);
        }
        double[] contributions = new double[x.length];
        LbKeogh.bound(x, Envelope.of(y, window), cost, Double.POSITIVE_INFINITY, contributions);
        double[] remaining = new double[x.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            remaining[i] = remaining[i + 1] + contributions[i];
        }
        double exact = Dtw.distance(x, y, window, cost);
        double pruned = Dtw.distance(x, y, window, cost, bestSoFar, remaining);
        if (exact < bestSoFar - TOLERANCE) {
            assertThat(pruned).isCloseTo(exact, within(TOLERANCE));
        } else if (Double.isInfinite(pruned)) {
            assertThat(exact).isGreaterThanOrEqualTo(bestSoFar - TOLERANCE);
        }
    }

    @Property
    void theEnvelopeIsTheRunningMinimumAndMaximum(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -5, max = 5) Double> a,
            @ForAll @IntRange(min = 0, max = 50) int window) {
        double[] x = array(a);
        Envelope e = Envelope.of(x, window);
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - window); j <= Math.min(x.length - 1, i + window); j++) {
                max = Math.max(max, x[j]);
                min = Math.min(min, x[j]);
            }
            assertThat(e.upper()[i]).isEqualTo(max);
            assertThat(e.lower()[i]).isEqualTo(min);
        }
    }

    @Property(tries = 300)
    void theUcrSearchFindsWhatTheExhaustiveSearchFinds(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = -3, max = 3) Double> q,
            @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = -3, max = 3) Double> s,
            @ForAll @IntRange(min = 0, max = 4) int window, @ForAll LocalCost cost) {
        double[] query = array(q);
        double[] series = array(s);
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p + query.length <= series.length; p++) {
            best = Math.min(best, Dtw.distance(java.util.Arrays.copyOfRange(series, p, p + query.length), query, window, cost));
        }
        UcrSearch.Result r = UcrSearch.bestMatch(query, series, window, cost);
        if (Double.isInfinite(best)) {
            assertThat(r.position()).isEqualTo(-1);
        } else {
            assertThat(r.distance()).isCloseTo(best, within(TOLERANCE));
            double[] found = java.util.Arrays.copyOfRange(series, r.position(), r.position() + query.length);
            assertThat(Dtw.distance(found, query, window, cost)).isCloseTo(best, within(TOLERANCE));
        }
    }

    @Test
    void theUcrSearchPrunesMostWindowsOfALongSeries() {
        java.util.Random random = new java.util.Random(5);
        double[] series = new double[20_000];
        for (int i = 1; i < series.length; i++) {
            series[i] = series[i - 1] + random.nextGaussian();
        }
        double[] query = java.util.Arrays.copyOfRange(series, 12_345, 12_345 + 128);
        UcrSearch.Result r = UcrSearch.bestMatch(query, series, 12, LocalCost.SQUARED);
        assertThat(r.position()).isEqualTo(12_345);
        assertThat(r.distance()).isZero();
        long windows = series.length - query.length + 1;
        assertThat(r.prunedByKim() + r.prunedByKeoghQuery() + r.prunedByKeoghSeries()).isGreaterThan(windows / 2);
        // in bound order the copy, whose bound is 0, comes first, and its distance 0 ends the search
        assertThat(r.abandonedDtw() + r.fullDtw()).isEqualTo(1);
    }

    @Test
    void noPathFitsABandNarrowerThanTheDifferenceOfLengths() {
        assertThat(Dtw.distance(new double[] {1, 2, 3, 4}, new double[] {1}, 2, LocalCost.ABS)).isInfinite();
        assertThat(Dtw.distance(new double[] {1, 2, 3, 4}, new double[] {1}, 3, LocalCost.ABS)).isEqualTo(6.0);
        assertThat(Dtw.distance(new double[] {0, 1, 1, 2}, new double[] {0, 1, 2}, 1, LocalCost.SQUARED)).isZero();
    }
}
