package io.midstream.attractor;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The discrete Fourier transform of any length as a convolution, which power-of-two transforms
 * compute (Bluestein, "A linear filtering approach to the computation of the discrete Fourier
 * transform", 1970): commons-math transforms powers of two only, and a series cut to one loses up
 * to half of its samples.
 */
final class BluesteinTransform {
    private BluesteinTransform() {}

    /**
     * The transform of {re, im} in place: X_k = sum_t x_t e^(-2 pi i k t / n) forward, and the
     * inverse with 1 / n, as commons-math's standard normalisation.
     */
    static void transformInPlace(double[][] f, TransformType type) {
        int n = f[0].length;
        if (Integer.bitCount(n) <= 1) {
            FastFourierTransformer.transformInPlace(f, DftNormalization.STANDARD, type);
            return;
        }
        double sign = type == TransformType.FORWARD ? -1 : 1;
        // chirp w_j = e^(sign i pi j^2 / n), from j^2 mod 2n so that the angle keeps its precision
        double[] chirpRe = new double[n];
        double[] chirpIm = new double[n];
        for (int j = 0; j < n; j++) {
            double angle = Math.PI * (double) ((long) j * j % (2L * n)) / n;
            chirpRe[j] = Math.cos(angle);
            chirpIm[j] = sign * Math.sin(angle);
        }
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        double[][] a = new double[2][m];
        for (int t = 0; t < n; t++) {
            a[0][t] = f[0][t] * chirpRe[t] - f[1][t] * chirpIm[t];
            a[1][t] = f[0][t] * chirpIm[t] + f[1][t] * chirpRe[t];
        }
        // the conjugate chirp at lags -(n - 1) .. n - 1, wrapped around
        double[][] b = new double[2][m];
        b[0][0] = 1;
        for (int j = 1; j < n; j++) {
            b[0][j] = b[0][m - j] = chirpRe[j];
            b[1][j] = b[1][m - j] = -chirpIm[j];
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.FORWARD);
        FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < m; k++) {
            double re = a[0][k] * b[0][k] - a[1][k] * b[1][k];
            a[1][k] = a[0][k] * b[1][k] + a[1][k] * b[0][k];
            a[0][k] = re;
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.INVERSE);
        double scale = type == TransformType.FORWARD ? 1 : 1.0 / n;
        for (int k = 0; k < n; k++) {
            f[0][k] = scale * (a[0][k] * chirpRe[k] - a[1][k] * chirpIm[k]);
            f[1][k] = scale * (a[0][k] * chirpIm[k] + a[1][k] * chirpRe[k]);
        }
    }
}
