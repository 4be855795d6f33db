package io.midstream.attractor;

import java.util.Random;

/**
 * A test of determinism against linear stochastic processes: the error of nearest-neighbour
 * prediction one delay ahead in the embedding (Farmer and Sidorowich, 1987; Sugihara and May,
 * 1990) on the series, divided by the same error on phase-randomised surrogates (Theiler et al.,
 * 1992), which share the series' power spectrum but nothing else. Deterministic dynamics are
 * predicted far better than their surrogates (ratio well under 1); noise, white or coloured, is not
 * (ratio near 1).
 */
public final class Determinism {
    private Determinism() {}

    /**
     * Over the whole series, not its last power of two of samples as when the surrogates' transform
     * needed one: of 500 samples of Lorenz that left 256, too few to predict from (docs/attractor.md).
     * A surrogate is predicted at most at {@code points} of its points, evenly spread (their nearest
     * neighbours sought among all): its error is a mean over the points, which 250 estimate to about
     * 5% (that of a Gaussian error's RMS), and its search was a quarter of an evaluation of 1,000 values.
     *
     * @param nearest the nearest neighbours of the series' first n - m tau points outside the Theiler
     *                window, k to a point ({@link RosensteinEstimator#neighbours}), of which the first is used
     */
    public static double ratio(double[] x, int m, int tau, int theiler, int[] nearest, int k, int surrogates, int points, long seed) {
        double data = predictionError(x, m, tau, nearest, k, 1);
        int count = nearest.length / k;
        int stride = Math.max(1, (count + points - 1) / points);
        double surrogate = 0;
        for (double[] y : Spectrum.phaseRandomised(x, surrogates, new Random(seed))) {
            surrogate += predictionError(y, m, tau, NearestNeighbours.ofEvery(y, m, tau, count, theiler, stride), 1, stride) / surrogates;
        }
        return surrogate == 0 ? (data == 0 ? 0 : 1) : data / surrogate;
    }

    /**
     * RMS error of predicting the value one delay past each embedding vector by that past its nearest
     * neighbour's. One delay, not one sample (Farmer and Sidorowich predict T steps ahead): a sample
     * ahead of a finely sampled flow is as easy to predict on a smooth surrogate, and Lorenz over 20
     * time units or Rössler under 10% noise passed for noise.
     *
     * @param nearest k neighbours of each of points 0, stride, 2 stride, ..., nearest first
     */
    static double predictionError(double[] y, int m, int tau, int[] nearest, int k, int stride) {
        int usable = nearest.length / k;
        if (usable < 10) {
            return Double.NaN;
        }
        double sq = 0;
        int count = 0;
        int ahead = m * tau;
        for (int q = 0; q < usable; q++) {
            int i = q * stride;
            int j = nearest[q * k];
            if (j >= 0) {
                double e = y[i + ahead] - y[j + ahead];
                sq += e * e;
                count++;
            }
        }
        return Math.sqrt(sq / count);
    }
}
