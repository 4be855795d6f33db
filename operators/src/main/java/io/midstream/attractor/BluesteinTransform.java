package io.midstream.attractor;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The discrete Fourier transform of any length as a convolution, which power-of-two transforms
 * compute (Bluestein, "A linear filtering approach to the computation of the discrete Fourier
 * transform", 1970): commons-math transforms powers of two only, and a series cut to one loses up
 * to half of its samples. One instance per length keeps the chirp and its transform, which depend
 * on the length only, for every transform of that length, forward and inverse.
 */
final class BluesteinTransform {
    private final int n;
    /** The padded length of the convolution, 0 where n is a power of two and commons-math transforms directly. */
    private final int m;
    /** The chirp w_j = e^(-i pi j^2 / n) of the forward transform. */
    private final double[] chirpRe;
    private final double[] chirpIm;
    /** The transform of the conjugate chirp at lags -(n - 1) .. n - 1, wrapped around. */
    private final double[][] kernel;

    BluesteinTransform(int n) {
        this.n = n;
        if (Integer.bitCount(n) <= 1) {
            m = 0;
            chirpRe = chirpIm = null;
            kernel = null;
            return;
        }
        m = Integer.highestOneBit(2 * n - 1) << 1;
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int j = 0; j < n; j++) {
            // from j^2 mod 2n, so that the angle keeps its precision
            double angle = Math.PI * (double) ((long) j * j % (2L * n)) / n;
            chirpRe[j] = Math.cos(angle);
            chirpIm[j] = -Math.sin(angle);
        }
        kernel = new double[2][m];
        kernel[0][0] = 1;
        for (int j = 1; j < n; j++) {
            kernel[0][j] = kernel[0][m - j] = chirpRe[j];
            kernel[1][j] = kernel[1][m - j] = -chirpIm[j];
        }
        FastFourierTransformer.transformInPlace(kernel, DftNormalization.STANDARD, TransformType.FORWARD);
    }

    /**
     * The last instance asked for: an operator's windows, once full, are all of one length, and the
     * chirp and its transform were 3% of an evaluation of 1,000 values. Instances are
     * immutable, so threads may share one.
     */
    private static volatile BluesteinTransform last;

    /** An instance for length n: the last one where it has that length; a power of two keeps nothing. */
    static BluesteinTransform of(int n) {
        if (Integer.bitCount(n) <= 1) {
            return new BluesteinTransform(n);
        }
        BluesteinTransform t = last;
        if (t == null || t.n != n) {
            t = new BluesteinTransform(n);
            last = t;
        }
        return t;
    }

    /** The transform of {re, im} of any length in place, as {@link #transform}. */
    static void transformInPlace(double[][] f, TransformType type) {
        of(f[0].length).transform(f, type);
    }

    /**
     * The transform of {re, im} of this length in place: X_k = sum_t x_t e^(-2 pi i k t / n)
     * forward, and the inverse with 1 / n, as commons-math's standard normalisation. The inverse is
     * the conjugate of the forward transform of the conjugate, so that one chirp serves both.
     */
    void transform(double[][] f, TransformType type) {
        if (f[0].length != n) {
            throw new IllegalArgumentException("a transform of length " + n + " given " + f[0].length + " values");
        }
        if (m == 0) {
            FastFourierTransformer.transformInPlace(f, DftNormalization.STANDARD, type);
            return;
        }
        boolean inverse = type == TransformType.INVERSE;
        double conjugate = inverse ? -1 : 1;
        double[][] a = new double[2][m];
        for (int t = 0; t < n; t++) {
            double im = conjugate * f[1][t];
            a[0][t] = f[0][t] * chirpRe[t] - im * chirpIm[t];
            a[1][t] = f[0][t] * chirpIm[t] + im * chirpRe[t];
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < m; k++) {
            double re = a[0][k] * kernel[0][k] - a[1][k] * kernel[1][k];
            a[1][k] = a[0][k] * kernel[1][k] + a[1][k] * kernel[0][k];
            a[0][k] = re;
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.INVERSE);
        double scale = inverse ? 1.0 / n : 1;
        for (int k = 0; k < n; k++) {
            f[0][k] = scale * (a[0][k] * chirpRe[k] - a[1][k] * chirpIm[k]);
            f[1][k] = conjugate * scale * (a[0][k] * chirpIm[k] + a[1][k] * chirpRe[k]);
        }
    }
}
