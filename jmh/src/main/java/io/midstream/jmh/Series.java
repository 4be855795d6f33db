package io.midstream.jmh;

import java.util.Random;

/** Inputs of the benchmarks, made in setup so that the measured loop does only the work. */
final class Series {
    private Series() {}

    /** A Gaussian random walk: the usual input of DTW benchmarks. */
    static double[] randomWalk(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + random.nextGaussian();
        }
        return x;
    }

    static int[] tokens(int n, int vocabulary, long seed) {
        Random random = new Random(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(vocabulary);
        }
        return t;
    }
}
